import type { GatewayError } from './gateway-error';
import { gatewayErrorJson } from './gateway-error-json';

/**
 * The server route's answer for `error`, the one form `readRouteError` reads: a JSON `Response` with
 * `gatewayErrorJson(error)` as its body, the error's status (502 when that is not an error status), `retry-after-ms`
 * and `Retry-After` (whole seconds, rounded up) when the wait is known, and `Helicone-Id` when known and safe to send.
 */
export function gatewayErrorResponse(error: GatewayError): Response {
  const { status, retryAfterMs, requestId } = error;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfterMs !== undefined) {
    headers['retry-after-ms'] = String(retryAfterMs);
    headers['retry-after'] = String(Math.ceil(retryAfterMs / 1000));
  }
  if (requestId !== undefined && /^[\x21-\x7e]{1,200}$/.test(requestId)) headers['helicone-id'] = requestId;
  return new Response(JSON.stringify(gatewayErrorJson(error)), {
    status: Number.isInteger(status) && status >= 400 && status <= 599 ? status : 502,
    headers,
  });
}
