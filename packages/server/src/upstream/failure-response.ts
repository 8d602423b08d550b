import { errorResponse } from '../responses/error-response';
import type { RequestContext } from '../routing/request-context';
import type { UpstreamResult } from './call-upstream';

/** The route's answer when the upstream call produced no usable response. The reason is logged, redacted. */
export function failureResponse(
  context: RequestContext,
  result: Exclude<UpstreamResult, { kind: 'response' }>,
  what: string,
): Response {
  const { logger, redact, firstByteTimeoutMs } = context.options;
  switch (result.kind) {
    case 'client-aborted':
      // Nobody reads this: the client left. 499 is nginx's "client closed request".
      return errorResponse(499, { message: 'The client closed the request.', code: 'client_closed_request' });
    case 'timeout':
      logger.warn(redact(`[helicone-kit/server] ${what}: no response within ${firstByteTimeoutMs} ms.`));
      return errorResponse(504, {
        message: `The gateway did not answer within ${firstByteTimeoutMs} ms.`,
        type: 'server_error',
        code: 'upstream_timeout',
      });
    case 'redirect':
      logger.error(`[helicone-kit/server] ${what}: the gateway answered with a redirect (${result.status}).`);
      return errorResponse(502, {
        message: 'The gateway answered with a redirect, which the route does not follow.',
        type: 'server_error',
        code: 'upstream_redirect',
      });
    case 'network-error': {
      const reason = describeError(result.error);
      logger.error(redact(`[helicone-kit/server] ${what}: the gateway could not be reached: ${reason}`));
      return errorResponse(502, {
        message: 'The gateway could not be reached.',
        type: 'server_error',
        code: 'upstream_unreachable',
      });
    }
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
