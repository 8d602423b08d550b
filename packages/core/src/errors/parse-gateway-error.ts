import { createHeaderReader, type HeadersInput } from '../response/read-header';
import { GatewayError, type GatewayErrorOptions } from './gateway-error';
import { MAX_ERROR_PARSE_LENGTH, parseErrorBody } from './parse-error-body';
import { readRetryAfterMs } from './retry-after';

/** The options of `parseGatewayError`'s error, for a caller that adds a `cause`. */
export function gatewayErrorOptions(
  status: number,
  bodyText: string,
  headers?: HeadersInput,
): GatewayErrorOptions {
  const body = typeof bodyText === 'string' ? bodyText.slice(0, MAX_ERROR_PARSE_LENGTH + 1) : '';
  const parsed = parseErrorBody(body);
  const read = createHeaderReader(headers);
  return {
    status,
    ...parsed,
    retryAfterMs: readRetryAfterMs(read, parsed.details, Date.now()),
    requestId: read('helicone-id'),
    body,
  };
}

/**
 * A `GatewayError` from an error body already read, in any shape the gateway, the providers or a route send
 * (`parseErrorBody`), with the wait from `retry-after-ms`, `Retry-After` (seconds or an HTTP date),
 * `Helicone-RateLimit-Reset` or a Google `RetryInfo`, and the `Helicone-Id`. Never throws.
 */
export function parseGatewayError(status: number, bodyText: string, headers?: HeadersInput): GatewayError {
  return new GatewayError(gatewayErrorOptions(status, bodyText, headers));
}
