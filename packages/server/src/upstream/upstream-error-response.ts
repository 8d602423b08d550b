import { gatewayErrorJson, readGatewayError } from '@helicone-kit/core';
import { errorResponse } from '../responses/error-response';
import type { Redact } from '../secrets/redactor';

const redactNullable = (value: string | null, redact: Redact) => (value === null ? null : redact(value));

/**
 * An upstream error as the browser gets it: the same status, the body parsed in whatever shape it came (the
 * gateway's `success:false` body, OpenAI's, Google's, plain text) and rewritten in the OpenAI shape, with every
 * secret redacted, and the wait before a retry computed from whatever the upstream said (`retry-after-ms`,
 * `Retry-After` in seconds or as a date, `Helicone-RateLimit-Reset`, Google's `RetryInfo`) and sent as
 * `retry-after-ms` and `Retry-After` (`errorResponse`). Nothing else of the upstream body is passed on.
 *
 * The whole body text is redacted before anything parses or cuts it (`GatewayError` keeps the first 1,000
 * characters of a message, which could end inside a key), and the parsed fields again (JSON escapes such as
 * `\/` or `\u0073` hide a key from the first pass).
 */
export async function upstreamErrorResponse(
  upstream: Response,
  headers: Headers,
  redact: Redact,
): Promise<Response> {
  const error = await readGatewayError(upstream, { redact });
  const { error: body } = gatewayErrorJson(error);
  // The upstream's own Retry-After gives way to the wait computed here (none, when nothing said one).
  headers.delete('Retry-After');
  headers.delete('X-Accel-Buffering');
  return errorResponse(
    upstream.status,
    {
      message: redact(body.message),
      type: redact(body.type),
      code: redactNullable(body.code, redact),
      param: redactNullable(body.param, redact),
      retryAfterMs: error.retryAfterMs,
    },
    headers,
  );
}
