import {
  ChatActionError,
  createHttpTransport,
  createMemoryStorage,
  type AssistantMessage,
  type ChatFinishEvent,
  type ChatTransport,
} from '@helicone-kit/core';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeliconeProvider } from './helicone-provider';
import { modelsQueryKey } from './models-query-options';
import { useHeliconeChat } from './use-helicone-chat';
import { startChatRoute, type ChatRoute } from './__tests__/chat-route';
import { chatWrapper, textOf } from './__tests__/chat-wrapper';

let route: ChatRoute;
beforeAll(async () => {
  route = await startChatRoute({}, { pace: { firstTokenMs: 0, tokensPerSecond: 4000 } });
});
afterAll(async () => {
  expect(route.logLines.join('\n')).not.toContain(route.gateway.apiKey);
  await route?.close();
});

const assistantOf = (messages: readonly { role: string }[]) =>
  messages.filter((message): message is AssistantMessage => message.role === 'assistant');

describe('useHeliconeChat against the route and the local gateway', () => {
  it('streams an answer with what the gateway said about it, and the status moves submitted → streaming → ready', async () => {
    const statuses: string[] = [];
    const { result } = renderHook(
      () => {
        const chat = useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 30 });
        if (statuses.at(-1) !== chat.status) statuses.push(chat.status);
        return chat;
      },
      { wrapper: chatWrapper(route.api) },
    );
    await act(() => result.current.send('Tell me about caches'));

    expect(statuses).toEqual(['ready', 'submitted', 'streaming', 'ready']);
    const [user, answer] = result.current.messages;
    expect(user).toMatchObject({ role: 'user', parts: [{ type: 'text', text: 'Tell me about caches' }] });
    expect(answer?.role).toBe('assistant');
    const metadata = (answer as AssistantMessage).metadata;
    expect(metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(metadata).toMatchObject({
      requestedModel: 'gpt-4o-mini',
      provider: 'openai',
      finishReason: 'length',
      usage: { completionTokens: 30 },
    });
    expect(textOf(answer).length).toBeGreaterThan(0);
    // gpt-4o-mini lists at $0.15 / $0.60 per million tokens (input / output) in the route's model list.
    const usage = metadata.usage!;
    expect(metadata.cost?.estimated).toBe(true);
    expect(metadata.cost?.usd).toBeCloseTo(
      (usage.promptTokens * 0.15 + usage.completionTokens * 0.6) / 1e6,
      12,
    );
    expect(metadata.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(metadata.durationMs).toBeGreaterThanOrEqual(metadata.timeToFirstTokenMs!);
    expect(result.current.totals).toMatchObject({ completionTokens: 30, answers: 1 });

    const logged = await route.logged(metadata.requestId!);
    expect(logged?.status).toBe('success');
    expect(logged?.completion_tokens).toBe(30);
  });

  it('an answer that ended before the model list arrived gets its estimated cost once the prices load', async () => {
    // The real fetch, except that `GET …/models` waits until `release()`.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let modelRequests = 0;
    const fetchHoldingModels: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      if (url.endsWith('/models')) {
        modelRequests += 1;
        await held;
      }
      return fetch(input, init);
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <HeliconeProvider api={route.api} storage={null} fetch={fetchHoldingModels}>
        {children}
      </HeliconeProvider>
    );
    const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 5 }), {
      wrapper,
    });
    let question: unknown;
    try {
      await act(() => result.current.send('What does this cost?'));
      expect(modelRequests).toBe(1);
      const [asked, ended] = result.current.messages as [unknown, AssistantMessage];
      question = asked;
      expect(ended.metadata.usage).toMatchObject({ completionTokens: 5 });
      expect(ended.metadata.cost).toBeUndefined();
      expect(result.current.totals).toMatchObject({ costUsd: undefined, costComplete: false, answers: 1 });
    } finally {
      release();
    }

    await waitFor(() => expect(assistantOf(result.current.messages)[0]!.metadata.cost).toBeDefined());
    const priced = result.current.messages[1] as AssistantMessage;
    const usage = priced.metadata.usage!;
    // gpt-4o-mini lists at $0.15 / $0.60 per million tokens (input / output) in the route's model list.
    const usd = (usage.promptTokens * 0.15 + usage.completionTokens * 0.6) / 1e6;
    expect(priced.metadata.cost?.estimated).toBe(true);
    expect(priced.metadata.cost?.usd).toBeCloseTo(usd, 12);
    expect(result.current.totals).toMatchObject({ costComplete: true, answers: 1 });
    expect(result.current.totals.costUsd).toBeCloseTo(usd, 12);
    // Only the answer was replaced: the question keeps its identity.
    expect(result.current.messages[0]).toBe(question);
    expect(modelRequests).toBe(1);
  });

  it('a chat unmounted before the prices arrive leaves its session alone; mounted again, it prices the answer', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetchHoldingModels: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      if (url.endsWith('/models')) await held;
      return fetch(input, init);
    };
    const storage = createMemoryStorage();
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <HeliconeProvider
        api={route.api}
        storage={storage}
        queryClient={queryClient}
        fetch={fetchHoldingModels}
      >
        {children}
      </HeliconeProvider>
    );
    const useChat = () =>
      useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 5, session: { id: 'unpriced' } });
    const first = renderHook(useChat, { wrapper });
    await act(() => first.result.current.send('What does this cost?'));
    const stored = () =>
      (
        JSON.parse(storage.getItem('helicone-kit:chat:session:unpriced')!) as {
          tree: { messages: AssistantMessage[] };
        }
      ).tree.messages[1]!;
    expect(stored().metadata.cost).toBeUndefined();
    const saved = storage.getItem('helicone-kit:chat:session:unpriced');
    first.unmount();

    release();
    await waitFor(() => expect(queryClient.getQueryData(modelsQueryKey(route.api))).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The prices came after the chat let go: the session it showed is neither priced nor saved again.
    expect(storage.getItem('helicone-kit:chat:session:unpriced')).toBe(saved);

    const second = renderHook(useChat, { wrapper });
    await waitFor(() => expect(assistantOf(second.result.current.messages)[0]!.metadata.cost).toBeDefined());
    expect(stored().metadata.cost?.estimated).toBe(true);
  });

  it('sends the session, properties, cache and retry as Helicone-* headers that reach the gateway', async () => {
    const { result } = renderHook(
      () =>
        useHeliconeChat({
          model: 'gpt-4o-mini',
          max_tokens: 5,
          session: { id: 'session-headers', name: 'Support chat' },
          properties: { App: 'react-tests' },
          cache: true,
          retry: { num: 2 },
        }),
      { wrapper: chatWrapper(route.api) },
    );
    await act(() => result.current.send({ content: 'first', properties: { Topic: 'billing' } }));
    await act(() => result.current.send('second'));

    const [first, second] = assistantOf(result.current.messages);
    const firstLog = await route.logged(first!.metadata.requestId!);
    expect(firstLog).toMatchObject({
      session_id: 'session-headers',
      session_name: 'Support chat',
      session_path: '/turn-1',
      cache_enabled: true,
    });
    // Header names are case-insensitive and travel lowercased (Fetch lowercases them). Like Helicone, the log
    // also lists the session headers among the properties.
    const sessionProperties = (path: string) => ({
      'Helicone-Session-Id': 'session-headers',
      'Helicone-Session-Name': 'Support chat',
      'Helicone-Session-Path': path,
    });
    expect(firstLog?.request_properties).toEqual({
      app: 'react-tests',
      topic: 'billing',
      ...sessionProperties('/turn-1'),
    });
    const secondLog = await route.logged(second!.metadata.requestId!);
    expect(secondLog).toMatchObject({ session_id: 'session-headers', session_path: '/turn-2' });
    // Per-message properties belong to their message only.
    expect(secondLog?.request_properties).toEqual({ app: 'react-tests', ...sessionProperties('/turn-2') });
    expect(result.current.session).toMatchObject({
      id: 'session-headers',
      name: 'Support chat',
      path: '/turn-2',
    });
  });

  it('a session name changed after mount reaches the gateway on the next turn and is stored', async () => {
    const { result, rerender } = renderHook(
      ({ name }: { name: string }) =>
        useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 3, session: { id: 'renamed-session', name } }),
      { wrapper: chatWrapper(route.api), initialProps: { name: 'Support chat' } },
    );
    await act(() => result.current.send('first'));
    rerender({ name: 'Billing chat' });
    await act(() => result.current.send('second'));

    const [first, second] = assistantOf(result.current.messages);
    expect(await route.logged(first!.metadata.requestId!)).toMatchObject({ session_name: 'Support chat' });
    expect(await route.logged(second!.metadata.requestId!)).toMatchObject({ session_name: 'Billing chat' });
    expect(result.current.session.name).toBe('Billing chat');
    expect(result.current.store.registry.listSessions()).toMatchObject([
      { id: 'renamed-session', name: 'Billing chat' },
    ]);
  });

  it('stop() mid-stream keeps exactly the deltas received, marks the answer stopped, and the gateway sees the cancel', async () => {
    const slowRoute = await startChatRoute({}, { pace: { firstTokenMs: 0, tokensPerSecond: 100 } });
    const deltas: string[] = [];
    const http = createHttpTransport({ api: slowRoute.api });
    const recording: ChatTransport = {
      async *send(request) {
        for await (const event of http.send(request)) {
          const chunks = event.type === 'chunks' ? event.chunks : event.type === 'chunk' ? [event.chunk] : [];
          for (const choice of chunks.flatMap(
            (chunk) => (chunk.choices ?? []) as { delta?: { content?: string } }[],
          )) {
            const content = choice.delta?.content;
            if (content) deltas.push(content);
          }
          yield event;
        }
      },
    };
    try {
      const { result } = renderHook(
        () => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 2000, transport: recording }),
        { wrapper: chatWrapper(slowRoute.api) },
      );
      let sent!: Promise<void>;
      act(() => {
        sent = result.current.send('Write a long essay');
      });
      await waitFor(() => expect(deltas.length).toBeGreaterThanOrEqual(5));
      await expect(result.current.send('interleaved?')).rejects.toSatisfy(
        (error) => ChatActionError.isInstance(error) && error.reason === 'busy',
      );
      act(() => result.current.stop());
      await act(() => sent);

      expect(result.current.status).toBe('ready');
      expect(result.current.error).toBeUndefined();
      const answer = assistantOf(result.current.messages)[0]!;
      expect(answer.metadata.stopped).toBe(true);
      expect(textOf(answer)).toBe(deltas.join(''));
      expect(result.current.messages.filter((message) => message.role === 'user')).toHaveLength(1);

      await waitFor(() => expect(slowRoute.gateway.stats().openRequests).toBe(0));
      // The log row is written once the gateway has seen the disconnect.
      await waitFor(async () =>
        expect(await slowRoute.logged(answer.metadata.requestId!)).toMatchObject({ status: 'cancelled' }),
      );
      const logged = await slowRoute.logged(answer.metadata.requestId!);
      expect(logged?.completion_tokens).toBeLessThan(2000);
    } finally {
      await slowRoute.close();
    }
  });

  it('regenerate and edit make branches; no answer is lost, and only the selected branch is sent', async () => {
    const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 12 }), {
      wrapper: chatWrapper(route.api),
    });
    await act(() => result.current.send('Explain retries'));
    const firstAnswer = result.current.messages[1] as AssistantMessage;

    await act(() => result.current.regenerate());
    const secondAnswer = result.current.messages[1] as AssistantMessage;
    expect(secondAnswer.id).not.toBe(firstAnswer.id);
    expect(result.current.branches[secondAnswer.id]).toEqual({
      ids: [firstAnswer.id, secondAnswer.id],
      index: 1,
    });

    act(() => result.current.selectBranch(secondAnswer.id, 0));
    expect(result.current.messages[1]).toBe(firstAnswer);

    const originalUser = result.current.messages[0]!;
    await act(() => result.current.edit(originalUser.id, 'Explain caches'));
    const [editedUser, editedAnswer] = result.current.messages;
    expect(textOf(editedUser)).toBe('Explain caches');
    expect(result.current.branches[editedUser!.id]).toEqual({
      ids: [originalUser.id, editedUser!.id],
      index: 1,
    });
    const logged = await route.logged((editedAnswer as AssistantMessage).metadata.requestId!, true);
    expect((logged?.request_body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: 'Explain caches' },
    ]);

    act(() => result.current.selectBranch(editedUser!.id, 0));
    expect(result.current.messages).toEqual([originalUser, firstAnswer]);
  });

  it('n > 1: each choice becomes a branch of the same answer', async () => {
    const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 40, n: 3 }), {
      wrapper: chatWrapper(route.api),
    });
    await act(() => result.current.send('Give me a name'));
    const shown = result.current.messages[1] as AssistantMessage;
    const branch = result.current.branches[shown.id]!;
    expect(branch.ids).toHaveLength(3);
    expect(shown.metadata.choiceIndex).toBe(0);

    const texts = new Set<string>();
    for (let index = 0; index < 3; index++) {
      act(() => result.current.selectBranch(shown.id, index));
      const choice = result.current.messages[1] as AssistantMessage;
      expect(choice.metadata.choiceIndex).toBe(index);
      expect(choice.metadata.requestId).toBe(shown.metadata.requestId);
      texts.add(textOf(choice));
    }
    expect(texts.size).toBe(3);
  });

  it('a model that keeps calling tools is stopped after maxToolSteps continuations', async () => {
    const finishes: ChatFinishEvent[] = [];
    const calls: unknown[] = [];
    const { result } = renderHook(
      () =>
        useHeliconeChat({
          model: 'gpt-4o-mini',
          session: { id: 'tool-loop' },
          tools: [
            {
              type: 'function',
              function: {
                name: 'lookup',
                parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
              },
            },
          ],
          // The gateway calls a forced tool on every request, results or not: a loop without the limit.
          tool_choice: { type: 'function', function: { name: 'lookup' } },
          maxToolSteps: 2,
          onToolCall: ({ toolCall }) => {
            calls.push(toolCall.input);
            return { temperature: 21 };
          },
          onFinish: (event) => void finishes.push(event),
        }),
      { wrapper: chatWrapper(route.api) },
    );
    await act(() => result.current.send('What is the weather?'));
    await waitFor(() => expect(finishes.some((event) => event.toolStepsExhausted)).toBe(true));

    const answers = assistantOf(result.current.messages);
    expect(answers).toHaveLength(3);
    expect(calls).toHaveLength(3);
    for (const answer of answers) {
      expect(answer.parts[0]).toMatchObject({
        type: 'tool-call',
        toolName: 'lookup',
        state: 'output-available',
      });
    }
    const paths = await Promise.all(
      answers.map(async (answer) => (await route.logged(answer.metadata.requestId!))?.session_path),
    );
    expect(paths).toEqual(['/turn-1', '/turn-1/tool-1', '/turn-1/tool-2']);
    expect(result.current.status).toBe('ready');
  });

  it("the provider's headers (a function, called per request) reach the route: its authorize() names the user", async () => {
    const authorized = await startChatRoute({
      authorize: (request) => {
        const user = request.headers.get('x-app-user');
        return user ? { userId: user } : new Response('no user', { status: 401 });
      },
    });
    try {
      let calls = 0;
      const wrapper = ({ children }: { children: ReactNode }) => (
        <HeliconeProvider
          api={authorized.api}
          storage={null}
          headers={() => ({ 'x-app-user': `ada-${++calls}` })}
        >
          {children}
        </HeliconeProvider>
      );
      const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 2 }), {
        wrapper,
      });
      await act(() => result.current.send('who am I?'));
      expect(result.current.status).toBe('ready');
      const answer = assistantOf(result.current.messages)[0]!;
      const logged = await authorized.logged(answer.metadata.requestId!);
      // Call 1 was the model list (for prices) or the chat, whichever went first: both carried the header.
      expect(logged?.request_user_id).toMatch(/^ada-[12]$/);
      expect(calls).toBe(2);
    } finally {
      await authorized.close();
    }
  });

  it('callbacks always see the latest props (no stale closure)', async () => {
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ label }: { label: string }) =>
        useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 3, onFinish: () => void seen.push(label) }),
      { wrapper: chatWrapper(route.api), initialProps: { label: 'first render' } },
    );
    rerender({ label: 'second render' });
    await act(() => result.current.send('hi'));
    rerender({ label: 'third render' });
    await act(() => result.current.send('again'));
    expect(seen).toEqual(['second render', 'third render']);
  });
});
