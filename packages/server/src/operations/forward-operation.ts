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
 * upstream answer back untouched (SSE included), or its error sanitized.
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
      accept: request.headers.get('accept'),
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
  // The body goes through as it came: no parsing, no re-encoding, no buffering.
  return new Response(upstream.body, { status: upstream.status, headers });
}
