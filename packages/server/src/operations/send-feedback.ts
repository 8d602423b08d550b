import { buildResponseHeaders } from '../headers/response-headers';
import { jsonResponse } from '../responses/json-response';
import type { RequestContext } from '../routing/request-context';
import { callUpstream } from '../upstream/call-upstream';
import { runtimeFetchOf } from '../upstream/runtime-fetch';
import { failureResponse } from '../upstream/failure-response';
import { upstreamErrorResponse } from '../upstream/upstream-error-response';
import { invalidBodyResponse } from '../validate/describe-issue';
import { feedbackBodySchema } from '../validate/feedback-body-schema';
import { readJsonBody } from '../validate/read-json-body';
import { applyCorsHeaders } from '../cors/cors-headers';
import { runAuthorizeFeedback } from '../authorize/run-authorize-feedback';

/** `POST {base}/feedback` `{ requestId, rating }` → Helicone's `POST /v1/request/{id}/feedback` with the server's key. */
export async function sendFeedback(context: RequestContext): Promise<Response> {
  const { options, request, corsOrigin } = context;
  const json = await readJsonBody(request, {
    maxBytes: options.maxBodyBytes,
    timeoutMs: options.bodyTimeoutMs,
  });
  if (!json.ok) return json.response;
  const parsed = feedbackBodySchema.safeParse(json.value);
  if (!parsed.success) return invalidBodyResponse(parsed.error);
  const { requestId, rating } = parsed.data;
  const refused = await runAuthorizeFeedback(
    options.authorizeFeedback,
    requestId,
    context.authorization,
    options.logger,
    options.redact,
  );
  if (refused !== undefined) return refused;

  const path = `/v1/request/${requestId}/feedback`;
  const result = await callUpstream({
    url: options.apiBaseURL + path,
    method: 'POST',
    headers: new Headers({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Authorization: `Bearer ${options.apiKey}`,
    }),
    body: JSON.stringify({ rating }),
    clientSignal: request.signal,
    firstByteTimeoutMs: options.firstByteTimeoutMs,
    fetch: options.explicitFetch ?? runtimeFetchOf(request) ?? options.fetch,
  });
  if (result.kind !== 'response') return failureResponse(context, result, 'POST /v1/request/{id}/feedback');
  const upstream = result.response;
  if (!upstream.ok) {
    return upstreamErrorResponse(
      upstream,
      buildResponseHeaders(new Headers(), { requestId, corsOrigin, redact: options.redact }),
      options.redact,
    );
  }
  await upstream.body?.cancel().catch(() => undefined);
  const headers = new Headers();
  applyCorsHeaders(headers, corsOrigin);
  return jsonResponse(200, { requestId, rating }, headers);
}
