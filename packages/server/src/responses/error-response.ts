/** The error body OpenAI clients parse: the `openai` SDK maps the status to its error classes and reads this. */
export type OpenAIErrorBody = {
  error: { message: string; type: string; code: string | null; param: string | null };
};

export type ErrorDetails = {
  message: string;
  type?: string;
  code?: string | null;
  param?: string | null;
};

const typeByStatus: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  405: 'invalid_request_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  429: 'rate_limit_error',
};

export function errorBody(status: number, details: ErrorDetails): OpenAIErrorBody {
  return {
    error: {
      message: details.message,
      type:
        details.type ?? typeByStatus[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
      code: details.code ?? null,
      param: details.param ?? null,
    },
  };
}

/** An OpenAI-shaped JSON error response. */
export function errorResponse(status: number, details: ErrorDetails, headers?: HeadersInit): Response {
  const responseHeaders = new Headers(headers);
  responseHeaders.set('Content-Type', 'application/json; charset=utf-8');
  responseHeaders.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(errorBody(status, details)), { status, headers: responseHeaders });
}
