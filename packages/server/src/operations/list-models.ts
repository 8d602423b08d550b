import { applyCorsHeaders } from '../cors/cors-headers';
import type { ModelInfo, ModelList } from '@helicone-kit/core';
import { jsonResponse } from '../responses/json-response';
import type { RequestContext } from '../routing/request-context';

/** `GET {base}/models`: the models this route allows, as an OpenAI list with picker details and prices. */
export async function listModels(
  context: RequestContext,
  load: () => Promise<ModelInfo[]>,
): Promise<Response> {
  const body: ModelList = { object: 'list', data: await load() };
  const headers = new Headers();
  applyCorsHeaders(headers, context.corsOrigin);
  return jsonResponse(200, body, headers);
}
