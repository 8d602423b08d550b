import { describe, expect, it } from 'vitest';
import { ChatCompletionAccumulator } from '../stream/chat-completion-accumulator';
import { applyChoice } from './apply-choice';
import type { AssistantMessage } from './types';

const empty: AssistantMessage = {
  id: 'm',
  parentId: 'u',
  role: 'assistant',
  createdAt: 0,
  parts: [],
  state: 'streaming',
  metadata: { requestedModel: 'gpt-4o-mini' },
};

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'c',
  object: 'chat.completion.chunk' as const,
  created: 0,
  model: 'm',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

describe('applyChoice', () => {
  it('replaces only the part that changed; unchanged parts and an unchanged message keep their identity', () => {
    const accumulator = new ChatCompletionAccumulator();
    accumulator.add(chunk({ reasoning: 'Let me think.' }));
    const first = applyChoice(empty, accumulator.getChoice(0)!, false);
    accumulator.add(chunk({ content: 'Hel' }));
    const second = applyChoice(first, accumulator.getChoice(0)!, false);
    accumulator.add(chunk({ content: 'lo' }));
    const third = applyChoice(second, accumulator.getChoice(0)!, false);

    expect(third.parts).toEqual([
      { type: 'reasoning', text: 'Let me think.' },
      { type: 'text', text: 'Hello' },
    ]);
    expect(third).not.toBe(second);
    expect(third.parts[0]).toBe(first.parts[0]);
    expect(third.parts[1]).not.toBe(second.parts[1]);
    // A chunk that adds nothing (an empty delta) changes nothing.
    accumulator.add(chunk({}));
    expect(applyChoice(third, accumulator.getChoice(0)!, false)).toBe(third);
  });

  it('streams tool-call arguments, then parses them when the answer settles', () => {
    const accumulator = new ChatCompletionAccumulator();
    accumulator.add(
      chunk({ tool_calls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: '{"a"' } }] }),
    );
    const streaming = applyChoice(empty, accumulator.getChoice(0)!, false);
    expect(streaming.parts).toEqual([
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'f', arguments: '{"a"', state: 'input-streaming' },
    ]);
    accumulator.add(chunk({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }, 'tool_calls'));
    const settled = applyChoice(streaming, accumulator.getChoice(0)!, true);
    expect(settled.parts).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'f',
        arguments: '{"a":1}',
        input: { a: 1 },
        state: 'input-available',
      },
    ]);
  });
});
