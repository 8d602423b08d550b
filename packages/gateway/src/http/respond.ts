import type { ServerResponse } from 'node:http';

export type HeaderMap = Record<string, string>;

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: HeaderMap = {},
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { ...headers, 'content-type': 'text/plain;charset=UTF-8' });
  response.end(text);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: HeaderMap = {},
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { ...headers, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
