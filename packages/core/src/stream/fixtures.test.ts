import { describe, expect, it } from 'vitest';
import {
  anthropicStreamFixtures,
  byteByByte,
  collect,
  errorStreamFixtures,
  fixtureBytes,
  fixtureJson,
  openAiStreamFixtures,
  streamOf,
} from '../__tests__/fixtures';
import { HeliconeKitError } from '../errors/helicone-kit-error';
import { StreamError } from '../errors/stream-error';
import type { ChatCompletion, CompletionChunk } from '../openai/types';
import { ChatCompletionAccumulator } from './chat-completion-accumulator';
import { chatCompletionFromResponse } from './chat-completion-from-response';
import { parseChatCompletionStream } from './parse-chat-completion-stream';
import { readServerSentEvents } from './read-server-sent-events';

async function accumulate(fixture: string): Promise<{ chunks: CompletionChunk[]; result: ChatCompletion }> {
  const chunks = await collect(parseChatCompletionStream(streamOf(fixtureBytes(fixture)).stream));
  const accumulator = new ChatCompletionAccumulator();
  for (const chunk of chunks) accumulator.add(chunk);
  return { chunks, result: accumulator.snapshot() };
}

describe('OpenAI-format stream fixtures', () => {
  it('gpt-4o text stream: the greeting, its finish reason and the usage of the final choices:[] chunk', async () => {
    const { chunks, result } = await accumulate('openai-stream/openai-stream-text-usage.gpt-4o.sse');
    expect(chunks).toHaveLength(12);
    expect(result.id).toBe('chatcmpl-CDYHKJaUtey5GfGKB4TquZ09VuER2');
    expect(result.model).toBe('gpt-4o-2024-08-06');
    expect(result.object).toBe('chat.completion');
    expect(result.service_tier).toBe('default');
    expect(result.system_fingerprint).toBe('fp_f33640a400');
    expect(result.choices).toHaveLength(1);
    const [choice] = result.choices;
    expect(choice?.message.role).toBe('assistant');
    expect(choice?.message.content).toBe('Hello! How can I assist you today?');
    expect(choice?.message.tool_calls).toBeUndefined();
    expect(choice?.finish_reason).toBe('stop');
    expect(result.usage).toMatchObject({
      prompt_tokens: 1248,
      completion_tokens: 10,
      total_tokens: 1258,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('gpt-4o-mini parallel tool calls: two get_weather calls with arguments for New York and London', async () => {
    const { chunks, result } = await accumulate(
      'openai-stream/openai-stream-parallel-tool-calls.gpt-4o-mini.sse',
    );
    expect(chunks).toHaveLength(15);
    const [choice] = result.choices;
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    const calls = choice?.message.tool_calls ?? [];
    expect(calls.map((call) => [call.id, call.type, call.function.name])).toEqual([
      ['call_pPFjIPIb7W7HkxCqGdpTIzVy', 'function', 'get_weather'],
      ['call_pORZbhSG8VtXET83iaotru1X', 'function', 'get_weather'],
    ]);
    expect(calls.map((call) => JSON.parse(call.function.arguments) as unknown)).toEqual([
      { location: 'New York' },
      { location: 'London' },
    ]);
    expect(result.usage).toMatchObject({ prompt_tokens: 56, completion_tokens: 46, total_tokens: 102 });

    const request = fixtureJson(
      'openai-stream/openai-stream-parallel-tool-calls.gpt-4o-mini.request.json',
    ) as {
      tools: { function: { name: string } }[];
      stream_options: { include_usage: boolean };
    };
    expect(request.tools.map((tool) => tool.function.name)).toEqual(['get_weather']);
    expect(request.stream_options.include_usage).toBe(true);
  });

  it('deepseek-reasoner: reasoning_content becomes reasoning, then a weather call; usage on the finish chunk', async () => {
    const { chunks, result } = await accumulate(
      'openai-stream/deepseek-reasoner-stream-reasoning-content-tool-call.sse',
    );
    expect(chunks).toHaveLength(52);
    const [choice] = result.choices;
    expect(choice?.message.reasoning).toBe(
      'The user is asking for the weather in San Francisco. I need to use the weather tool to get this ' +
        'information. Let me invoke the weather tool with the location parameter set to "San Francisco".',
    );
    expect(choice?.message.content).toBe('');
    expect(choice?.message.tool_calls).toEqual([
      {
        id: 'call_00_ioIn7yN9p1ZOMNpDLwd4MgAF',
        type: 'function',
        function: { name: 'weather', arguments: '{"location": "San Francisco"}' },
      },
    ]);
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(result.usage).toMatchObject({
      prompt_tokens: 339,
      completion_tokens: 83,
      total_tokens: 422,
      prompt_tokens_details: { cached_tokens: 320 },
      completion_tokens_details: { reasoning_tokens: 39 },
      prompt_cache_hit_tokens: 320,
      prompt_cache_miss_tokens: 19,
    });
  });

  it('legacy text-completion stream: choices[].text accumulates into text', async () => {
    const { chunks, result } = await accumulate(
      'openai-stream/openai-text-completion-stream.gpt-3.5-turbo-instruct.sse',
    );
    expect(chunks).toHaveLength(17);
    expect(chunks.every((chunk) => chunk.object === 'text_completion')).toBe(true);
    expect(result.object).toBe('text_completion');
    const expected = 'The holiday is called "Gratitude Day" and it is a day dedicated to';
    expect(result.choices[0]?.text).toBe(expected);
    expect(result.choices[0]?.message.content).toBe(expected);
    expect(result.choices[0]?.finish_reason).toBe('length');
    expect(result.usage).toEqual({ prompt_tokens: 14, completion_tokens: 16, total_tokens: 30 });
  });

  it("Helicone's Anthropic conversion: text, one calculate call despite the repeated id, cache usage", async () => {
    const { chunks, result } = await accumulate(
      'anthropic/helicone-converted.anthropic-stream-text-tool-use.openai-chunks.sse',
    );
    expect(chunks).toHaveLength(16);
    const [choice] = result.choices;
    expect(choice?.message.content).toBe("I'll help you calculate that using the calculate function.");
    expect(choice?.message.tool_calls).toEqual([
      {
        id: 'toolu_019z4x8aagZbz8K455pmuVqk',
        type: 'function',
        function: { name: 'calculate', arguments: '{"expression": "50+50"}' },
      },
    ]);
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(result.system_fingerprint).toBe('');
    expect(result.usage?.prompt_tokens).toBe(838);
    expect(result.usage?.prompt_tokens_details?.cached_tokens).toBe(500);
    expect(result.usage?.prompt_tokens_details?.cache_write_tokens).toBe(20);
    expect(result.usage?.prompt_tokens_details?.cache_write_details).toEqual({
      write_5m_tokens: 0,
      write_1h_tokens: 20,
    });
    expect(result.usage?.completion_tokens).toBe(65);
  });

  it.each(openAiStreamFixtures)('%s gives the same chunks when fed one byte at a time', async (fixture) => {
    const bytes = fixtureBytes(fixture);
    const whole = await collect(parseChatCompletionStream(streamOf(bytes).stream));
    const byBytes = await collect(parseChatCompletionStream(byteByByte(bytes)));
    expect(whole.length).toBeGreaterThan(0);
    expect(byBytes).toEqual(whole);
  });
});

describe('error stream fixtures', () => {
  it('an error after output: the Hello chunk is yielded, then a StreamError with the server_error', async () => {
    const chunks: CompletionChunk[] = [];
    const accumulator = new ChatCompletionAccumulator();
    const stream = parseChatCompletionStream(
      streamOf(fixtureBytes('errors/openai-stream-error-after-output.test-authored.sse')).stream,
    );
    const error: unknown = await (async () => {
      for await (const chunk of stream) {
        chunks.push(chunk);
        accumulator.add(chunk);
      }
    })().catch((caught: unknown) => caught);
    expect(chunks).toHaveLength(1);
    expect(accumulator.getChoice(0)?.content).toBe('Hello');
    expect(StreamError.isInstance(error)).toBe(true);
    expect(HeliconeKitError.isInstance(error)).toBe(true);
    const streamError = error as StreamError;
    expect(streamError.message).toBe('stream failed after output');
    expect(streamError.type).toBe('server_error');
    expect(streamError.code).toBeNull();
    expect(streamError.param).toBeNull();
    expect(streamError.error).toEqual({
      message: 'stream failed after output',
      type: 'server_error',
      param: null,
      code: null,
    });
  });

  it("an error as the first event: StreamError with OpenAI's server_error text, no chunk before it", async () => {
    const chunks: CompletionChunk[] = [];
    const error: unknown = await (async () => {
      const bytes = fixtureBytes('errors/openai-stream-error-first-chunk.test-authored.sse');
      for await (const chunk of parseChatCompletionStream(byteByByte(bytes))) chunks.push(chunk);
    })().catch((caught: unknown) => caught);
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).type).toBe('server_error');
    expect((error as StreamError).message).toMatch(
      /^The server had an error processing your request\. Sorry/,
    );
  });

  it.each(errorStreamFixtures)('%s fails the same way when fed one byte at a time', async (fixture) => {
    const bytes = fixtureBytes(fixture);
    const run = async (body: ReadableStream<Uint8Array>) => {
      const seen: CompletionChunk[] = [];
      const error = await (async () => {
        for await (const chunk of parseChatCompletionStream(body)) seen.push(chunk);
      })().catch((caught: unknown) => caught);
      return { seen, message: (error as Error).message };
    };
    expect(await run(byteByByte(bytes))).toEqual(await run(streamOf(bytes).stream));
  });
});

describe('raw Anthropic event streams (read by the same SSE layer for the gateway converter)', () => {
  it('claude-3-5-haiku text + tool_use: 21 events, named, each data line valid JSON of its own type', async () => {
    const events = await collect(
      readServerSentEvents(streamOf(fixtureBytes(anthropicStreamFixtures[0])).stream),
    );
    expect(events).toHaveLength(21);
    for (const event of events) {
      expect((JSON.parse(event.data) as { type: string }).type).toBe(event.event);
    }
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('message_start');
    expect(names.at(-1)).toBe('message_stop');
    expect(names.filter((name) => name === 'content_block_delta')).toHaveLength(13);
    expect(names.filter((name) => name === 'ping')).toHaveLength(1);
    const start = JSON.parse(events[0]!.data) as { message: { usage: Record<string, number> } };
    expect(start.message.usage).toMatchObject({
      input_tokens: 338,
      cache_creation_input_tokens: 20,
      cache_read_input_tokens: 500,
    });
  });

  it('claude-sonnet-4-5 thinking: 22 events; the thinking text keeps its multi-byte ÷ even byte by byte', async () => {
    const events = await collect(readServerSentEvents(byteByByte(fixtureBytes(anthropicStreamFixtures[1]))));
    expect(events).toHaveLength(22);
    const deltas = events
      .filter((event) => event.event === 'content_block_delta')
      .map(
        (event) => JSON.parse(event.data) as { delta: { type: string; thinking?: string; text?: string } },
      );
    const thinking = deltas.map((entry) => entry.delta.thinking ?? '').join('');
    const text = deltas.map((entry) => entry.delta.text ?? '').join('');
    expect(thinking).toBe('The previous result was 925. Now I need to divide that by 5.\n\n925 ÷ 5 = 185');
    expect(text).toBe('925 ÷ 5 = 185');
    expect(deltas.filter((entry) => entry.delta.type === 'signature_delta')).toHaveLength(1);
  });
});

describe('raw Anthropic event streams fed one byte at a time', () => {
  it.each(anthropicStreamFixtures)('%s gives the same events as when read whole', async (fixture) => {
    const bytes = fixtureBytes(fixture);
    const whole = await collect(readServerSentEvents(streamOf(bytes).stream));
    const byBytes = await collect(readServerSentEvents(byteByByte(bytes)));
    expect(whole.length).toBeGreaterThanOrEqual(21);
    expect(byBytes).toEqual(whole);
  });
});

describe('non-streamed JSON fixtures through chatCompletionFromResponse', () => {
  it('gpt-4o-mini chat.completion: "Atlantic Ocean."', () => {
    const result = chatCompletionFromResponse(
      fixtureJson('non-stream/openai-chat-completion.gpt-4o-mini.json'),
    );
    expect(result.object).toBe('chat.completion');
    expect(result.id).toBe('chatcmpl-Aupa6oebo6v8G4l0QcprsBPniQdta');
    expect(result.choices[0]?.message).toEqual({ role: 'assistant', content: 'Atlantic Ocean.' });
    expect(result.choices[0]?.finish_reason).toBe('stop');
    expect(result.usage).toMatchObject({ prompt_tokens: 22, completion_tokens: 4, total_tokens: 26 });
  });

  it('tool calls: content null and one get_delivery_date call', () => {
    const result = chatCompletionFromResponse(
      fixtureJson('non-stream/openai-chat-completion-tool-calls.gpt-4o-mini.json'),
    );
    const message = result.choices[0]?.message;
    expect(message?.content).toBeNull();
    expect(message?.tool_calls).toEqual([
      {
        id: 'call_ju2Cqzfdrel1ugvEaW0HtaZ4',
        type: 'function',
        function: { name: 'get_delivery_date', arguments: '{"order_id":"order_12345"}' },
      },
    ]);
    expect(JSON.parse(message?.tool_calls?.[0]?.function.arguments ?? '')).toEqual({
      order_id: 'order_12345',
    });
    expect(result.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('cached tokens: the same greeting as the stream, 1152 of 1248 prompt tokens cached', () => {
    const result = chatCompletionFromResponse(
      fixtureJson('non-stream/openai-chat-completion-cached-tokens.gpt-4o.json'),
    );
    expect(result.choices[0]?.message.content).toBe('Hello! How can I assist you today?');
    expect(result.usage?.prompt_tokens).toBe(1248);
    expect(result.usage?.prompt_tokens_details?.cached_tokens).toBe(1152);
  });

  it('legacy text_completion: text in text and message.content, like the streamed path', () => {
    const result = chatCompletionFromResponse(
      fixtureJson('non-stream/openai-text-completion.gpt-3.5-turbo-instruct.json'),
    );
    const expected = 'The new holiday is called "Gratitude Day" and it celebrates the importance of';
    expect(result.object).toBe('text_completion');
    expect(result.choices[0]?.text).toBe(expected);
    expect(result.choices[0]?.message.content).toBe(expected);
    expect(result.choices[0]?.finish_reason).toBe('length');
    expect(result.usage).toEqual({ prompt_tokens: 14, completion_tokens: 16, total_tokens: 30 });
  });

  it('bodies that are not completions (embeddings, an Anthropic message) are refused with a typed error', () => {
    const embeddings = fixtureJson('non-stream/openai-embeddings.text-embedding-3-small.truncated.json');
    expect(() => chatCompletionFromResponse(embeddings)).toThrow(HeliconeKitError);
    expect(() => chatCompletionFromResponse(embeddings)).toThrow(/got object "list"/);
    const anthropic = fixtureJson('anthropic/anthropic-message.claude-3-5-sonnet.json');
    expect(() => chatCompletionFromResponse(anthropic)).toThrow(/got object "message"/);
    // The Anthropic message itself is well-formed: these are the numbers the gateway's converter will read.
    expect(anthropic).toMatchObject({
      content: [{ type: 'text', text: 'Hi! How can I help you today?' }],
      usage: {
        input_tokens: 9,
        cache_creation_input_tokens: 50,
        cache_read_input_tokens: 183,
        output_tokens: 12,
      },
    });
  });
});
