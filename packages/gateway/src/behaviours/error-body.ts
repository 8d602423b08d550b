import type { AttemptOutcome } from './run-attempts';

export type ErrorFormat = 'gateway' | 'docs';

type Detail = { source: string; type: string; message: string; statusCode: number };

/**
 * Helicone's answer when every attempt failed (HELICONE.md §3.2, `createErrorResponse`): status by priority
 * (403, then 401, then any other provider error as 500, then all-429 as 429, else 500 `All attempts failed`) and
 * the worker's body `{success:false, error:{code, message, details, param}}`; or, with `format: 'docs'`, the
 * documented `{error:{message, type, code}}` (the [conflict] of §3.2).
 */
export function attemptsErrorBody(
  outcomes: readonly AttemptOutcome[],
  format: ErrorFormat,
): { status: number; body: unknown } {
  const details: Detail[] = outcomes.map((outcome) => ({
    source: outcome.source,
    type: outcome.status === 429 ? 'rate_limited' : 'request_failed',
    message: outcome.message ?? '',
    statusCode: outcome.status,
  }));
  const forbidden = outcomes.find((outcome) => outcome.status === 403);
  const other = outcomes.find((outcome) => ![401, 403, 429].includes(outcome.status));
  let status = 500;
  let code = 'all_attempts_failed';
  let message = 'All attempts failed';
  if (forbidden) {
    [status, code, message] = [403, 'request_failed', forbidden.message ?? 'Forbidden'];
  } else if (outcomes.some((outcome) => outcome.status === 401)) {
    [status, code, message] = [401, 'request_failed', 'Authentication failed'];
  } else if (other) {
    [status, code, message] = [500, 'request_failed', other.message ?? 'Provider error'];
  } else if (outcomes.length > 0 && outcomes.every((outcome) => outcome.status === 429)) {
    [status, code, message] = [429, 'rate_limited', 'Rate limited'];
  }
  if (format === 'docs') return { status, body: { error: { message, type: code, code: status } } };
  return { status, body: { success: false, error: { code, message, details, param: null } } };
}
