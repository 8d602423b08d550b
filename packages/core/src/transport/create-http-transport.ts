import { HeliconeKitError } from '../errors/helicone-kit-error';
import { isRecord } from '../internal/is-record';
import type { ChatCompletion } from '../openai/types';
import { StreamError } from '../errors/stream-error';
import { encodeHeliconeHeaders } from '../headers/encode-helicone-headers';
import { readAnswerInfo } from '../response/read-answer-info';
import { parseChatCompletionStream } from '../stream/parse-chat-completion-stream';
import type { ChatTransport, ChatTransportEvent, ChatTransportRequest } from './chat-transport';
import { fetchRoute } from './fetch-route';

type HeaderRecord = Record<string, string>;

export type HttpTransportOptions = {
  /** The route, e.g. `/api/helicone`: requests go to `${api}/chat/completions`. */
  api: string;
  /** Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
  /** More headers for the route (your own auth, say); a function is called for every request. */
  headers?: HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>);
  /** Default `same-origin`. */
  credentials?: RequestCredentials;
};

/**
 * Talks to the server route: POSTs the OpenAI body with the `Helicone-*` headers of the turn, hands the abort
 * signal to `fetch` (so `stop()` ends the request and the route aborts upstream), turns a non-2xx status into
 * a `GatewayError` (`readRouteError`: the route answers every error in the OpenAI shape), and yields the stream's chunks (or the whole completion with `stream: false`). A body that
 * breaks off (not by the caller's abort) becomes a `StreamError` of type `connection_cut`, its `cause` the error
 * `fetch` gave (`TypeError: terminated` in Node, `network error` in browsers).
 */
export function createHttpTransport(options: HttpTransportOptions): ChatTransport {
  async function* send({
    body,
    signal,
    ...request
  }: ChatTransportRequest): AsyncGenerator<ChatTransportEvent> {
    const response = await fetchRoute(options, 'chat/completions', {
      method: 'POST',
      headers: {
        ...request.headers,
        ...encodeHeliconeHeaders(request.helicone),
        'content-type': 'application/json',
        accept: body.stream ? 'text/event-stream' : 'application/json',
      },
      body: JSON.stringify(body),
      signal,
    });
    yield { type: 'response', response: readAnswerInfo((name) => response.headers.get(name) || undefined) };
    let text: string;
    try {
      // A cached or non-streaming upstream may answer a stream request with one JSON body: both are read.
      if (response.headers.get('content-type')?.includes('text/event-stream') && response.body) {
        for await (const chunk of parseChatCompletionStream(response.body, { signal })) {
          yield { type: 'chunk', chunk };
        }
        return;
      }
      text = await response.text();
    } catch (error) {
      if (signal.aborted || HeliconeKitError.isInstance(error)) throw error;
      throw new StreamError({
        message: `The connection broke mid-answer (${String(error)}).`,
        type: 'connection_cut',
        cause: error,
      });
    }
    // The store folds the body as it comes (`reasoning_content`, a legacy `text`); only its shape is checked here.
    const completion: unknown = JSON.parse(text);
    if (!isRecord(completion) || !Array.isArray(completion.choices)) {
      throw new HeliconeKitError('The answer is no chat completion (no choices list).');
    }
    yield { type: 'completion', completion: completion as ChatCompletion };
  }

  return { send };
}
