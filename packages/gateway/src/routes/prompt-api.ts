import type { GatewayState } from '../gateway-state';
import type { Exchange } from '../http/exchange';
import { readBody } from '../http/read-body';
import { sendJson } from '../http/respond';

const result = (data: unknown) => ({ data, error: null });
const failure = (error: string) => ({ data: null, error });

async function jsonBody(exchange: Exchange): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readBody(exchange.request, 1024 * 1024));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The part of Helicone's Prompts 2.0 REST API (`/v1/prompt-2025`, HELICONE.md §4.4) the gateway keeps:
 * `POST ""` (create), `POST update`, `POST query`, `GET id/{promptId}`, `GET {versionId}/prompt-body`.
 * Answers Jawn's `{data, error}`.
 */
export async function handlePromptApi(state: GatewayState, exchange: Exchange, rest: string): Promise<void> {
  const { response } = exchange;
  const method = exchange.request.method;
  if (method === 'POST' && (rest === '' || rest === '/')) {
    const body = await jsonBody(exchange);
    if (
      !body ||
      typeof body.name !== 'string' ||
      typeof body.promptBody !== 'object' ||
      body.promptBody === null
    ) {
      return sendJson(response, 400, failure('Expected {name, tags?, promptBody}'));
    }
    const tags = Array.isArray(body.tags)
      ? body.tags.filter((tag): tag is string => typeof tag === 'string')
      : [];
    return sendJson(
      response,
      201,
      result(state.prompts.create(body.name, tags, body.promptBody as Record<string, unknown>)),
    );
  }
  if (method === 'POST' && rest === '/update') {
    const body = await jsonBody(exchange);
    if (
      !body ||
      typeof body.promptId !== 'string' ||
      typeof body.promptBody !== 'object' ||
      body.promptBody === null
    ) {
      return sendJson(response, 400, failure('Expected {promptId, promptBody, environment?}'));
    }
    const environment = typeof body.environment === 'string' ? body.environment : undefined;
    const versionId = state.prompts.update(
      body.promptId,
      body.promptBody as Record<string, unknown>,
      environment,
    );
    if (!versionId) return sendJson(response, 404, failure(`Prompt ${body.promptId} not found`));
    return sendJson(response, 200, result({ id: versionId }));
  }
  if (method === 'POST' && rest === '/query') {
    const body = (await jsonBody(exchange)) ?? {};
    const search = typeof body.search === 'string' ? body.search.toLowerCase() : '';
    const found = state.prompts.all().filter((prompt) => prompt.name.toLowerCase().includes(search));
    return sendJson(response, 200, result(found.map(({ id, name, tags }) => ({ id, name, tags }))));
  }
  const byId = /^\/id\/([^/]+)$/.exec(rest);
  if (method === 'GET' && byId) {
    const prompt = state.prompts.get(decodeURIComponent(byId[1] as string));
    if (!prompt) return sendJson(response, 404, failure('Prompt not found'));
    return sendJson(response, 200, result(prompt));
  }
  const promptBody = /^\/([^/]+)\/prompt-body$/.exec(rest);
  if (method === 'GET' && promptBody) {
    const version = state.prompts.findVersion(decodeURIComponent(promptBody[1] as string));
    if (!version) return sendJson(response, 404, failure('Prompt version not found'));
    return sendJson(response, 200, result(version.promptBody));
  }
  sendJson(response, 404, failure('Unknown prompt endpoint'));
}
