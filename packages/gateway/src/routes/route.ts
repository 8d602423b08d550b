import { listModels } from '../catalogue/list-models';
import { registryModels } from '../catalogue/registry-models';
import type { GatewayState } from '../gateway-state';
import { isApiKeyValid } from '../http/api-key';
import type { Exchange } from '../http/exchange';
import { BodyTooLargeError, readBody } from '../http/read-body';
import { sendJson, sendText } from '../http/respond';
import { handleChatCompletions, handleCompletions, missingModel } from './chat-completions';
import { handleDevFaults } from './dev-faults';
import { handleEmbeddings } from './embeddings';
import { startGatewayCall } from './gateway-call';
import { handlePromptApi } from './prompt-api';
import { registryPrice } from './registry-price';
import { handleFeedback, handleGetRequest } from './request-api';

const bodyLimit = 10 * 1024 * 1024;
const methodNotAllowed = 'Method not allowed. AI Gateway only accepts POST requests.';
const requestPath = /^\/v1\/request\/([^/]+)$/;
const feedbackPath = /^\/v1\/request\/([^/]+)\/feedback$/;
const promptPrefix = '/v1/prompt-2025';

function unauthorized(exchange: Exchange): void {
  sendText(exchange.response, 401, 'Invalid Helicone API key');
}

/** Dispatches one exchange to its endpoint (HELICONE.md §1.3 for the gateway paths, §4 for the REST ones). */
export async function route(state: GatewayState, exchange: Exchange): Promise<void> {
  const { request, response, url } = exchange;
  const path = url.pathname.replace(/\/{2,}/g, '/');
  const method = request.method ?? 'GET';
  if (method === 'GET' && path === '/v1/models') return sendJson(response, 200, listModels());
  if (method === 'GET' && path === '/v1/public/model-registry/models') {
    return sendJson(response, 200, registryModels(registryPrice));
  }
  const requestMatch = method === 'GET' ? requestPath.exec(path) : null;
  const isPromptApi = path === promptPrefix || path.startsWith(`${promptPrefix}/`);
  if (requestMatch || (isPromptApi && (method === 'GET' || method === 'POST'))) {
    if (!isApiKeyValid(request.headers, state.apiKey)) return unauthorized(exchange);
    if (requestMatch) return handleGetRequest(state, exchange, decodeURIComponent(requestMatch[1] as string));
    return handlePromptApi(state, exchange, path.slice(promptPrefix.length));
  }
  if (method !== 'POST') return sendText(response, 405, methodNotAllowed, { allow: 'POST, GET' });
  if (!isApiKeyValid(request.headers, state.apiKey)) return unauthorized(exchange);
  if (path === '/__dev/faults' && state.dev) return handleDevFaults(state, exchange);
  const feedback = feedbackPath.exec(path);
  if (feedback) return handleFeedback(state, exchange, decodeURIComponent(feedback[1] as string));

  let bodyText: string;
  try {
    bodyText = await readBody(request, bodyLimit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendText(response, 413, error.message);
    throw error;
  }
  const call = startGatewayCall(state, exchange, bodyText);
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return call.failText(400, missingModel);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return call.failText(400, missingModel);
  const record = body as Record<string, unknown>;
  if (path.endsWith('/embeddings')) return handleEmbeddings(call, record);
  if (path.endsWith('/completions') && !path.endsWith('/chat/completions'))
    return handleCompletions(call, record);
  if (path.includes('v1/responses')) {
    return call.failText(
      400,
      'The local gateway does not emulate the Responses API; use /v1/chat/completions.',
    );
  }
  return handleChatCompletions(call, record);
}
