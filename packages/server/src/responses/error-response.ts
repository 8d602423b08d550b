import { GatewayError, type GatewayErrorJson } from '@helicone-kit/core';

export type ErrorDetails = {
  message: string;
  type?: string;
  code?: string | null;
  param?: string | null;
};

/** The OpenAI error body (`openai` maps the status to its error classes and reads this); type from the status. */
export function errorBody(status: number, { message, type, code, param }: ErrorDetails): GatewayErrorJson {
  return new GatewayError({
    status,
    message,
    type,
    code: code ?? undefined,
    param: param ?? undefined,
  }).toJSON();
}

/** An OpenAI-shaped JSON error response. */
export function errorResponse(status: number, details: ErrorDetails, headers?: HeadersInit): Response {
  const responseHeaders = new Headers(headers);
  responseHeaders.set('Content-Type', 'application/json; charset=utf-8');
  responseHeaders.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(errorBody(status, details)), { status, headers: responseHeaders });
}
