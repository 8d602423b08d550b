import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk, ChatCompletionDelta, FinishReason, Usage } from '../openai/types';
import { ChatCompletionAccumulator } from './chat-completion-accumulator';

const chunk = (
  delta: ChatCompletionDelta,
  options: { index?: number; finish?: FinishReason; usage?: Usage } = {},
): ChatCompletionChunk => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1700000000,
  model: 'gpt-4o-mini',
  choices: [{ index: options.index ?? 0, delta, finish_reason: options.finish ?? null }],
  ...(options.usage ? { usage: options.usage } : {}),
});

const usage: Usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

describe('ChatCompletionAccumulator', () => {
  it('joins content, refusal and reasoning from both reasoning field names', () => {
    const accumulator = new ChatCompletionAccumulator()
      .add(chunk({ role: 'assistant', reasoning: 'Think' }))
      .add(chunk({ reasoning_content: 'ing.' }))
      // Providers that send both names carry the same text: it is counted once.
      .add(chunk({ reasoning: ' Done.', reasoning_content: ' Done.' }))
      .add(chunk({ content: 'Hi' }))
      .add(chunk({ content: ' there' }))
      .add(chunk({ refusal: 'I cannot' }))
      .add(chunk({ refusal: ' do that.' }, { finish: 'stop' }));
    expect(accumulator.snapshot().choices[0]).toEqual({
      index: 0,
      finish_reason: 'stop',
      message: {
        role: 'assistant',
        content: 'Hi there',
        refusal: 'I cannot do that.',
        reasoning: 'Thinking. Done.',
      },
    });
  });

  it('assembles tool calls by index, even when the first has index 1, without duplicating repeated ids', () => {
    const accumulator = new ChatCompletionAccumulator()
      .add(
        chunk({
          tool_calls: [
            { index: 1, id: 'call_a', type: 'function', function: { name: 'search', arguments: '' } },
          ],
        }),
      )
      .add(chunk({ tool_calls: [{ index: 1, id: 'call_a', function: { arguments: '{"q":' } }] }))
      .add(chunk({ tool_calls: [{ index: 2, id: 'call_b', function: { name: 'lookup', arguments: '{}' } }] }))
      .add(chunk({ tool_calls: [{ index: 1, function: { arguments: '"x"}' } }] }, { finish: 'tool_calls' }));
    expect(accumulator.snapshot().choices[0]?.message.tool_calls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'search', arguments: '{"q":"x"}' } },
      { id: 'call_b', type: 'function', function: { name: 'lookup', arguments: '{}' } },
    ]);
    expect(accumulator.getChoice(0)?.toolCalls.map((call) => call.index)).toEqual([1, 2]);
  });

  it('starts a new call when a different id arrives at an index already used', () => {
    const accumulator = new ChatCompletionAccumulator()
      .add(chunk({ tool_calls: [{ index: 0, id: 'one', function: { name: 'a', arguments: '{}' } }] }))
      .add(chunk({ tool_calls: [{ index: 0, id: 'two', function: { name: 'b', arguments: '{"n":' } }] }))
      .add(chunk({ tool_calls: [{ index: 0, function: { arguments: '2}' } }] }));
    expect(
      accumulator
        .snapshot()
        .choices[0]?.message.tool_calls?.map((call) => [call.id, call.function.arguments]),
    ).toEqual([
      ['one', '{}'],
      ['two', '{"n":2}'],
    ]);
  });

  it('extends the last call with a fragment that has no index and no new id; a new id starts a call', () => {
    const accumulator = new ChatCompletionAccumulator()
      .add(chunk({ tool_calls: [{ id: 'one', function: { name: 'a', arguments: '{"x":' } }] } as never))
      .add(chunk({ tool_calls: [{ function: { arguments: '1}' } }] } as never))
      .add(chunk({ tool_calls: [{ id: 'two', function: { name: 'b', arguments: '{' } }] } as never))
      .add(chunk({ tool_calls: [{ id: 'two', function: { arguments: '"y":' } }] } as never))
      .add(chunk({ tool_calls: [{ function: { arguments: '2}' } }] } as never));
    const calls = accumulator.snapshot().choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => [call.id, call.function.name, call.function.arguments])).toEqual([
      ['one', 'a', '{"x":1}'],
      ['two', 'b', '{"y":2}'],
    ]);
    expect(accumulator.getChoice(0)?.toolCalls.map((call) => call.index)).toEqual([0, 1]);
  });

  it('gives a call without an index the next free index, after calls that have one', () => {
    const accumulator = new ChatCompletionAccumulator()
      .add(chunk({ tool_calls: [{ index: 1, id: 'a', function: { name: 'f', arguments: '{}' } }] }))
      .add(chunk({ tool_calls: [{ id: 'b', function: { name: 'g', arguments: '{' } }] } as never))
      .add(chunk({ tool_calls: [{ index: 2, function: { arguments: '}' } }] }));
    expect(accumulator.getChoice(0)?.toolCalls.map((call) => [call.index, call.id, call.arguments])).toEqual([
      [1, 'a', '{}'],
      [2, 'b', '{}'],
    ]);
  });

  it('keeps choices apart by index and orders them', () => {
    const accumulator = new ChatCompletionAccumulator()
      .add(chunk({ content: 'B' }, { index: 1 }))
      .add(chunk({ content: 'A' }, { index: 0 }))
      .add(chunk({ content: 'b' }, { index: 1, finish: 'length' }));
    const { choices } = accumulator.snapshot();
    expect(choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
      [0, 'A', null],
      [1, 'Bb', 'length'],
    ]);
  });

  it('joins reasoning_details pieces of the same index and type, and collects annotations', () => {
    const citation = { type: 'url_citation', url_citation: { url: 'https://example.com', title: 'Example' } };
    const accumulator = new ChatCompletionAccumulator()
      .add(
        chunk({
          reasoning_details: [
            { type: 'reasoning.text', index: 0, text: 'Step ', format: 'anthropic-claude-v1' },
          ],
        }),
      )
      .add(
        chunk({ reasoning_details: [{ type: 'reasoning.text', index: 0, text: 'one', signature: 'sig' }] }),
      )
      .add(chunk({ reasoning_details: [{ type: 'reasoning.encrypted', index: 1, data: 'opaque' }] }))
      .add(chunk({ annotations: [citation] }));
    const message = accumulator.snapshot().choices[0]?.message;
    expect(message?.reasoning_details).toEqual([
      { type: 'reasoning.text', index: 0, text: 'Step one', format: 'anthropic-claude-v1', signature: 'sig' },
      { type: 'reasoning.encrypted', index: 1, data: 'opaque' },
    ]);
    expect(message?.annotations).toEqual([citation]);
  });

  it("takes usage from a choices:[] chunk or the finish chunk; Azure's empty first chunk is harmless", () => {
    const azure = { id: '', object: 'chat.completion.chunk', created: 0, model: '', choices: [] } as const;
    const fromEmpty = new ChatCompletionAccumulator()
      .add({ ...azure, choices: [] })
      .add(chunk({ content: 'ok' }, { finish: 'stop' }))
      .add({ ...chunk({}), choices: [], usage });
    expect(fromEmpty.snapshot()).toMatchObject({ id: 'chatcmpl-1', model: 'gpt-4o-mini', usage });
    expect(fromEmpty.snapshot().choices).toHaveLength(1);
    expect(fromEmpty.chunkCount).toBe(3);

    const fromFinish = new ChatCompletionAccumulator().add(
      chunk({ content: 'ok' }, { finish: 'stop', usage }),
    );
    expect(fromFinish.usage).toEqual(usage);
    expect(new ChatCompletionAccumulator().add(chunk({ content: 'x' })).snapshot().usage).toBeUndefined();
  });

  it('exposes live per-choice state without copying, and detached snapshots', () => {
    const accumulator = new ChatCompletionAccumulator().add(chunk({ content: 'Hel' }));
    const live = accumulator.getChoice(0);
    const before = accumulator.snapshot();
    accumulator.add(
      chunk({ content: 'lo', tool_calls: [{ index: 0, id: 't', function: { name: 'f', arguments: '{' } }] }),
    );
    expect(accumulator.getChoice(0)).toBe(live);
    expect(live?.content).toBe('Hello');
    expect(live?.toolCalls[0]?.arguments).toBe('{');
    expect(before.choices[0]?.message.content).toBe('Hel');
    const after = accumulator.snapshot();
    accumulator.add(chunk({ tool_calls: [{ index: 0, function: { arguments: '}' } }] }));
    expect(after.choices[0]?.message.tool_calls?.[0]?.function.arguments).toBe('{');
    expect(accumulator.getChoice(5)).toBeUndefined();
  });

  it('accumulates legacy text-completion chunks into text', () => {
    const accumulator = new ChatCompletionAccumulator();
    for (const [text, finish] of [
      ['Once', null],
      [' upon', 'length'],
    ] as const) {
      accumulator.add({
        id: 'cmpl-1',
        object: 'text_completion',
        created: 1,
        model: 'gpt-3.5-turbo-instruct',
        choices: [{ index: 0, text, finish_reason: finish }],
      });
    }
    expect(accumulator.getChoice(0)?.text).toBe('Once upon');
    expect(accumulator.snapshot()).toMatchObject({
      object: 'text_completion',
      choices: [
        {
          index: 0,
          text: 'Once upon',
          message: { role: 'assistant', content: 'Once upon' },
          finish_reason: 'length',
        },
      ],
    });
  });

  it("folds a whole completion's message like a delta; a chunk sending both is read from its delta alone", () => {
    const message = { role: 'assistant', content: 'Whole answer.', reasoning_content: 'Why.' };
    const accumulator = new ChatCompletionAccumulator()
      .add({
        ...chunk({}),
        choices: [{ index: 0, message, finish_reason: 'stop' }],
      } as unknown as ChatCompletionChunk)
      .add({
        ...chunk({}),
        choices: [{ index: 1, delta: { content: 'Delta.' }, message: { content: 'Delta.' } }],
      } as unknown as ChatCompletionChunk);
    expect(accumulator.snapshot().choices.map((choice) => choice.message)).toEqual([
      { role: 'assistant', content: 'Whole answer.', reasoning: 'Why.' },
      { role: 'assistant', content: 'Delta.' },
    ]);
  });

  it('ignores malformed pieces instead of crashing', () => {
    const accumulator = new ChatCompletionAccumulator()
      .add({ ...chunk({}), choices: null } as unknown as ChatCompletionChunk)
      .add({
        ...chunk({}),
        choices: [null, 'x', { index: 0, delta: null }],
      } as unknown as ChatCompletionChunk)
      .add(
        chunk({
          tool_calls: [null, { index: 0, function: { arguments: 5 } }],
        } as unknown as ChatCompletionDelta),
      );
    expect(accumulator.snapshot().choices).toEqual([
      {
        index: 0,
        finish_reason: null,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: '', type: 'function', function: { name: '', arguments: '' } }],
        },
      },
    ]);
  });
});
