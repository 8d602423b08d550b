import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collect,
  encode,
  errorStreamFixtures,
  fixtureBytes,
  openAiStreamFixtures,
  streamOf,
} from '../__tests__/fixtures';
import { StreamError } from '../errors/stream-error';
import type { CompletionChunk } from '../openai/types';
import { parseChatCompletionStream } from './parse-chat-completion-stream';

const chunk = (content: string) =>
  JSON.stringify({
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  });

const contents = (chunks: CompletionChunk[]) =>
  chunks.map((item) =>
    item.object === 'chat.completion.chunk' ? item.choices[0]?.delta.content : undefined,
  );

async function outcome(body: ReadableStream<Uint8Array>) {
  const chunks: CompletionChunk[] = [];
  try {
    for await (const item of parseChatCompletionStream(body)) chunks.push(item);
    return { chunks, error: undefined };
  } catch (error) {
    return {
      chunks,
      error: error instanceof StreamError ? { message: error.message, type: error.type } : error,
    };
  }
}

describe('parseChatCompletionStream', () => {
  it('ends at [DONE] with or without a trailing newline, and ignores anything after it', async () => {
    for (const tail of [
      'data: [DONE]',
      'data: [DONE]\n',
      'data: [DONE]\n\n',
      `data: [DONE]\n\ndata: ${chunk('late')}\n\n`,
    ]) {
      const text = `data: ${chunk('a')}\n\n${tail}`;
      expect(contents(await collect(parseChatCompletionStream(streamOf(encode(text)).stream)))).toEqual([
        'a',
      ]);
    }
  });

  it('accepts a stream that ends without [DONE], and one whose last chunk has no blank line', async () => {
    const text = `data: ${chunk('a')}\n\ndata: ${chunk('b')}`;
    expect(contents(await collect(parseChatCompletionStream(streamOf(encode(text)).stream)))).toEqual([
      'a',
      'b',
    ]);
  });

  it('skips comments, keep-alives, empty data and event names on normal chunks', async () => {
    const text = `: OPENROUTER PROCESSING\n\n:\n\ndata:\n\nevent: message\ndata: ${chunk('x')}\r\n\r\ndata: [DONE]\r\n\r\n`;
    expect(contents(await collect(parseChatCompletionStream(streamOf(encode(text)).stream)))).toEqual(['x']);
  });

  it('throws a StreamError on malformed JSON, after the chunks before it', async () => {
    const text = `data: ${chunk('kept')}\n\ndata: {"id": "c1", "choices": [\n\ndata: ${chunk('never')}\n\n`;
    const result = await outcome(streamOf(encode(text)).stream);
    expect(contents(result.chunks)).toEqual(['kept']);
    expect(result.error).toEqual({
      message: 'Stream data is not valid JSON: {"id": "c1", "choices": [',
      type: 'invalid_stream_data',
    });
  });

  it('throws a StreamError on data that is JSON but not an object', async () => {
    const result = await outcome(streamOf(encode('data: 42\n\n')).stream);
    expect(result.error).toEqual({
      message: 'Stream data is not a JSON object: 42',
      type: 'invalid_stream_data',
    });
  });

  it('reads an `event: error` and a string error, and keeps code and param', async () => {
    const named = await outcome(
      streamOf(
        encode('event: error\ndata: {"message":"overloaded","type":"overloaded_error","code":529}\n\n'),
      ).stream,
    );
    expect(named.error).toEqual({ message: 'overloaded', type: 'overloaded_error' });

    const caught = await collect(
      parseChatCompletionStream(
        streamOf(
          encode(
            'data: {"error":{"message":"bad","type":"invalid_request_error","param":"tools","code":"x"}}\n\n',
          ),
        ).stream,
      ),
    ).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(StreamError);
    expect(caught).toMatchObject({
      code: 'x',
      param: 'tools',
      type: 'invalid_request_error',
      message: 'bad',
    });

    const plain = await outcome(streamOf(encode('data: {"error":"rate limited"}\n\n')).stream);
    expect(plain.error).toEqual({ message: 'rate limited', type: undefined });
  });

  it('treats `error: null` on a chunk as no error', async () => {
    const text = `data: ${chunk('a').replace('{', '{"error":null,')}\n\n`;
    expect(contents(await collect(parseChatCompletionStream(streamOf(encode(text)).stream)))).toEqual(['a']);
  });

  it.each(['false', '""', '"  "', '0', '[]', 'null'])(
    'treats `error: %s` on a chunk as no error',
    async (value) => {
      const text = `data: ${chunk('a').replace('{', `{"error":${value},`)}\n\n`;
      const chunks = await collect(parseChatCompletionStream(streamOf(encode(text)).stream));
      expect(contents(chunks)).toEqual(['a']);
    },
  );

  it('counts an error object, even an empty one, as an error', async () => {
    const empty = await outcome(streamOf(encode(`data: ${chunk('a')}\n\ndata: {"error":{}}\n\n`)).stream);
    expect(contents(empty.chunks)).toEqual(['a']);
    expect(empty.error).toEqual({ message: 'Stream error', type: undefined });
  });

  it('uses the text of an `event: error` whose data is not JSON as the message', async () => {
    const result = await outcome(
      streamOf(encode(`data: ${chunk('a')}\n\nevent: error\ndata: upstream overloaded, try later\n\n`))
        .stream,
    );
    expect(contents(result.chunks)).toEqual(['a']);
    expect(result.error).toEqual({ message: 'upstream overloaded, try later', type: undefined });
    const long = await outcome(streamOf(encode(`event: error\ndata: ${'x'.repeat(5000)}\n\n`)).stream);
    expect((long.error as { message: string }).message.length).toBeLessThanOrEqual(1001);
  });

  it('cancels the body when the consumer calls return() early', async () => {
    const { stream, state } = streamOf(encode(`data: ${chunk('a')}\n\ndata: ${chunk('b')}\n\n`), [5, 40], {
      keepOpen: true,
    });
    const generator = parseChatCompletionStream(stream);
    const first = await generator.next();
    expect(first.done).toBe(false);
    await generator.return(undefined);
    expect(state.cancelled).toBe(true);
    expect(stream.locked).toBe(false);
  });
});

describe('byte-splitting property (fast-check)', () => {
  const fixtures = [...openAiStreamFixtures, ...errorStreamFixtures];
  const toCrLf = (bytes: Uint8Array) => encode(new TextDecoder().decode(bytes).replaceAll('\n', '\r\n'));

  it.each(fixtures)('%s: any split, with LF or CRLF, gives exactly the same chunks', async (fixture) => {
    const original = fixtureBytes(fixture);
    const expected = await outcome(streamOf(original).stream);
    expect(expected.chunks.length + (expected.error ? 1 : 0)).toBeGreaterThan(0);
    const crlf = toCrLf(original);
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.uniqueArray(fc.integer({ min: 1, max: crlf.length - 1 }), { maxLength: 60 }),
        async (useCrLf, cuts) => {
          const bytes = useCrLf ? crlf : original;
          const sorted = cuts.filter((cut) => cut < bytes.length).sort((left, right) => left - right);
          expect(await outcome(streamOf(bytes, sorted).stream)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('over real HTTP', () => {
  it('parses a fetch body from a local server, and return() closes the connection', async () => {
    const { createServer } = await import('node:http');
    let closed: () => void = () => undefined;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${chunk('first')}\r\n\r\n: keep-alive\r\n\r\n`);
      response.on('close', () => closed());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`);
      const generator = parseChatCompletionStream(response.body!);
      const first = await generator.next();
      expect(first.done === false && contents([first.value])).toEqual(['first']);
      await generator.return(undefined);
      await connectionClosed;
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
