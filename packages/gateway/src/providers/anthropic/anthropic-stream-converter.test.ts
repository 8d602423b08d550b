import { describe, expect, it } from 'vitest';
import { AnthropicStreamConverter } from './anthropic-stream-converter';
import { toAnthropicBody } from './to-anthropic-body';

const start = {
  type: 'message_start',
  message: { id: 'msg_1', model: 'claude-x', usage: { input_tokens: 10, output_tokens: 1 } },
};

describe('AnthropicStreamConverter', () => {
  it('sends a tool call with empty input as the two fragments { and }', () => {
    const converter = new AnthropicStreamConverter(1);
    const chunks = [
      start,
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 'toolu_1', name: 'now', input: {} },
      },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 5 } },
      { type: 'message_stop' },
    ].flatMap((event) => converter.convert(event));
    const deltas = chunks.map((chunk) => (chunk.choices as { delta: unknown; finish_reason: unknown }[])[0]);
    expect(deltas.slice(1, 4).map((choice) => choice?.delta)).toEqual([
      {
        tool_calls: [{ index: 0, id: 'toolu_1', type: 'function', function: { name: 'now', arguments: '' } }],
      },
      { tool_calls: [{ index: 0, id: 'toolu_1', type: 'function', function: { arguments: '{' } }] },
      { tool_calls: [{ index: 0, id: 'toolu_1', type: 'function', function: { arguments: '}' } }] },
    ]);
    expect(deltas[4]).toMatchObject({ delta: {}, finish_reason: 'tool_calls' });
    expect(chunks[5]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    });
    expect(chunks[5]!.usage).not.toHaveProperty('prompt_tokens_details');
  });

  it('maps max_tokens to length and drops ping and error events', () => {
    const converter = new AnthropicStreamConverter(1);
    expect(converter.convert({ type: 'ping' })).toEqual([]);
    expect(converter.convert({ type: 'error' })).toEqual([]);
    converter.convert(start);
    const [finish] = converter.convert({
      type: 'message_delta',
      delta: { stop_reason: 'max_tokens' },
      usage: { output_tokens: 3 },
    });
    expect(finish).toMatchObject({ choices: [{ finish_reason: 'length' }] });
  });
});

describe('toAnthropicBody', () => {
  it('moves system messages apart, merges turns, turns tool results into user blocks, maps reasoning', () => {
    expect(
      toAnthropicBody(
        {
          messages: [
            { role: 'system', content: 'Be short.' },
            { role: 'user', content: 'Time?' },
            {
              role: 'assistant',
              content: null,
              tool_calls: [
                { id: 'call_1', type: 'function', function: { name: 'now', arguments: '{"zone":"UTC"}' } },
              ],
            },
            { role: 'tool', tool_call_id: 'call_1', content: '12:00' },
            { role: 'user', content: [{ type: 'text', text: 'Thanks' }] },
          ],
          stop: 'END',
          temperature: 0.2,
          reasoning_effort: 'low',
          tool_choice: 'required',
          tools: [
            {
              type: 'function',
              function: { name: 'now', description: 'Current time', parameters: { type: 'object' } },
            },
          ],
        },
        'claude-3-7-sonnet-20250219',
      ),
    ).toEqual({
      model: 'claude-3-7-sonnet-20250219',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      system: 'Be short.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Time?' }] },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'call_1', name: 'now', input: { zone: 'UTC' } }],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: '12:00' },
            { type: 'text', text: 'Thanks' },
          ],
        },
      ],
      temperature: 0.2,
      stop_sequences: ['END'],
      tools: [{ name: 'now', description: 'Current time', input_schema: { type: 'object' } }],
      tool_choice: { type: 'any' },
    });
  });
});
