import { NDJSON_CONTENT_TYPE, sseToNdjson } from '@helicone-kit/core';
import { buildResponseHeaders } from '../headers/response-headers';
import { callHeliconeHeaders } from '../headers/call-helicone-headers';
import { chooseRequestId } from '../headers/request-id';
import { buildUpstreamHeaders } from '../headers/upstream-headers';
import { errorResponse } from '../responses/error-response';
import type { RequestContext } from '../routing/request-context';
import { callUpstream } from '../upstream/call-upstream';
import { runtimeFetchOf } from '../upstream/runtime-fetch';
import { failureResponse } from '../upstream/failure-response';
import { upstreamErrorResponse } from '../upstream/upstream-error-response';
import { checkOperationBody, type OperationName } from '../validate/check-operation-body';
import { readJsonBody } from '../validate/read-json-body';

const upstreamPaths: Record<OperationName, string> = {
  chat: '/chat/completions',
  completions: '/completions',
  embeddings: '/embeddings',
};

/**
 * `POST {base}/chat/completions`, `/completions`, `/embeddings`: checks the body, signs the call and streams the
 * upstream answer back untouched (SSE included), or its error sanitized. A stream asked for as NDJSON (the kit's
 * browser transport) is re-framed from the upstream's SSE, one line per event (`sseToNdjson`).
 */
export async function forwardOperation(context: RequestContext, operation: OperationName): Promise<Response> {
  const { options, request, corsOrigin } = context;
  const target = options.targets[operation];
  if (target === undefined) {
    return errorResponse(404, {
      message: `The ${operation} operation is not enabled on this route.`,
      code: 'operation_disabled',
    });
  }

  const json = await readJsonBody(request, {
    maxBytes: options.maxBodyBytes,
    timeoutMs: options.bodyTimeoutMs,
  });
  if (!json.ok) return json.response;
  const body = checkOperationBody(operation, json.value, context);
  if (!body.ok) return body.response;

  // The kit's own transport asks for the stream as NDJSON, so the browser needs no SSE parser; upstream it is SSE.
  const accept = request.headers.get('accept');
  const ndjson = operation !== 'embeddings' && accept?.includes(NDJSON_CONTENT_TYPE) === true;
  const requestId = chooseRequestId(request.headers.get('helicone-request-id'));
  const helicone = callHeliconeHeaders(context, requestId);
  if (!helicone.ok) return helicone.response;

  const result = await callUpstream({
    url: target.baseURL + upstreamPaths[operation],
    method: 'POST',
    headers: buildUpstreamHeaders({
      target,
      apiKey: options.apiKey,
      helicone: helicone.value,
      accept: ndjson ? 'text/event-stream, application/json' : accept,
      hasBody: true,
    }),
    body: JSON.stringify(body.value),
    clientSignal: request.signal,
    firstByteTimeoutMs: options.firstByteTimeoutMs,
    fetch: options.explicitFetch ?? runtimeFetchOf(request) ?? options.fetch,
  });
  if (result.kind !== 'response') return failureResponse(context, result, `POST ${upstreamPaths[operation]}`);

  const upstream = result.response;
  const headers = buildResponseHeaders(upstream.headers, { requestId, corsOrigin, redact: options.redact });
  if (!upstream.ok) return upstreamErrorResponse(upstream, headers, options.redact);
  if (ndjson && upstream.body && headers.get('content-type')?.includes('text/event-stream')) {
    headers.set('content-type', `${NDJSON_CONTENT_TYPE}; charset=utf-8`);
    return new Response(upstream.body.pipeThrough(sseToNdjson()), { status: upstream.status, headers });
  }
  // The body goes through as it came: no parsing, no re-encoding, no buffering.
  return new Response(upstream.body, { status: upstream.status, headers });
}
