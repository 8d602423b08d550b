import type { ServerResponse } from 'node:http';
import type { HeliconeHandler } from '../create-helicone-handler';
import { errorResponse } from '../responses/error-response';
import { MAX_JSON_DEPTH } from '../validate/json-depth';
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

/** Answers the route refuses a body with: the rest of it is not read, so the connection cannot be reused. */
const BODY_REFUSED = new Set([408, 413]);

/**
 * Ends the connection after this response instead of reading a body nobody wants (a slow or huge one): node:http
 * closes the socket once the response is sent when it carries `Connection: close`.
 */
function closeAfterResponse(request: NodeRequest, response: ServerResponse): void {
  response.setHeader('Connection', 'close');
  response.once('finish', () => request.socket.destroySoon());
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
      } catch (error) {
        // A body a framework parsed already is written back as JSON: nested deep enough, that overflows.
        const refused =
          error instanceof RangeError
            ? errorResponse(400, {
                message: `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
                code: 'body_too_deep',
              })
            : errorResponse(400, { message: 'The request could not be read.', code: 'body_unreadable' });
        void writeWebResponse(refused, response);
        return;
      }
      handler(webRequest)
        .then((webResponse) => {
          if (BODY_REFUSED.has(webResponse.status) && !request.complete)
            closeAfterResponse(request, response);
          return writeWebResponse(webResponse, response);
        })
        .catch(() => failBeforeHeaders(response, 500, 'The route failed unexpectedly.'));
    };
    if (!wantsWholeBody(request)) {
      run();
      return;
    }
    void readSmallBody(request, handler.bodyTimeoutMs).then((body) => {
      if (body === 'timeout') {
        closeAfterResponse(request, response);
        const refused = errorResponse(408, {
          message: `The request body did not arrive within ${handler.bodyTimeoutMs} ms.`,
          code: 'body_timeout',
        });
        void writeWebResponse(refused, response);
      } else if (body !== undefined) {
        run(body);
      }
    });
  };
}
