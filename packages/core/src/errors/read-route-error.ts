import { DECIMAL } from '../internal/decimal';
import { isRecord } from '../internal/is-record';
import { GatewayError } from './gateway-error';
import { MAX_RETRY_AFTER_MS } from './retry-after';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** A header that holds a plain non-negative number, as that number. */
function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  return value !== undefined && DECIMAL.test(value) ? Number(value) : undefined;
}

/**
 * Reads an error answer of the server route, in the browser. The route answers every error in one form (the one
 * `gatewayErrorResponse` writes): an OpenAI-shaped body `{ error: { message, type, code, param } }`, the wait
 * it computed from whatever the gateway said in `retry-after-ms` (and `Retry-After`, in seconds, read when the
 * former is missing), and `Helicone-Id`. Any other body (a proxy's HTML page) gives the generic message and is kept
 * in `body`; a body that breaks mid-way is the `cause`. The body is read whole: the route's error bodies are small
 * (the multi-shape reader stops at 64 KiB). Never rejects. For an answer straight from the gateway or a
 * provider, in whatever shape, use `readGatewayError`.
 */
export async function readRouteError(response: Response): Promise<GatewayError> {
  const { headers } = response;
  let body = '';
  let cause: unknown;
  let error: Record<string, unknown> = {};
  try {
    body = await response.text();
  } catch (failure) {
    cause = failure;
  }
  try {
    const json: unknown = JSON.parse(body);
    if (isRecord(json) && isRecord(json.error)) error = json.error;
  } catch {
    // Not JSON: the generic message, the text in `body`.
  }
  const seconds = numberHeader(headers, 'retry-after');
  const wait =
    numberHeader(headers, 'retry-after-ms') ?? (seconds === undefined ? undefined : seconds * 1000);
  return new GatewayError({
    status: response.status,
    message: text(error.message),
    type: text(error.type),
    code: text(error.code),
    param: text(error.param),
    retryAfterMs: wait === undefined ? undefined : Math.min(Math.round(wait), MAX_RETRY_AFTER_MS),
    requestId: text(headers.get('helicone-id')),
    body,
    cause,
  });
}
