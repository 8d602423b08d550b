import { describe, expect, it } from 'vitest';
import {
  byteByByte,
  encode,
  errorStreamFixtures,
  fixtureBytes,
  openAiStreamFixtures,
  streamOf,
} from '../__tests__/fixtures';
import type { CompletionChunk } from '../openai/types';
import { parseChatCompletionStream } from './parse-chat-completion-stream';
import { readCompletionEvent } from './read-completion-event';
import { sseToNdjson } from './sse-to-ndjson';

/** What a reader of the NDJSON gets, line by line, as the browser transport reads it: chunks, then an error. */
function readLines(ndjson: string) {
  const chunks: CompletionChunk[] = [];
  for (const line of ndjson.split('\n')) {
    try {
      const chunk = readCompletionEvent(line);
      if (chunk === 'done') break;
      if (chunk) chunks.push(chunk);
    } catch (error) {
      return { chunks, error };
    }
  }
  return { chunks, error: undefined };
}

/** What the SSE parser makes of the same bytes: chunks, then an error. */
async function readSse(bytes: Uint8Array) {
  const chunks: CompletionChunk[] = [];
  try {
    for await (const chunk of parseChatCompletionStream(streamOf(bytes).stream)) chunks.push(chunk);
  } catch (error) {
    return { chunks, error };
  }
  return { chunks, error: undefined };
}

const reframe = (body: ReadableStream<Uint8Array>) => new Response(body.pipeThrough(sseToNdjson())).text();

describe('sseToNdjson', () => {
  it.each([...openAiStreamFixtures, ...errorStreamFixtures])(
    '%s: the lines give the same chunks and the same error as the SSE parser, whatever the chunk boundaries',
    async (fixture) => {
      const bytes = fixtureBytes(fixture);
      const expected = await readSse(bytes);
      // Something to compare: chunks, an error, or both.
      expect(expected.chunks.length + (expected.error ? 1 : 0)).toBeGreaterThan(0);
      for (const body of [streamOf(bytes).stream, byteByByte(bytes)]) {
        const ndjson = await reframe(body);
        expect(ndjson.endsWith('\n')).toBe(true);
        expect(readLines(ndjson)).toEqual(expected);
      }
    },
  );

  it('one line per event: multi-line data joined by spaces, comments, ids and empty events left out, CRLF read', async () => {
    const sse = [
      ': keep-alive',
      'id: 7',
      'retry: 1000',
      'data: {"a":',
      'data:  1}',
      '',
      'data:',
      '',
      'data: {"b":2}\r',
      '\r',
      'data: [DONE]',
    ].join('\n');
    expect(await reframe(streamOf(encode(sse)).stream)).toBe('{"a":  1}\n{"b":2}\n[DONE]\n');
  });

  it.each([
    [
      'a JSON error object',
      '{"message":"Overloaded","type":"server_error"}',
      { message: 'Overloaded', type: 'server_error' },
    ],
    ['an object holding an error', '{"error":{"message":"Bad","code":"x"}}', { message: 'Bad', code: 'x' }],
    ['plain text', 'upstream went away', { message: 'upstream went away' }],
    ['a number', '42', { message: 'Stream error' }],
  ])(
    'an `event: error` with %s reads as the same StreamError as the SSE parser gives',
    async (_what, data, fields) => {
      const sse = encode(`data: {"id":"c","choices":[]}\n\nevent: error\ndata: ${data}\n\n`);
      const lines = readLines(await reframe(streamOf(sse).stream));
      expect(lines.chunks).toHaveLength(1);
      expect(lines.error).toMatchObject({ name: 'StreamError', ...fields });
      expect((await readSse(sse)).error).toMatchObject({ name: 'StreamError', ...fields });
    },
  );

  it('hands on the lines of each input chunk as one chunk, as they come; an unfinished event at the end still counts', async () => {
    const sse = encode('data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]');
    const reader = streamOf(sse, ['data: {"n":1}\n\n'.length]).stream.pipeThrough(sseToNdjson()).getReader();
    const pieces: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      pieces.push(new TextDecoder().decode(read.value));
    }
    expect(pieces).toEqual(['{"n":1}\n', '{"n":2}\n', '[DONE]\n']);
  });
});
