import type { Authorization, AuthorizeFeedback, Logger } from '../options/handler-options';
import { errorResponse } from '../responses/error-response';
import type { Redact } from '../secrets/redactor';

/**
 * Runs the app's `authorizeFeedback`: undefined when the rating may go on, else the answer (403 for `false`, the
 * app's own `Response`, a 500 for a throw, logged redacted). Without the hook every caller of the route may rate.
 */
export async function runAuthorizeFeedback(
  authorizeFeedback: AuthorizeFeedback | undefined,
  requestId: string,
  authorization: Authorization,
  logger: Logger,
  redact: Redact,
): Promise<Response | undefined> {
  if (authorizeFeedback === undefined) return undefined;
  let result: unknown;
  try {
    result = await authorizeFeedback(requestId, authorization);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error(redact(`[helicone-kit/server] authorizeFeedback threw: ${reason}`));
    return errorResponse(500, { message: 'Authorization failed on the server.', code: 'authorize_failed' });
  }
  if (result instanceof Response) return result;
  if (result === true || result === undefined) return undefined;
  return errorResponse(403, {
    message: 'You may not rate this request.',
    code: 'feedback_not_allowed',
  });
}
