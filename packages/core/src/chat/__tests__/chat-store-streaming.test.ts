import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatActionError } from '../../errors/chat-action-error';
import { GatewayError } from '../../errors/gateway-error';
import { readGatewayError } from '../../errors/read-gateway-error';
import { StreamError } from '../../errors/stream-error';
import { createMockTransport, textSteps } from '../../testing';
import type { ChatStatus } from '../types';
import { deferred, makeStore, textOf, waitFor } from './helpers';

const usage = {
  prompt_tokens: 1000,
  completion_tokens: 200,
  total_tokens: 1200,
  prompt_tokens_details: { cached_tokens: 400 },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('chat store: streaming', () => {
  it('goes ready → submitted → streaming → ready and records what the gateway said', async () => {
    const transport = createMockTransport([
      {
        headers: {
          'Helicone-Id': '3c2b1a00-0000-4000-8000-000000000001',
          'Helicone-Provider': 'openai',
          'Helicone-Model': 'gpt-4o-mini-2024-07-18',
          'Helicone-Cache': 'MISS',
        },
        steps: [
          { type: 'reasoning', text: 'Think' },
          ...textSteps('Hello there!', 5),
          { type: 'finish', reason: 'stop' },
          { type: 'usage', usage },
        ],
      },
    ]);
    // $1 per million input, $0.5 cached, $4 output: 600 × 1 + 400 × 0.5 + 200 × 4 = 1600 per million.
    const store = makeStore({ transport, price: () => ({ input: 1, cachedInput: 0.5, output: 4 }) });
    const statuses: ChatStatus[] = [];
    store.subscribe((state, previous) => {
      if (state.status !== previous.status) statuses.push(state.status);
    });

    await store.getState().send('Hi');

    expect(statuses).toEqual(['submitted', 'streaming', 'ready']);
    const [user, answer] = store.getState().messages;
    expect(user?.role).toBe('user');
    expect(textOf(user)).toBe('Hi');
    expect(answer?.role).toBe('assistant');
    expect(answer?.parentId).toBe(user?.id);
    expect(answer?.parts).toEqual([
      { type: 'reasoning', text: 'Think' },
      { type: 'text', text: 'Hello there!' },
    ]);
    if (answer?.role !== 'assistant') throw new Error('expected an answer');
    expect(answer.state).toBe('done');
    expect(answer.metadata).toMatchObject({
      requestId: '3c2b1a00-0000-4000-8000-000000000001',
      requestedModel: 'gpt-4o-mini',
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
      cacheHit: false,
      finishReason: 'stop',
      usage: { promptTokens: 1000, completionTokens: 200, totalTokens: 1200, cachedPromptTokens: 400 },
      cost: { usd: 0.0016, estimated: true },
    });
    expect(answer.metadata.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(answer.metadata.durationMs).toBeGreaterThanOrEqual(answer.metadata.timeToFirstTokenMs!);
    expect(answer.metadata.stopped).toBeUndefined();
    expect(store.getState().totals).toEqual({
      promptTokens: 1000,
      completionTokens: 200,
      totalTokens: 1200,
      costUsd: 0.0016,
      costComplete: true,
      answers: 1,
    });
  });

  it('leaves the cost undefined (never $0) when the price is unknown', async () => {
    const transport = createMockTransport([{ steps: [...textSteps('ok'), { type: 'usage', usage }] }]);
    const store = makeStore({ transport });
    await store.getState().send('Hi');
    const answer = store.getState().messages[1];
    if (answer?.role !== 'assistant') throw new Error('expected an answer');
    expect(answer.metadata.usage?.totalTokens).toBe(1200);
    expect(answer.metadata.cost).toBeUndefined();
    expect(store.getState().totals.costUsd).toBeUndefined();
    expect(store.getState().totals.costComplete).toBe(false);
  });

  it('sends the selected branch as an OpenAI body with the options and per-message properties', async () => {
    const transport = createMockTransport([{ steps: textSteps('one') }, { steps: textSteps('two') }]);
    const store = makeStore({
      transport,
      model: 'gpt-4o-mini/openai,claude-3.5-haiku/anthropic',
      system: 'Be brief.',
      temperature: 0.2,
      n: undefined,
      properties: { App: 'demo' },
      cache: { enabled: true, maxAge: 60 },
      metadata: { 'Helicone-Retry-Enabled': 'true', 'Helicone-Property-Environment': 'test' },
      session: { id: 'session-1', name: 'Support', path: (turn) => `/support/${turn.index}/${turn.kind}` },
      prompt: { id: 'prompt-1', inputs: { topic: 'tea' }, environment: 'staging' },
    });
    await store
      .getState()
      .send({ content: 'Look', images: ['data:image/png;base64,AAAA'], properties: { Mood: 'x' } });
    await store.getState().send('And?');

    const first = transport.requests[0]!;
    expect(first.body).toEqual({
      model: 'gpt-4o-mini/openai,claude-3.5-haiku/anthropic',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          ],
        },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      prompt_id: 'prompt-1',
      inputs: { topic: 'tea' },
      environment: 'staging',
    });
    expect(first.helicone).toMatchObject({
      cache: { enabled: true, maxAge: 60 },
      properties: { App: 'demo', Mood: 'x' },
      session: { id: 'session-1', name: 'Support', path: '/support/1/send' },
    });
    // The metadata object travels as the request headers it names; the route reads them like any client header.
    expect(first.headers).toEqual({
      'Helicone-Retry-Enabled': 'true',
      'Helicone-Property-Environment': 'test',
    });
    const second = transport.requests[1]!;
    expect(second.body.messages.slice(1)).toEqual([
      first.body.messages[1],
      { role: 'assistant', content: 'one' },
      { role: 'user', content: 'And?' },
    ]);
    expect(second.helicone.properties).toEqual({ App: 'demo' });
    expect(second.headers).toEqual(first.headers);
    expect(second.helicone.session?.path).toBe('/support/2/send');
    expect(store.getState().session).toEqual({ id: 'session-1', name: 'Support', path: '/support/2/send' });
  });

  it('refuses a second send while a request runs, without touching the first', async () => {
    const gate = deferred();
    const transport = createMockTransport([
      {
        steps: [
          { type: 'text', text: 'Hel' },
          { type: 'wait', until: gate.promise },
          { type: 'text', text: 'lo' },
        ],
      },
    ]);
    const store = makeStore({ transport });
    const first = store.getState().send('one');
    await waitFor(store, (state) => state.status === 'streaming');

    const refused = store.getState().send('two');
    await expect(refused).rejects.toBeInstanceOf(ChatActionError);
    await expect(refused).rejects.toMatchObject({ reason: 'busy', action: 'send' });
    expect(transport.requests).toHaveLength(1);
    expect(store.getState().messages).toHaveLength(2);

    gate.resolve();
    await first;
    expect(textOf(store.getState().messages[1])).toBe('Hello');
    expect(store.getState().status).toBe('ready');
  });

  it('says in one sentence why an action is refused', async () => {
    const gate = deferred();
    const transport = createMockTransport([
      {
        steps: [
          { type: 'text', text: 'Hel' },
          { type: 'wait', until: gate.promise },
        ],
      },
    ]);
    const store = makeStore({ transport });
    const { send, retry, regenerate, edit, selectBranch, addToolResult } = store.getState();
    const refusal = async (action: () => Promise<unknown> | void) => {
      try {
        await action();
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(await refusal(() => regenerate())).toBe(
      'regenerate() refused (unknown-message): no message to answer',
    );
    expect(await refusal(() => send('  '))).toBe(
      'send() refused (empty-message): the message would be empty',
    );
    const first = send('one');
    await waitFor(store, (state) => state.status === 'streaming');
    expect(await refusal(() => send('two'))).toBe(
      'send() refused (busy): stop() the running request or wait',
    );
    store.getState().stop();
    await first;
    expect(await refusal(() => retry())).toBe('retry() refused (nothing-to-retry): no failed request');
    expect(await refusal(() => edit('m-1', 'x'))).toBe('edit() refused (unknown-message): no message m-1');
    const question = store.getState().messages[0]!.id;
    expect(await refusal(() => selectBranch(question, 3))).toBe(
      `selectBranch() refused (unknown-message): no message ${question} with a branch 3`,
    );
    expect(await refusal(() => addToolResult('call-9', 1))).toBe(
      'addToolResult() refused (unknown-tool-call): no tool call call-9',
    );
  });

  it('refuses an empty message, and input that is neither text nor an image URL', async () => {
    const store = makeStore({ transport: createMockTransport([]) });
    await expect(store.getState().send('   ')).rejects.toMatchObject({ reason: 'empty-message' });
    const hostile = { content: 42, images: [null, { url: 7 }, ''] } as unknown as Parameters<
      ReturnType<typeof store.getState>['send']
    >[0];
    await expect(store.getState().send(hostile)).rejects.toMatchObject({ reason: 'empty-message' });
    expect(store.getState().messages).toEqual([]);
    expect(store.getState().status).toBe('ready');
  });

  it('stop() aborts the request and keeps exactly the deltas received, marked stopped', async () => {
    const gate = deferred();
    const deltas = ['The ', 'quick ', 'brown ', 'fox'];
    const transport = createMockTransport([
      {
        steps: [
          ...deltas.map((text) => ({ type: 'text' as const, text })),
          { type: 'wait', until: gate.promise },
          { type: 'text', text: ' jumps' },
          { type: 'finish' },
        ],
      },
    ]);
    const finished = vi.fn();
    const store = makeStore({ transport, onFinish: finished });
    const sending = store.getState().send('Tell me');
    await waitFor(store, (state) => textOf(state.messages[1]) === deltas.join(''));

    store.getState().stop();
    expect(store.getState().status).toBe('ready');
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    gate.resolve();
    await sending;

    const answer = store.getState().messages[1];
    if (answer?.role !== 'assistant') throw new Error('expected an answer');
    expect(textOf(answer)).toBe('The quick brown fox');
    expect(answer.metadata.stopped).toBe(true);
    expect(answer.state).toBe('done');
    expect(store.getState().error).toBeUndefined();
    expect(finished).toHaveBeenCalledTimes(1);
    expect(finished.mock.calls[0]![0]).toMatchObject({ stopped: true, error: undefined });
    // The chat goes on afterwards.
    expect(store.getState().status).toBe('ready');
  });

  it('stop() ends the turn even with a transport that ignores the abort signal', async () => {
    const never = new Promise<never>(() => {});
    const deaf = {
      async *send() {
        yield* [] as never[];
        await never;
      },
    };
    const store = makeStore({ transport: deaf });
    const sending = store.getState().send('Hi');
    await waitFor(store, (state) => state.status === 'submitted');
    store.getState().stop();
    await sending;
    expect(store.getState().status).toBe('ready');
  });

  it('stop() before the first chunk leaves the user message and no answer', async () => {
    const gate = deferred();
    const transport = createMockTransport([
      { steps: [{ type: 'wait', until: gate.promise }, ...textSteps('late')] },
    ]);
    const store = makeStore({ transport });
    const sending = store.getState().send('Hi');
    await waitFor(store, (state) => state.status === 'submitted');
    store.getState().stop();
    await sending;
    expect(store.getState().status).toBe('ready');
    expect(store.getState().messages.map((message) => message.role)).toEqual(['user']);
  });
});

describe('chat store: errors', () => {
  const cases = [
    {
      kind: 'a gateway error before the stream',
      response: () => ({
        error: new GatewayError({ status: 500, message: 'All attempts failed', code: 'all_attempts_failed' }),
      }),
      partial: '',
      expected: {
        name: 'GatewayError',
        status: 500,
        code: 'all_attempts_failed',
        message: 'All attempts failed',
      },
    },
    {
      kind: 'an error inside the stream',
      response: () => ({
        steps: [
          ...textSteps('Partial '),
          {
            type: 'error' as const,
            error: new StreamError({ message: 'Upstream broke', code: 'server_error' }),
          },
        ],
      }),
      partial: 'Partial ',
      expected: { name: 'StreamError', code: 'server_error', message: 'Upstream broke' },
    },
    {
      kind: 'a network failure',
      response: () => ({
        steps: [...textSteps('Half'), { type: 'error' as const, error: new TypeError('fetch failed') }],
      }),
      partial: 'Half',
      expected: { name: 'TypeError', message: 'fetch failed' },
    },
  ];

  for (const { kind, response, partial, expected } of cases) {
    it(`keeps the user message, the partial answer and the draft after ${kind}`, async () => {
      const onError = vi.fn();
      const store = makeStore({ transport: createMockTransport([response()]), onError });
      store.getState().setDraft('my next question');
      await store.getState().send('Question');

      const state = store.getState();
      expect(state.status).toBe('error');
      expect(state.error).toMatchObject({ name: expected.name, message: expected.message });
      expect(onError).toHaveBeenCalledWith(state.error);
      expect(state.draft).toBe('my next question');
      expect(textOf(state.messages[0])).toBe('Question');
      if (partial === '') {
        expect(state.messages).toHaveLength(1);
      } else {
        const answer = state.messages[1];
        if (answer?.role !== 'assistant') throw new Error('expected the partial answer');
        expect(textOf(answer)).toBe(partial);
        expect(answer.metadata.error).toEqual(expected);
      }
    });
  }

  it('retry() resends the failed request; the failed partial answer stays as a branch', async () => {
    const transport = createMockTransport([
      { steps: [...textSteps('Broken'), { type: 'error', error: new StreamError({ message: 'cut' }) }] },
      { steps: textSteps('Whole answer') },
    ]);
    const store = makeStore({ transport });
    await store.getState().send('Question');
    expect(store.getState().status).toBe('error');
    const failed = store.getState().messages[1]!;

    await store.getState().retry();

    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.error).toBeUndefined();
    expect(textOf(state.messages[1])).toBe('Whole answer');
    expect(state.branches[state.messages[1]!.id]).toEqual({
      ids: [failed.id, state.messages[1]!.id],
      index: 1,
    });
    expect(transport.requests[1]!.body.messages).toEqual(transport.requests[0]!.body.messages);
    expect(transport.requests[1]!.helicone.session?.path).toBe('/turn-1');
  });

  it('retry() outside the error status is refused', async () => {
    const store = makeStore({ transport: createMockTransport([{ steps: textSteps('fine') }]) });
    await store.getState().send('Hi');
    await expect(store.getState().retry()).rejects.toMatchObject({ reason: 'nothing-to-retry' });
  });

  it('a 429 tells when to retry, from Retry-After', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-27T08:00:00Z'), toFake: ['Date'] });
    const response = new Response(
      JSON.stringify({ error: { message: 'Rate limited', code: 'rate_limited' } }),
      {
        status: 429,
        headers: { 'content-type': 'application/json', 'Retry-After': '30' },
      },
    );
    const error = await readGatewayError(response);
    const store = makeStore({ transport: createMockTransport([{ error }]) });
    await store.getState().send('Hi');

    const state = store.getState();
    expect(state.status).toBe('error');
    expect(state.error).toBe(error);
    expect((state.error as GatewayError).retryAfterMs).toBe(30_000);
    expect(state.retryAt).toBe(Date.parse('2026-11-27T08:00:30Z'));
  });
});
