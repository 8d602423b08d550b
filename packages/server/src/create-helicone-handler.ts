import { runAuthorize } from './authorize/run-authorize';
import { applyCorsHeaders } from './cors/cors-headers';
import { decideOrigin } from './cors/origin-policy';
import { answerPreflight } from './cors/preflight';
import { loadModelList } from './models/load-model-list';
import { createModelsCache } from './models/models-cache';
import type { ModelInfo } from '@helicone-kit/core';
import { forwardOperation } from './operations/forward-operation';
import { listModels } from './operations/list-models';
import { sendFeedback } from './operations/send-feedback';
import type { HeliconeHandlerOptions } from './options/helicone-handler-options';
import { resolveOptions, type ResolvedOptions } from './options/resolve-options';
import { errorResponse } from './responses/error-response';
import { matchRoute } from './routing/match-route';
import type { RequestContext } from './routing/request-context';

export type HeliconeHandler = ((request: Request) => Promise<Response>) & {
  /** Where the route is mounted; adapters use it to pass other paths on (`next()`). */
  readonly basePath: string;
  /** `limits.bodyTimeoutMs`: adapters that read a body before calling the route hold to it too. */
  readonly bodyTimeoutMs: number;
};

/**
 * The route: `(request: Request) => Promise<Response>`, using Web APIs only (its import graph reaches no Node
 * built-in); tested on Node.
 *
 * @throws HandlerOptionsError when the options cannot work (no key, budgets without `authorize`, ...).
 */
export function createHeliconeHandler(options: HeliconeHandlerOptions = {}): HeliconeHandler {
  const resolved = resolveOptions(options);
  const models = createModelsCache(() => loadModelList(resolved));

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await handle(request, resolved, models);
    } catch (error) {
      // A bug or a broken runtime, never a client's mistake: logged (redacted), answered without detail.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      resolved.logger.error(resolved.redact(`[helicone-kit/server] unexpected error: ${reason}`));
      return errorResponse(500, { message: 'The route failed unexpectedly.', code: 'internal_error' });
    }
  };
  return Object.assign(handler, { basePath: resolved.basePath, bodyTimeoutMs: resolved.bodyTimeoutMs });
}

async function handle(
  request: Request,
  options: ResolvedOptions,
  models: () => Promise<ModelInfo[]>,
): Promise<Response> {
  const url = new URL(request.url);
  const decision = decideOrigin(request, options.originAllowed);
  const corsOrigin = decision.kind === 'allowed' ? decision.origin : undefined;
  const match = matchRoute(url.pathname, options.basePath);
  if (match.kind === 'not-found') {
    return withCors(
      errorResponse(404, { message: `No route for ${url.pathname}.`, code: 'not_found' }),
      corsOrigin,
    );
  }
  const allow = [...match.methods, 'OPTIONS'].join(', ');
  if (request.method === 'OPTIONS') return answerPreflight(request, decision, allow);
  if (!match.methods.includes(request.method)) {
    const message = `${request.method} is not allowed here; use ${match.methods.join(' or ')}.`;
    return withCors(
      errorResponse(405, { message, code: 'method_not_allowed' }, { Allow: allow }),
      corsOrigin,
    );
  }
  if (decision.kind === 'refused') {
    return errorResponse(403, {
      message: 'Cross-site requests to this route are refused (see the allowedOrigins option).',
      code: 'origin_not_allowed',
    });
  }

  const authorized = await runAuthorize(options.authorize, request, options.logger, options.redact);
  if (!authorized.ok) return withCors(authorized.response, corsOrigin);
  const context: RequestContext = { request, options, corsOrigin, authorization: authorized.authorization };

  switch (match.route) {
    case 'chat':
    case 'completions':
    case 'embeddings':
      return withCors(await forwardOperation(context, match.route), corsOrigin);
    case 'models':
      return listModels(context, models);
    case 'feedback':
      return withCors(await sendFeedback(context), corsOrigin);
  }
}

/** Error answers need the CORS headers too, or the browser hides their body from the page. */
function withCors(response: Response, corsOrigin: string | undefined): Response {
  if (corsOrigin === undefined || response.headers.has('Access-Control-Allow-Origin')) return response;
  try {
    applyCorsHeaders(response.headers, corsOrigin);
    return response;
  } catch {
    // Immutable headers (a Response made by fetch, returned by `authorize`): copy them.
    const headers = new Headers(response.headers);
    applyCorsHeaders(headers, corsOrigin);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
