import type { GatewayError } from './gateway-error';

/** The OpenAI error shape `gatewayErrorJson` gives, which the server route returns and the client reads back. */
export type GatewayErrorJson = {
  error: { message: string; type: string; code: string | null; param: string | null };
};

/** OpenAI's error types by status: the `openai` SDK and most clients branch on these. */
function defaultType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 400 && status < 500) return 'invalid_request_error';
  if (status >= 500) return 'server_error';
  return 'api_error';
}

/**
 * `error` in the OpenAI error shape; `type` falls back to one chosen from the status. A function rather than a
 * method, so a browser bundle, which only reads errors, does not carry it.
 */
export function gatewayErrorJson(error: GatewayError): GatewayErrorJson {
  return {
    error: {
      message: error.message,
      type: error.type ?? defaultType(error.status),
      code: error.code ?? null,
      param: error.param ?? null,
    },
  };
}
