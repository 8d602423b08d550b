import { HeliconeKitError } from '../errors/helicone-kit-error';
import { MAX_ERROR_PARSE_LENGTH } from '../errors/parse-error-body';
import { routeError } from '../errors/read-route-error';
import { StreamError } from '../errors/stream-error';
import { encodeHeliconeHeaders } from '../headers/encode-helicone-headers';
import { isRecord } from '../internal/is-record';
import type { ChatCompletion, CompletionChunk } from '../openai/types';
import { readAnswerInfo } from '../response/read-answer-info';
import { readCompletionEvent } from '../stream/read-completion-event';
import { NDJSON_CONTENT_TYPE } from '../stream/sse-to-ndjson';
import type { ChatTransport, ChatTransportEvent, ChatTransportRequest } from './chat-transport';
import { routeHeaders, routeUrl } from './fetch-route';
import { readIntake } from './read-intake';

type HeaderRecord = Record<string, string>;

export type HttpTransportOptions = {
  /** The route, e.g. `/api/helicone`: requests go to `${api}/chat/completions`. */
  api: string;
  /**
   * Default: the global `fetch`, looked up at each request, called in a worker where one can start. A `fetch` of
   * your own is called in the page.
   */
  fetch?: typeof fetch;
  /** More headers for the route (your own auth, say); a function is called for every request. */
  headers?: HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>);
  /** Default `same-origin`. */
  credentials?: RequestCredentials;
};

/**
 * Talks to the server route: POSTs the OpenAI body with the `Helicone-*` headers of the turn, turns a non-2xx
 * status into a `GatewayError` (`routeError`: the route answers every error in the OpenAI shape), and yields the
 * stream's chunks in batches, at most one per the request's `batchMs` (or the whole completion with `stream:
 * false`). Aborting the request's signal ends the request, so `stop()` makes the route abort upstream. A body that
 * breaks off (not by the caller's abort) becomes a `StreamError` of type `connection_cut`, its `cause` the error
 * `fetch` gave.
 *
 * The stream comes as the route's NDJSON (`sseToNdjson`: the route parses the SSE, so the browser needs no SSE
 * parser); an SSE answer is refused with a `HeliconeKitError` that says so. In a browser the request runs in a
 * worker (`startIntake`): the network's chunks wake the worker, and the page reads one batch of lines at a time.
 */
export function createHttpTransport(options: HttpTransportOptions): ChatTransport {
  async function* send({
    body,
    signal,
    batchMs = 0,
    ...request
  }: ChatTransportRequest): AsyncGenerator<ChatTransportEvent> {
    const headers = await routeHeaders(options, {
      ...request.headers,
      ...encodeHeliconeHeaders(request.helicone),
      'content-type': 'application/json',
      accept: body.stream ? NDJSON_CONTENT_TYPE : 'application/json',
    });
    const init = {
      method: 'POST',
      headers: [...headers],
      body: JSON.stringify(body),
      credentials: options.credentials ?? 'same-origin',
    };
    const messages = readIntake(
      { url: routeUrl(options.api, 'chat/completions'), init, batchMs },
      signal,
      options.fetch,
    );
    try {
      const first = (await messages.next()).value!;
      // Before a response: what `fetch` threw.
      if (!('head' in first)) throw (first as { fail: unknown }).fail;
      const { status } = first.head;
      const head = new Headers(first.head.headers);
      const okay = status >= 200 && status < 300;
      const type = head.get('content-type') ?? '';
      if (okay && type.includes('text/event-stream')) {
        throw new HeliconeKitError(
          `The server answered ${type}: this transport reads the kit route's stream (${NDJSON_CONTENT_TYPE}), which @helicone-kit/server sends when asked for it. Point api at that route, or write a transport of your own.`,
        );
      }
      // A cached or non-streaming upstream may answer a stream request with one JSON body: both are read.
      const stream = okay && type.includes(NDJSON_CONTENT_TYPE);
      if (okay) yield { type: 'response', response: readAnswerInfo((name) => head.get(name) || undefined) };
      let text = '';
      // What `fetch` or the body threw (the body breaking off), or the stream's own error.
      let failure: Error | undefined;
      for await (const message of messages) {
        if ('fail' in message) {
          failure = message.fail as Error;
          break;
        }
        text += 'text' in message ? message.text : '';
        if (!stream) {
          // An error page is read to 64 KiB at most (a proxy's may be huge or endless); the rest is dropped.
          if (!okay && text.length > MAX_ERROR_PARSE_LENGTH) break;
          continue;
        }
        // One event per line; the last line waits for the rest of it, unless the body has ended.
        const lines = text.split('\n');
        text = 'end' in message ? '' : lines.pop()!;
        const chunks: CompletionChunk[] = [];
        let done = false;
        try {
          for (const line of lines) {
            const chunk = readCompletionEvent(line);
            if ((done = chunk === 'done')) break;
            if (chunk) chunks.push(chunk);
          }
        } catch (error) {
          failure = error as StreamError;
        }
        // What came before a stream's error is kept: its chunks are handed over first.
        if (chunks.length > 0) yield { type: 'chunks', chunks };
        if (failure) throw failure;
        if (done) return;
      }
      if (!okay) throw routeError(status, head, text, failure);
      if (failure) {
        throw new StreamError({
          message: `The connection broke mid-answer (${String(failure)}).`,
          type: 'connection_cut',
          cause: failure,
        });
      }
      if (stream) return;
      // The store folds the body as it comes (`reasoning_content`, a legacy `text`); only its shape is checked here.
      const completion: unknown = JSON.parse(text);
      if (!isRecord(completion) || !Array.isArray(completion.choices)) {
        throw new HeliconeKitError('The answer is no chat completion (no choices list).');
      }
      yield { type: 'completion', completion: completion as ChatCompletion };
    } finally {
      // However the answer ends (read, refused, or its reader stopping early), the request ends with it.
      await messages.return();
    }
  }

  return { send };
}
