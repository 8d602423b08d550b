import type { ServerResponse } from 'node:http';
import type { HeliconeHandler } from '../create-helicone-handler';
import type { NextFunction, NodeHandler, NodeRequest } from './node-types';
import { readSmallBody, toWebRequest, wantsWholeBody } from './to-web-request';
import { writeWebResponse } from './write-web-response';

function pathOf(request: NodeRequest): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function isUnder(path: string, basePath: string): boolean {
  return path === basePath || path.startsWith(`${basePath}/`);
}

function failBeforeHeaders(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(
    JSON.stringify({ error: { message, type: 'invalid_request_error', code: null, param: null } }),
  );
}

/**
 * The route as a `node:http` listener and as Express / Connect / Vite middleware. When the client disconnects,
 * the web request's signal aborts, and with it the upstream call. As middleware, requests outside the route's
 * `basePath` go to `next()`.
 */
export function toNodeHandler(handler: HeliconeHandler): NodeHandler {
  return (request, response, next?: NextFunction) => {
    if (next !== undefined && !isUnder(pathOf(request), handler.basePath)) {
      next();
      return;
    }
    const controller = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) controller.abort(new Error('The client closed the connection.'));
    });
    const run = (wholeBody?: Buffer) => {
      let webRequest: Request;
      try {
        webRequest = toWebRequest(request, controller.signal, wholeBody);
      } catch {
        failBeforeHeaders(response, 400, 'The request could not be read.');
        return;
      }
      handler(webRequest)
        .then((webResponse) => writeWebResponse(webResponse, response))
        .catch(() => failBeforeHeaders(response, 500, 'The route failed unexpectedly.'));
    };
    if (!wantsWholeBody(request)) {
      run();
      return;
    }
    void readSmallBody(request).then((body) => {
      if (body !== undefined) run(body);
    });
  };
}
