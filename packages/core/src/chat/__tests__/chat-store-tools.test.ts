import { describe, expect, it, vi } from 'vitest';
import { createMockTransport, textSteps, type MockResponse } from '../../testing';
import type { ChatFinishEvent } from '../chat-options';
import { deferred, makeStore, textOf } from './helpers';

const weatherCall = (id: string, city: string): MockResponse => ({
  steps: [
    { type: 'tool-call', id, name: 'get_weather', arguments: ['{"city":', `"${city}"}`] },
    { type: 'finish', reason: 'tool_calls' },
  ],
});

describe('chat store: tools', () => {
  it('onToolCall results are sent back and the chat continues on its own', async () => {
    const transport = createMockTransport([
      weatherCall('call_1', 'Oslo'),
      { steps: textSteps('It is 3 °C in Oslo.') },
    ]);
    const onToolCall = vi.fn(async ({ toolCall }: { toolCall: { input: unknown } }) => {
      await Promise.resolve();
      return { temperature: 3, input: toolCall.input };
    });
    const store = makeStore({
      transport,
      onToolCall,
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
    });
    await store.getState().send('Weather in Oslo?');

    expect(onToolCall).toHaveBeenCalledTimes(1);
    expect(onToolCall.mock.calls[0]![0].toolCall).toEqual({
      toolCallId: 'call_1',
      toolName: 'get_weather',
      input: { city: 'Oslo' },
      arguments: '{"city":"Oslo"}',
    });
    const [, toolAnswer, finalAnswer] = store.getState().messages;
    expect(toolAnswer!.parts).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'get_weather',
        arguments: '{"city":"Oslo"}',
        input: { city: 'Oslo' },
        state: 'output-available',
        output: { temperature: 3, input: { city: 'Oslo' } },
      },
    ]);
    expect(textOf(finalAnswer)).toBe('It is 3 °C in Oslo.');
    expect(finalAnswer!.parentId).toBe(toolAnswer!.id);
    expect(transport.requests[1]!.body.messages).toEqual([
      { role: 'user', content: 'Weather in Oslo?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temperature":3,"input":{"city":"Oslo"}}' },
    ]);
    expect(transport.requests[1]!.helicone.session?.path).toBe('/turn-1/tool-1');
    expect(store.getState().status).toBe('ready');
  });

  it('without a result from onToolCall, waits for addToolResult, then continues', async () => {
    const transport = createMockTransport([
      weatherCall('call_9', 'Lima'),
      { steps: textSteps('Sunny in Lima.') },
    ]);
    const store = makeStore({ transport, onToolCall: () => undefined });
    await store.getState().send('Weather in Lima?');
    expect(store.getState().status).toBe('ready');
    expect(transport.requests).toHaveLength(1);
    const pending = store.getState().messages[1]!.parts[0];
    expect(pending).toMatchObject({ type: 'tool-call', state: 'input-available' });

    await store.getState().addToolResult('call_9', 'sunny, 24 °C');

    expect(transport.requests).toHaveLength(2);
    expect(transport.requests[1]!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_9',
      content: 'sunny, 24 °C',
    });
    expect(textOf(store.getState().messages[2])).toBe('Sunny in Lima.');
  });

  it('a throwing tool becomes an error result the model sees', async () => {
    const transport = createMockTransport([weatherCall('call_2', 'Nowhere'), { steps: textSteps('Sorry.') }]);
    const store = makeStore({
      transport,
      onToolCall: () => {
        throw new Error('unknown city');
      },
    });
    await store.getState().send('Weather?');
    expect(store.getState().messages[1]!.parts[0]).toMatchObject({
      state: 'output-error',
      errorText: 'unknown city',
    });
    expect(transport.requests[1]!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_2',
      content: 'Error: unknown city',
    });
  });

  it('a model that keeps calling tools is stopped after maxToolSteps continuations', async () => {
    let call = 0;
    const transport = createMockTransport(() => weatherCall(`call_${++call}`, 'Oslo'));
    const finishes: ChatFinishEvent[] = [];
    const store = makeStore({
      transport,
      maxToolSteps: 3,
      onToolCall: () => ({ temperature: 3 }),
      onFinish: (event) => finishes.push(event),
    });
    await store.getState().send('Loop');

    // The user's request plus 3 automatic continuations.
    expect(transport.requests).toHaveLength(4);
    expect(transport.requests.map((request) => request.helicone.session?.path)).toEqual([
      '/turn-1',
      '/turn-1/tool-1',
      '/turn-1/tool-2',
      '/turn-1/tool-3',
    ]);
    expect(finishes.map((event) => event.toolStepsExhausted)).toEqual([false, false, false, true]);
    expect(store.getState().status).toBe('ready');
    expect(store.getState().messages).toHaveLength(5);
  });

  it('defaults to 5 continuations', async () => {
    let call = 0;
    const transport = createMockTransport(() => weatherCall(`call_${++call}`, 'Oslo'));
    const store = makeStore({ transport, onToolCall: () => 'ok' });
    await store.getState().send('Loop');
    expect(transport.requests).toHaveLength(6);
  });

  it('is busy while client tools run: a send then is refused', async () => {
    const toolStarted = deferred();
    const toolResult = deferred<unknown>();
    const transport = createMockTransport([weatherCall('call_1', 'Oslo'), { steps: textSteps('Done.') }]);
    const store = makeStore({
      transport,
      onToolCall: () => {
        toolStarted.resolve();
        return toolResult.promise;
      },
    });
    const sending = store.getState().send('Weather?');
    await toolStarted.promise;
    expect(store.getState().status).toBe('submitted');
    await expect(store.getState().send('Another')).rejects.toMatchObject({ reason: 'busy' });
    toolResult.resolve('cold');
    await sending;
    expect(textOf(store.getState().messages[2])).toBe('Done.');
    expect(transport.requests).toHaveLength(2);
  });

  it('stop() while client tools run keeps their results but does not continue', async () => {
    const toolStarted = deferred();
    const toolResult = deferred<unknown>();
    const transport = createMockTransport([
      weatherCall('call_1', 'Oslo'),
      { steps: textSteps('Never sent') },
    ]);
    const finishes: ChatFinishEvent[] = [];
    const store = makeStore({
      transport,
      onFinish: (event) => finishes.push(event),
      onToolCall: () => {
        toolStarted.resolve();
        return toolResult.promise;
      },
    });
    const sending = store.getState().send('Weather?');
    await toolStarted.promise;
    store.getState().stop();
    toolResult.resolve('cold');
    await sending;
    expect(transport.requests).toHaveLength(1);
    expect(store.getState().messages[1]!.parts[0]).toMatchObject({
      state: 'output-available',
      output: 'cold',
    });
    expect(store.getState().status).toBe('ready');
    expect(finishes.map((event) => event.stopped)).toEqual([true]);
  });

  it('addToolResult with an unknown id is refused', async () => {
    const store = makeStore({ transport: createMockTransport([]) });
    await expect(store.getState().addToolResult('nope', 1)).rejects.toMatchObject({
      reason: 'unknown-tool-call',
    });
  });
});
