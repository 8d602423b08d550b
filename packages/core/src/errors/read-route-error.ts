import { GatewayError } from './gateway-error';
import { MAX_ERROR_PARSE_LENGTH } from './parse-error-body';
import { readBodyText } from './read-body-text';
import { decimalWaitMs } from './retry-after';

const text = (value: unknown) => (typeof value === 'string' && value) || undefined;

/**
 * Reads an error answer of the server route, in the browser. The route answers every error in one form (the one
 * `gatewayErrorResponse` writes): an OpenAI-shaped body `{ error: { message, type, code, param } }`, the wait
 * it computed from whatever the gateway said in `retry-after-ms` (and `Retry-After`, in seconds, read when the
 * former is missing), and `Helicone-Id`. Any other body (a proxy's HTML page) gives the generic message and is kept
 * in `body`; a body that breaks mid-way is the `cause`. At most 64 KiB of the body is read (the route's own are
 * small; a proxy's page may be huge or endless): the rest is cancelled. Never rejects. For an answer straight from
 * the gateway or a provider, in whatever shape, use `readGatewayError`.
 */
export async function readRouteError(response: Response): Promise<GatewayError> {
  return routeError(
    response.status,
    response.headers,
    ...(await readBodyText(response, MAX_ERROR_PARSE_LENGTH)),
  );
}

/** The route's error of `status` from its headers and (at most 64 KiB of) its body, as `readRouteError` reads it. */
export function routeError(status: number, headers: Headers, body: string, cause?: unknown): GatewayError {
  // Fields of anything but an `error` object (a string or a number has none) read as missing.
  let error: Partial<Record<'message' | 'type' | 'code' | 'param', unknown>> = {};
  try {
    error = (JSON.parse(body) as { error?: typeof error }).error ?? {};
  } catch {
    // Not JSON, or `null`: the generic message, the text in `body`.
  }
  return new GatewayError({
    status,
    message: text(error.message),
    type: text(error.type),
    code: text(error.code),
    param: text(error.param),
    retryAfterMs:
      decimalWaitMs(headers.get('retry-after-ms'), 1) ?? decimalWaitMs(headers.get('retry-after'), 1000),
    requestId: text(headers.get('helicone-id')),
    body,
    cause,
  });
}
