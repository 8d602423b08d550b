import type { Authorization, Authorize } from '../options/handler-options';
import { errorResponse } from '../responses/error-response';
import type { Redact } from '../secrets/redactor';
import type { Logger } from '../options/handler-options';

export type AuthorizeOutcome = { ok: true; authorization: Authorization } | { ok: false; response: Response };

function isAuthorization(value: unknown): value is Authorization {
  if (typeof value !== 'object' || value === null) return false;
  const { userId, properties } = value as Authorization;
  if (userId !== undefined && (typeof userId !== 'string' || userId === '')) return false;
  if (properties === undefined) return true;
  return (
    typeof properties === 'object' &&
    properties !== null &&
    Object.values(properties).every((property) => typeof property === 'string')
  );
}

/** Runs the app's `authorize`; a `Response` it returns is the answer, a throw is the app's error (500, logged). */
export async function runAuthorize(
  authorize: Authorize | undefined,
  request: Request,
  logger: Logger,
  redact: Redact,
): Promise<AuthorizeOutcome> {
  if (authorize === undefined) return { ok: true, authorization: {} };
  let result: unknown;
  try {
    result = await authorize(request);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error(redact(`[helicone-kit/server] authorize threw: ${reason}`));
    return {
      ok: false,
      response: errorResponse(500, {
        message: 'Authorization failed on the server.',
        code: 'authorize_failed',
      }),
    };
  }
  if (result instanceof Response) return { ok: false, response: result };
  if (result === undefined || result === null) return { ok: true, authorization: {} };
  if (!isAuthorization(result)) {
    logger.error(
      '[helicone-kit/server] authorize must return { userId?, properties? }, a Response or undefined.',
    );
    return {
      ok: false,
      response: errorResponse(500, {
        message: 'Authorization failed on the server.',
        code: 'authorize_failed',
      }),
    };
  }
  return { ok: true, authorization: result };
}
