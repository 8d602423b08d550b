import { RUNTIME_BODY, RUNTIME_FETCH } from '../upstream/runtime-fetch';
import { createNodeFetch } from './create-node-fetch';
import type { NodeRequest } from './node-types';

/** One keep-alive client for every request of the process. */
const nodeFetch = createNodeFetch();

function firstValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
}

/** The URL the browser asked for. Behind a proxy, `X-Forwarded-Proto` and `-Host` give the origin it saw. */
export function requestUrl(request: NodeRequest): string {
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  const protocol = firstValue(request.headers['x-forwarded-proto']) ?? (encrypted ? 'https' : 'http');
  const host = firstValue(request.headers['x-forwarded-host']) ?? request.headers.host ?? 'localhost';
  return `${protocol}://${host}${request.originalUrl ?? request.url ?? '/'}`;
}

function toHeaders(request: NodeRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    // HTTP/2 pseudo-headers (`:path`, ...) are not headers.
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * The body as a web stream that pulls from the socket as it is read, so a route that stops early (413) stops
 * the reading, and nothing is buffered ahead of the reader.
 */
function toBodyStream(request: NodeRequest): ReadableStream<Uint8Array> {
  let onData: ((chunk: Buffer) => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onData = (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      };
      request.on('data', onData);
      request.once('end', () => controller.close());
      request.once('error', (error) => controller.error(error));
    },
    pull() {
      request.resume();
    },
    cancel() {
      // The route stopped reading (413, 408): so does the adapter, which then closes the connection.
      if (onData) request.off('data', onData);
      request.pause();
    },
  });
}

/** A body that Express or Connect middleware (`express.json()`, ...) read already. */
function parsedBody(request: NodeRequest): BodyInit | undefined {
  if (!request.readableEnded || request.body === undefined) return undefined;
  const { body } = request;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  return JSON.stringify(body);
}

/** Bodies up to this size with a declared length are read whole before the route runs: fewer steps than a stream. */
const READ_WHOLE_MAX_BYTES = 64 * 1024;

function declaredLength(request: NodeRequest): number | undefined {
  const value = request.headers['content-length'];
  const length = value === undefined ? Number.NaN : Number(value);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * Reads a small body whole: undefined when the client goes away first, `'timeout'` (and no more reading) when it
 * has not all arrived within `timeoutMs`.
 */
export function readSmallBody(
  request: NodeRequest,
  timeoutMs: number,
): Promise<Buffer | undefined | 'timeout'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const timer = setTimeout(() => {
      request.off('data', onData);
      request.pause();
      resolve('timeout');
    }, timeoutMs);
    const settle = (value: Buffer | undefined) => {
      clearTimeout(timer);
      resolve(value);
    };
    request.on('data', onData);
    request.once('end', () => settle(Buffer.concat(chunks)));
    request.once('error', () => settle(undefined));
    request.once('close', () => {
      if (!request.complete) settle(undefined);
    });
  });
}

/** Whether `toWebRequest` wants the body read whole first (`readSmallBody`). */
export function wantsWholeBody(request: NodeRequest): boolean {
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || request.readableEnded) return false;
  const length = declaredLength(request);
  return length !== undefined && length <= READ_WHOLE_MAX_BYTES;
}

/**
 * The web `Request` for a Node request; `signal` aborts when the client goes away. `wholeBody` is the body
 * already read by `readSmallBody`; otherwise the body is a stream pulled from the socket as the route reads it.
 */
export function toWebRequest(request: NodeRequest, signal: AbortSignal, wholeBody?: Buffer): Request {
  const method = request.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers: toHeaders(request), signal };
  if (method !== 'GET' && method !== 'HEAD') {
    const body = wholeBody === undefined ? parsedBody(request) : new Uint8Array(wholeBody);
    if (body !== undefined) {
      init.body = body;
      (init.headers as Headers).delete('content-length');
    } else {
      init.body = toBodyStream(request);
      init.duplex = 'half';
    }
  }
  const webRequest = new Request(requestUrl(request), init);
  // The route calls the gateway through node:http, so the node adapter can pipe the answer socket to socket.
  Object.defineProperty(webRequest, RUNTIME_FETCH, { value: nodeFetch });
  // The bytes read already: the route takes them as they are instead of through the body stream.
  if (wholeBody !== undefined) Object.defineProperty(webRequest, RUNTIME_BODY, { value: wholeBody });
  return webRequest;
}
