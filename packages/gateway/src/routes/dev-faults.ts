import { validateFaults } from '../behaviours/faults';
import type { GatewayState } from '../gateway-state';
import type { Exchange } from '../http/exchange';
import { readBody } from '../http/read-body';
import { sendJson } from '../http/respond';

/** `POST /__dev/faults` (only with `dev`): replaces the faults in force; `{}` clears them. */
export async function handleDevFaults(state: GatewayState, exchange: Exchange): Promise<void> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readBody(exchange.request, 64 * 1024));
  } catch {
    return sendJson(exchange.response, 400, {
      error: 'Body must be JSON: { "<provider>": { "type": "status", "status": 500 } }',
    });
  }
  const faults = validateFaults(parsed);
  if (typeof faults === 'string') return sendJson(exchange.response, 400, { error: faults });
  state.faults = Object.fromEntries(
    Object.entries(faults).map(([provider, fault]) => [provider, { ...fault }]),
  );
  sendJson(exchange.response, 200, { faults: state.faults });
}
