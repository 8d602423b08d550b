import { fromHeliconeMetadata, HeaderValueError, toHeliconeHeaders } from '@helicone-kit/core';
import { budgetPolicyFor } from '../budgets/budget-policy';
import { errorResponse } from '../responses/error-response';
import type { RequestContext } from '../routing/request-context';
import type { Checked } from '../validate/body-result';
import { pickClientHeliconeHeaders } from './client-may';
import { mergeHeliconeOptions } from './merge-helicone-options';

function headerError(error: HeaderValueError): Response {
  return errorResponse(400, {
    message: error.message,
    code: 'invalid_helicone_header',
    param: error.header ?? error.field,
  });
}

/**
 * The `Helicone-*` headers of one forwarded call: the browser's (as far as `clientMay` allows, validated), under
 * the server's `defaults`, `authorize` and budget, plus the request id.
 */
export function callHeliconeHeaders(
  context: RequestContext,
  requestId: string,
): Checked<Record<string, string>> {
  const { options, request, authorization } = context;
  let budgetPolicy: string | undefined;
  if (options.budgets !== undefined) {
    if (authorization.userId === undefined) {
      return {
        ok: false,
        response: errorResponse(401, {
          message: 'This route has spending budgets, so every call needs a signed-in user.',
          code: 'user_required',
        }),
      };
    }
    const budget = budgetPolicyFor(options.budgets, authorization.userId);
    if (budget.kind === 'invalid') {
      options.logger.error(`[helicone-kit/server] budgets(userId) returned a budget that ${budget.reason}`);
      return {
        ok: false,
        response: errorResponse(500, { message: 'The route is misconfigured.', code: 'invalid_budget' }),
      };
    }
    if (budget.kind === 'policy') budgetPolicy = budget.policy;
  }
  try {
    const client = fromHeliconeMetadata(pickClientHeliconeHeaders(request.headers, options.clientMay));
    const merged = mergeHeliconeOptions({
      client,
      defaults: options.defaults,
      authorization,
      budgetPolicy,
      requestId,
    });
    return { ok: true, value: toHeliconeHeaders(merged) };
  } catch (error) {
    if (HeaderValueError.isInstance(error)) return { ok: false, response: headerError(error) };
    throw error;
  }
}
