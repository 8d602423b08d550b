import type { GatewayState } from '../gateway-state';
import type { Exchange } from '../http/exchange';
import { readBody } from '../http/read-body';
import { sendJson } from '../http/respond';
import type { StoredRequest } from '../log/request-record';

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/**
 * The properties as Helicone stores them (HELICONE.md §2.1): the `Helicone-Property-*` ones, plus the session
 * headers, which the real gateway also keeps as properties under their header names. The log keeps those in
 * their own columns.
 */
function requestProperties(row: StoredRequest): Record<string, string> {
  const mirrored: [string, string | null][] = [
    ['Helicone-Session-Id', row.sessionId],
    ['Helicone-Session-Path', row.sessionPath],
    ['Helicone-Session-Name', row.sessionName],
  ];
  const properties = { ...row.properties };
  for (const [name, value] of mirrored) if (value !== null) properties[name] = value;
  return properties;
}

/** A logged request in the field names of Helicone's `HeliconeRequest` (HELICONE.md §4.2). */
export function heliconeRequest(row: StoredRequest, includeBody: boolean) {
  return {
    request_id: row.requestId,
    request_created_at: iso(row.createdAt),
    response_created_at: iso(row.completedAt),
    request_path: row.path,
    request_model: row.requestedModel,
    response_model: row.model,
    model: row.model,
    provider: row.provider,
    response_status: row.httpStatus,
    status: row.status,
    delay_ms: row.latencyMs,
    time_to_first_token: row.timeToFirstTokenMs,
    prompt_tokens: row.promptTokens,
    completion_tokens: row.completionTokens,
    total_tokens: row.totalTokens,
    reasoning_tokens: row.reasoningTokens,
    prompt_cache_read_tokens: row.promptCacheReadTokens,
    prompt_cache_write_tokens: row.promptCacheWriteTokens,
    cost: row.costUsd,
    costUSD: row.costUsd,
    request_properties: requestProperties(row),
    request_user_id: row.userId,
    session_id: row.sessionId,
    session_path: row.sessionPath,
    session_name: row.sessionName,
    prompt_id: row.promptId,
    feedback_rating: row.feedbackRating,
    cache_enabled: row.cacheEnabled,
    cache_hit: row.cacheHit,
    ai_gateway_body_mapping: 'OPENAI',
    ...(includeBody ? { request_body: parse(row.requestBody), response_body: parse(row.responseBody) } : {}),
  };
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `GET /v1/request/{id}[?includeBody=true]`: Jawn's `{data, error}`. */
export function handleGetRequest(state: GatewayState, exchange: Exchange, requestId: string): void {
  const row = state.log.get(requestId);
  if (!row) return sendJson(exchange.response, 404, { data: null, error: `Request ${requestId} not found` });
  const includeBody = exchange.url.searchParams.get('includeBody') === 'true';
  sendJson(exchange.response, 200, { data: heliconeRequest(row, includeBody), error: null });
}

/** `POST /v1/request/{id}/feedback` `{rating: boolean}` (HELICONE.md §4.1). */
export async function handleFeedback(
  state: GatewayState,
  exchange: Exchange,
  requestId: string,
): Promise<void> {
  let rating: unknown;
  try {
    rating = (JSON.parse(await readBody(exchange.request, 64 * 1024)) as { rating?: unknown }).rating;
  } catch {
    return sendJson(exchange.response, 400, {
      data: null,
      error: 'Body must be JSON: {"rating": true|false}',
    });
  }
  if (typeof rating !== 'boolean') {
    return sendJson(exchange.response, 400, { data: null, error: 'rating must be a boolean' });
  }
  if (!state.log.setFeedback(requestId, rating)) {
    return sendJson(exchange.response, 404, { data: null, error: `Request ${requestId} not found` });
  }
  sendJson(exchange.response, 200, { data: null, error: null });
}
