import type { Fault } from '../types';

/**
 * Reads the CLI form of a fault, `provider=spec[:times]`, where spec is an HTTP status (`500`), `timeout`,
 * `cut` or `malformed`: `openai=500`, `anthropic=timeout:2`, `*=cut`.
 */
export function parseFault(text: string): { provider: string; fault: Fault } {
  const match = /^([\w*-]+)=(\d{3}|timeout|cut|malformed)(?::(\d+))?$/.exec(text.trim());
  if (!match) {
    throw new Error(
      `Invalid fault ${JSON.stringify(text)}: expected provider=<status|timeout|cut|malformed>[:times].`,
    );
  }
  const [, provider = '', spec = '', times] = match;
  const limit = times === undefined ? {} : { times: Number(times) };
  if (/^\d{3}$/.test(spec)) {
    const status = Number(spec);
    if (status < 400 || status > 599)
      throw new Error(`Invalid fault ${JSON.stringify(text)}: status must be 400-599.`);
    return { provider, fault: { type: 'status', status, ...limit } };
  }
  return { provider, fault: { type: spec as 'timeout' | 'cut' | 'malformed', ...limit } };
}
