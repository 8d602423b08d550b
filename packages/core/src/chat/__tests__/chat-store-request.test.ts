import { describe, expect, it } from 'vitest';
import { createMockTransport, textSteps } from '../../testing';
import type { ChatModelParameters } from '../chat-options';
import { makeStore } from './helpers';

describe('chat store: the request body', () => {
  it('sends every OpenAI parameter and the prompt fields as given, after the system message and the branch', async () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'weather',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ];
    const responseFormat = {
      type: 'json_schema',
      json_schema: { name: 'answer', schema: { type: 'object', properties: { text: { type: 'string' } } } },
    };
    // The OpenAI parameters, by their wire names: the body carries each one as given.
    const parameters = {
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 64,
      max_completion_tokens: 80,
      stop: ['\n\n', 'END'],
      n: 1,
      seed: 7,
      tools,
      tool_choice: { type: 'function', function: { name: 'weather' } },
      parallel_tool_calls: false,
      response_format: responseFormat,
      reasoning_effort: 'low',
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      logit_bias: { '50256': -100 },
      user: 'user-42',
    } satisfies ChatModelParameters;
    const transport = createMockTransport([{ steps: textSteps('{"text":"hi"}') }]);
    const store = makeStore({
      transport,
      model: 'gpt-4o-mini,claude-3.5-haiku',
      system: 'Be brief.',
      ...parameters,
      prompt: { id: 'prompt-1', inputs: { customer: 'Ada' }, environment: 'production', versionId: 'v-3' },
    });
    await store.getState().send('Hello');
    expect(transport.requests[0]!.body).toEqual({
      model: 'gpt-4o-mini,claude-3.5-haiku',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      ...parameters,
      prompt_id: 'prompt-1',
      inputs: { customer: 'Ada' },
      environment: 'production',
      version_id: 'v-3',
    });
  });

  it('stream: false asks for one completion, without stream_options; unset parameters are left out', async () => {
    const transport = createMockTransport([
      {
        completion: {
          id: 'c1',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4o-mini',
          choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
        },
      },
    ]);
    const store = makeStore({ transport, stream: false });
    await store.getState().send('Hello');
    expect(transport.requests[0]!.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: false,
    });
  });

  it.each([
    [undefined, 50],
    [50, 50],
    [200, 200],
    ['frame', 16],
    [false, 0],
  ] as const)('throttle %s asks the transport for batches at most every %i ms', async (throttle, batchMs) => {
    const transport = createMockTransport([{ steps: textSteps('Hi') }]);
    const store = makeStore({ transport, ...(throttle === undefined ? {} : { throttle }) });
    await store.getState().send('Hello');
    expect(transport.requests[0]!.batchMs).toBe(batchMs);
  });
});
