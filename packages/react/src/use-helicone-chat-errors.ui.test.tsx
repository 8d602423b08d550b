import { GatewayError, StreamError, type AssistantMessage } from '@helicone-kit/core';
import { act, renderHook } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useHeliconeChat } from './use-helicone-chat';
import type { UseHeliconeChatOptions } from './use-helicone-chat-types';
import { startChatRoute, type ChatRoute } from './__tests__/chat-route';
import { chatWrapper, textOf } from './__tests__/chat-wrapper';

let route: ChatRoute;
beforeAll(async () => {
  route = await startChatRoute({}, { pace: { firstTokenMs: 0, tokensPerSecond: 4000 } });
});
afterEach(() => route.gateway.setFaults({}));
afterAll(async () => {
  expect(route.logLines.join('\n')).not.toContain(route.gateway.apiKey);
  await route?.close();
});

/** Types a draft, sends another text, and returns the hook once the request ended. */
async function sendWithDraft(options: UseHeliconeChatOptions, api = route.api) {
  const errors: Error[] = [];
  const rendered = renderHook(
    () => useHeliconeChat({ ...options, onError: (error) => void errors.push(error) }),
    {
      wrapper: chatWrapper(api),
    },
  );
  act(() => rendered.result.current.setDraft('my next question'));
  await act(() => rendered.result.current.send('What is a cache?'));
  return { ...rendered, errors };
}

function expectKept(current: ReturnType<typeof useHeliconeChat>) {
  expect(current.status).toBe('error');
  expect(current.draft).toBe('my next question');
  expect(current.messages[0]).toMatchObject({
    role: 'user',
    parts: [{ type: 'text', text: 'What is a cache?' }],
  });
}

describe('useHeliconeChat errors: the user message, the partial answer and the draft stay', () => {
  it("the route's own 400 (a body it refuses), as a GatewayError naming the field", async () => {
    const { result, errors } = await sendWithDraft({ model: 'gpt-4o-mini', max_tokens: 0 });
    expectKept(result.current);
    expect(result.current.messages).toHaveLength(1);
    const error = result.current.error;
    expect(GatewayError.isInstance(error) && error.status).toBe(400);
    expect((error as GatewayError).param).toBe('max_tokens');
    expect(errors).toEqual([error]);
  });

  it("the gateway's 400 for an unknown model", async () => {
    const { result } = await sendWithDraft({ model: 'no-such-model' });
    expectKept(result.current);
    const error = result.current.error as GatewayError;
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/unknown model/i);
  });

  it('a provider 500, then retry() resends the same turn and succeeds', async () => {
    // Every provider fails (one would be tried after another), until the faults are lifted.
    route.gateway.setFaults({ '*': { type: 'status', status: 500, message: 'provider exploded' } });
    const { result } = await sendWithDraft({ model: 'gpt-4o-mini', max_tokens: 6 });
    expectKept(result.current);
    expect((result.current.error as GatewayError).status).toBe(500);
    expect((result.current.error as GatewayError).isRetryable).toBe(true);

    route.gateway.setFaults({});
    await act(() => result.current.retry());
    expect(result.current.status).toBe('ready');
    expect(result.current.error).toBeUndefined();
    expect(result.current.draft).toBe('my next question');
    const [user, answer] = result.current.messages;
    expect(textOf(user)).toBe('What is a cache?');
    expect((answer as AssistantMessage).metadata.usage?.completionTokens).toBe(6);
  });

  it('a stream cut in the middle keeps the partial answer, marked with the error', async () => {
    route.gateway.setFaults({ '*': { type: 'cut', afterTokens: 5 } });
    const { result } = await sendWithDraft({ model: 'gpt-4o-mini', max_tokens: 200 });
    expectKept(result.current);
    // The body breaks off: Node's fetch throws `TypeError: terminated`, which the transport turns into a StreamError.
    const error = result.current.error!;
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as StreamError).type).toBe('connection_cut');
    expect(error.cause).toBeInstanceOf(TypeError);
    const answer = result.current.messages[1] as AssistantMessage;
    expect(textOf(answer).length).toBeGreaterThan(0);
    expect(answer.state).toBe('done');
    expect(answer.metadata.error).toMatchObject({ name: error.name, message: error.message });
    expect(answer.metadata.usage).toBeUndefined();
  });

  it('send() from the draft: a refused request leaves the text in the draft, a retry that goes through clears it', async () => {
    route.gateway.setFaults({ '*': { type: 'status', status: 503, message: 'overloaded' } });
    const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 4 }), {
      wrapper: chatWrapper(route.api),
    });
    act(() => result.current.setDraft('Will this arrive?'));
    await act(() => result.current.send());
    expect(result.current.status).toBe('error');
    expect(result.current.draft).toBe('Will this arrive?');
    expect(result.current.messages.map(textOf)).toEqual(['Will this arrive?']);

    route.gateway.setFaults({});
    await act(() => result.current.retry());
    expect(result.current.status).toBe('ready');
    expect(result.current.draft).toBe('');
    expect(result.current.messages).toHaveLength(2);
  });

  it('the network (nothing listens on the port)', async () => {
    const closed = await startChatRoute();
    const api = closed.api;
    await closed.close();
    const { result } = await sendWithDraft({ model: 'gpt-4o-mini' }, api);
    expectKept(result.current);
    expect(result.current.error).toBeInstanceOf(TypeError);
  });
});

describe('useHeliconeChat and a 429', () => {
  it("exposes when to retry from Helicone-RateLimit-Reset, and retry() works once the gateway's (scaled) window passed", async () => {
    // One request per 60 s; the gateway's timeScale makes that window 60 ms of real time.
    const limited = await startChatRoute(
      {},
      { timeScale: 0.001, pace: { firstTokenMs: 0, tokensPerSecond: 0 } },
    );
    try {
      const { result } = renderHook(
        () => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 4, rateLimitPolicy: '1;w=60' }),
        { wrapper: chatWrapper(limited.api) },
      );
      await act(() => result.current.send('first'));
      expect(result.current.status).toBe('ready');

      const before = Date.now();
      await act(() => result.current.send('second'));
      expect(result.current.status).toBe('error');
      const error = result.current.error as GatewayError;
      expect(error.status).toBe(429);
      // The gateway reports what is left of the window in unscaled, whole seconds: at most 60.
      expect(error.retryAfterMs! % 1000).toBe(0);
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
      // timeScale shortens the window, not the header: retryAt is a real time, in the future, at most the 60 s
      // window away, and the reported wait counted from when the error arrived (between `before` and `after`).
      const after = Date.now();
      const retryAt = result.current.retryAt!;
      expect(retryAt).toBeGreaterThan(after);
      expect(retryAt).toBeLessThanOrEqual(after + 60_000);
      expect(retryAt).toBeGreaterThanOrEqual(before + error.retryAfterMs!);
      expect(retryAt).toBeLessThanOrEqual(after + error.retryAfterMs!);
      expect(result.current.messages.map(textOf)).toEqual(['first', expect.any(String), 'second']);

      // The scaled window (60 ms) is over long before the real retryAt: no real minute of waiting.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(Date.now()).toBeLessThan(retryAt);
      await act(() => result.current.retry());
      expect(result.current.status).toBe('ready');
      expect(result.current.retryAt).toBeUndefined();
      expect(result.current.messages).toHaveLength(4);
    } finally {
      await limited.close();
    }
  });
});
