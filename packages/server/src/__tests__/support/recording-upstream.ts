/** One request the route sent upstream, as received. */
export type RecordedCall = {
  url: string;
  method: string;
  headers: Headers;
  body: string;
  json: unknown;
  signal: AbortSignal | undefined;
};

export type Responder = (call: RecordedCall) => Response | Promise<Response>;

/**
 * A `fetch` for the handler's `fetch` option that records every call and answers with `respond`. The route's
 * in-process tests use it; the socket tests use the local gateway instead.
 */
export function recordingUpstream(respond: Responder = () => jsonReply(200, { ok: true })) {
  const calls: RecordedCall[] = [];
  const fetchImplementation = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = request.body === null ? '' : await request.text();
    let json: unknown;
    try {
      json = body === '' ? undefined : JSON.parse(body);
    } catch {
      json = undefined;
    }
    const call: RecordedCall = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body,
      json,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    if (call.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return respond(call);
  };
  return {
    calls,
    fetch: fetchImplementation,
    get last(): RecordedCall {
      const call = calls.at(-1);
      if (call === undefined) throw new Error('no upstream call was made');
      return call;
    },
  };
}

export function jsonReply(status: number, body: unknown, headers?: HeadersInit): Response {
  const responseHeaders = new Headers(headers);
  responseHeaders.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers: responseHeaders });
}

/** An SSE body that sends `events` one by one, each when the reader asks for it. */
export function sseReply(events: string[], headers?: HeadersInit): Response {
  const encoder = new TextEncoder();
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const event = events[index];
      index += 1;
      if (event === undefined) controller.close();
      else controller.enqueue(encoder.encode(event));
    },
  });
  const responseHeaders = new Headers(headers);
  responseHeaders.set('content-type', 'text/event-stream; charset=utf-8');
  return new Response(body, { status: 200, headers: responseHeaders });
}
