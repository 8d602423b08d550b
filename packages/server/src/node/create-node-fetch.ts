import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { nodeBackedStream } from './node-body-source';

// Statuses whose responses have no body; `new Response` refuses one for them.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

function toHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    try {
      headers.append(raw[index]!, raw[index + 1]!);
    } catch {
      // A header fetch would refuse too: left out.
    }
  }
  return headers;
}

/**
 * A `fetch` over node:http(s) with keep-alive, for the calls the route makes (string or URL input, string body).
 * Its response bodies are web streams that the node adapter can bypass, piping the upstream socket straight
 * to the client. It never follows redirects and asks for no compression, so bodies pass as sent.
 */
export function createNodeFetch(): typeof fetch {
  const httpAgent = new HttpAgent({ keepAlive: true });
  const httpsAgent = new HttpsAgent({ keepAlive: true });
  const nodeFetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      return Promise.reject(new TypeError('This fetch sends string bodies only.'));
    }
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    const given = init.headers;
    if (given instanceof Headers || Array.isArray(given)) {
      new Headers(given).forEach((value, name) => {
        headers[name] = value;
      });
    } else if (given !== undefined) {
      // The route's own calls: a record, copied without building a Headers object.
      for (const name in given) headers[name.toLowerCase()] = given[name]!;
    }
    const body = init.body ?? undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(url, {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? httpsAgent : httpAgent,
      });
      const onAbort = () => {
        const reason = abortError(signal!);
        request.destroy(reason);
        reject(reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.once('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(new TypeError('fetch failed', { cause: error }));
      });
      request.once('response', (incoming) => {
        const status = incoming.statusCode ?? 502;
        const nullBody = NULL_BODY_STATUSES.has(status) || init.method === 'HEAD';
        if (nullBody) incoming.resume();
        // After the headers, an abort ends the body: the stream then fails (or the piped response is cut).
        incoming.once('close', () => signal?.removeEventListener('abort', onAbort));
        signal?.addEventListener('abort', () => incoming.destroy(), { once: true });
        let response: Response;
        try {
          // The status text is not passed on: a control character in it would make `new Response` throw.
          response = new Response(nullBody ? null : nodeBackedStream(incoming), {
            status,
            statusText: '',
            headers: toHeaders(incoming),
          });
        } catch (error) {
          // A status outside 200–599: no web Response can carry it. Thrown here, in an event listener, it would
          // crash the process and leave the client waiting.
          incoming.destroy();
          request.destroy();
          reject(new TypeError('fetch failed', { cause: error }));
          return;
        }
        resolve(response);
      });
      request.end(body);
    });
  };
  return nodeFetch;
}
