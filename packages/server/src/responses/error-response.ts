import { GatewayError, gatewayErrorResponse } from '@helicone-kit/core';

export type ErrorDetails = {
  message: string;
  type?: string;
  code?: string | null;
  param?: string | null;
  /** The wait before a retry is worth it, when known. */
  retryAfterMs?: number;
};

/**
 * Every error answer of the route, in the one form the browser reads (`readRouteError`): `gatewayErrorResponse`,
 * that is an OpenAI-shaped JSON body `{ error: { message, type, code, param } }` (`openai` maps the status to its
 * error classes and reads it; `type` from the status when not given), and `retry-after-ms` with `Retry-After` (whole
 * seconds) when a wait is known. Added to `headers`, which it replaces where they overlap; never cached.
 */
export function errorResponse(status: number, details: ErrorDetails, headers?: HeadersInit): Response {
  const { message, type, code, param, retryAfterMs } = details;
  const response = gatewayErrorResponse(
    new GatewayError({
      status,
      message,
      type,
      code: code ?? undefined,
      param: param ?? undefined,
      retryAfterMs,
    }),
  );
  const responseHeaders = new Headers(headers);
  response.headers.forEach((value, name) => responseHeaders.set(name, value));
  responseHeaders.set('Content-Type', 'application/json; charset=utf-8');
  responseHeaders.set('Cache-Control', 'no-store');
  return new Response(response.body, { status: response.status, headers: responseHeaders });
}
