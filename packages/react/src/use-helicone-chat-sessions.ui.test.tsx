import { createChatStore, GatewayError, SESSION_SCHEMA_VERSION, type ChatStorage } from '@helicone-kit/core';
import { createMockTransport, textSteps } from '@helicone-kit/core/testing';
import { act, render, renderHook } from '@testing-library/react';
import { Profiler } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useChatSessions } from './use-chat-sessions';
import { useHeliconeChat } from './use-helicone-chat';
import { startChatRoute, type ChatRoute } from './__tests__/chat-route';
import { chatWrapper, textOf } from './__tests__/chat-wrapper';

let route: ChatRoute;
beforeAll(async () => {
  route = await startChatRoute({}, { pace: { firstTokenMs: 0, tokensPerSecond: 0 } });
});
afterAll(async () => {
  await route?.close();
});
beforeEach(() => localStorage.clear());

const sessionKey = (id: string) => `helicone-kit:chat:session:${id}`;

describe('sessions: persistence, switching, sharing, storage trouble, other tabs', () => {
  it('persists a session (and its draft) in localStorage by default and restores it after a remount', async () => {
    const options = { model: 'gpt-4o-mini', max_tokens: 5, session: { id: 'persisted' } };
    const first = renderHook(() => useHeliconeChat(options), { wrapper: chatWrapper(route.api, 'default') });
    await act(() => first.result.current.send('Remember me'));
    act(() => first.result.current.setDraft('half typed'));
    const before = first.result.current.messages;
    expect(before).toHaveLength(2);
    first.unmount();

    const stored = JSON.parse(localStorage.getItem(sessionKey('persisted'))!);
    expect(stored).toMatchObject({ version: SESSION_SCHEMA_VERSION, id: 'persisted' });

    const second = renderHook(() => useHeliconeChat(options), { wrapper: chatWrapper(route.api, 'default') });
    expect(second.result.current.messages).toEqual(before);
    expect(second.result.current.draft).toBe('half typed');
    expect(second.result.current.session.id).toBe('persisted');
  });

  it('newSession, switchSession and a changed session.id prop show the right conversation', async () => {
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 4, session: { id } }),
      { wrapper: chatWrapper(route.api, 'default'), initialProps: { id: 'alpha' } },
    );
    await act(() => result.current.send('in alpha'));
    const alpha = result.current.messages;

    let fresh = '';
    act(() => {
      fresh = result.current.session.newSession({ name: 'Fresh' });
    });
    expect(result.current.session).toMatchObject({ id: fresh, name: 'Fresh' });
    expect(result.current.messages).toEqual([]);
    await act(() => result.current.send('in the fresh one'));

    act(() => result.current.session.switchSession('alpha'));
    expect(result.current.messages).toEqual(alpha);

    rerender({ id: fresh });
    expect(result.current.session.id).toBe(fresh);
    expect(result.current.messages.map(textOf)[0]).toBe('in the fresh one');
  });

  it('a changed session.id prop: no commit shows one conversation under the other id (Profiler); newSession is kept under the same prop', async () => {
    const transport = createMockTransport([
      { steps: textSteps('answer in alpha') },
      { steps: textSteps('answer in beta') },
    ]);
    let rendered: { prop: string; id: string; texts: string[] } | undefined;
    const commits: (typeof rendered)[] = [];
    let chat: ReturnType<typeof useHeliconeChat> | undefined;
    function Chat({ id }: { id: string }) {
      chat = useHeliconeChat({ model: 'gpt-4o-mini', transport, session: { id } });
      rendered = { prop: id, id: chat.session.id, texts: chat.messages.map(textOf) };
      return null;
    }
    const Wrapper = chatWrapper(route.api);
    const view = (id: string) => (
      <Wrapper>
        <Profiler id="chat" onRender={() => void commits.push(rendered)}>
          <Chat id={id} />
        </Profiler>
      </Wrapper>
    );
    const { rerender } = render(view('alpha'));
    await act(() => chat!.send('in alpha'));
    rerender(view('beta'));
    await act(() => chat!.send('in beta'));
    rerender(view('alpha'));
    rerender(view('beta'));

    const expected: Record<string, string[][]> = {
      alpha: [[], ['in alpha'], ['in alpha', 'answer in alpha']],
      beta: [[], ['in beta'], ['in beta', 'answer in beta']],
    };
    expect(commits.length).toBeGreaterThan(4);
    for (const commit of commits) {
      expect(commit!.id).toBe(commit!.prop);
      expect(expected[commit!.prop]).toContainEqual(commit!.texts);
    }
    expect(commits.at(-1)).toEqual({ prop: 'beta', id: 'beta', texts: ['in beta', 'answer in beta'] });

    // A session started by the user stays shown while the prop does not change.
    let fresh = '';
    act(() => void (fresh = chat!.session.newSession()));
    rerender(view('beta'));
    expect(chat!.session.id).toBe(fresh);
    expect(chat!.messages).toEqual([]);
  });

  it('switch after a failed send shows no error', async () => {
    const transport = createMockTransport([
      { steps: textSteps('answer in calm') },
      { steps: [{ type: 'error', error: new GatewayError({ status: 429, retryAfterMs: 60_000 }) }] },
    ]);
    const { result } = renderHook(
      () => useHeliconeChat({ model: 'gpt-4o-mini', transport, session: { id: 'calm' } }),
      { wrapper: chatWrapper(route.api) },
    );
    await act(() => result.current.send('in calm'));
    act(() => void result.current.session.newSession());
    await act(() => result.current.send('too fast'));
    expect(result.current).toMatchObject({ status: 'error', error: { status: 429 } });
    expect(result.current.retryAt).toBeGreaterThan(Date.now());

    act(() => result.current.session.switchSession('calm'));
    expect(result.current).toMatchObject({ status: 'ready', error: undefined, retryAt: undefined });
    act(() => void result.current.session.newSession());
    expect(result.current).toMatchObject({ status: 'ready', error: undefined, retryAt: undefined });
  });

  it('two chats with the same session id under one provider share one conversation', async () => {
    const { result } = renderHook(
      () => ({
        left: useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 4, session: { id: 'shared' } }),
        right: useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 4, session: { id: 'shared' } }),
      }),
      { wrapper: chatWrapper(route.api) },
    );
    await act(() => result.current.left.send('from the left panel'));
    expect(result.current.right.messages).toHaveLength(2);
    expect(result.current.right.messages).toEqual(result.current.left.messages);
    result.current.right.messages.forEach((message, index) =>
      expect(message).toBe(result.current.left.messages[index]),
    );
    await expect(result.current.right.retry()).rejects.toThrow(/nothing-to-retry/);
  });

  it('a corrupted entry is set aside with a warning and the session starts empty; chatting goes on', async () => {
    localStorage.setItem(sessionKey('broken'), '{"version": 1, "tree": [oops');
    const warnings: string[] = [];
    const { result } = renderHook(
      () => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 4, session: { id: 'broken' } }),
      { wrapper: chatWrapper(route.api, 'default', (message) => void warnings.push(message)) },
    );
    expect(result.current.messages).toEqual([]);
    expect(warnings.join('\n')).toMatch(/session broken could not be read/);
    const asideKey = Object.keys(localStorage).find((key) =>
      key.startsWith('helicone-kit:chat:unreadable:broken:'),
    );
    expect(localStorage.getItem(asideKey!)).toBe('{"version": 1, "tree": [oops');

    await act(() => result.current.send('still works'));
    expect(result.current.status).toBe('ready');
    expect(JSON.parse(localStorage.getItem(sessionKey('broken'))!).id).toBe('broken');
  });

  it('a full storage (QuotaExceededError) warns once and does not break chatting', async () => {
    const full: ChatStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const warnings: string[] = [];
    const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 4 }), {
      wrapper: chatWrapper(route.api, full, (message) => void warnings.push(message)),
    });
    await act(() => result.current.send('one'));
    await act(() => result.current.send('two'));
    expect(result.current.status).toBe('ready');
    expect(result.current.messages).toHaveLength(4);
    const sessionWarnings = warnings.filter((warning) =>
      warning.includes(`could not save helicone-kit:chat:session:${result.current.session.id} `),
    );
    expect(sessionWarnings).toHaveLength(1);
    expect(sessionWarnings[0]).toMatch(/QuotaExceededError/);
  });

  it("a chat's own onWarning gets the warnings about its session; a chat without one falls back to the provider's", async () => {
    localStorage.setItem(sessionKey('own'), 'not json');
    localStorage.setItem(sessionKey('other'), 'not json either');
    const own: string[] = [];
    const provider: string[] = [];
    const { result } = renderHook(
      () => ({
        own: useHeliconeChat({
          model: 'gpt-4o-mini',
          max_tokens: 4,
          session: { id: 'own' },
          onWarning: (message) => void own.push(message),
        }),
        other: useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 4, session: { id: 'other' } }),
      }),
      { wrapper: chatWrapper(route.api, 'default', (message) => void provider.push(message)) },
    );
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(/^helicone-kit: session own could not be read \(not JSON\); it was moved to/);
    expect(provider).toHaveLength(1);
    expect(provider[0]).toMatch(/^helicone-kit: session other could not be read/);

    // Later warnings (a write that fails) follow the same way.
    const full = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await act(() => result.current.own.send('one'));
    } finally {
      full.mockRestore();
    }
    expect(
      own
        .slice(1)
        .some((message) => /could not save helicone-kit:chat:session:own .*QuotaExceededError/.test(message)),
    ).toBe(true);
    expect(provider.filter((message) => /session[ :]own\b/.test(message))).toEqual([]);
  });

  it('useChatSessions lists stored sessions with totals, and renames and removes them', async () => {
    const { result } = renderHook(
      () => ({
        chat: useHeliconeChat({
          model: 'gpt-4o-mini',
          max_tokens: 7,
          session: { id: 'listed', name: 'First' },
        }),
        list: useChatSessions(),
      }),
      { wrapper: chatWrapper(route.api, 'default') },
    );
    expect(result.current.list.sessions).toEqual([]);
    await act(() => result.current.chat.send('count my tokens'));
    await act(() => result.current.chat.send('and these'));
    expect(result.current.list.sessions).toHaveLength(1);
    expect(result.current.list.sessions[0]).toMatchObject({
      id: 'listed',
      name: 'First',
      totals: { completionTokens: 14, answers: 2 },
    });

    act(() => result.current.list.rename('listed', 'Renamed'));
    expect(result.current.list.sessions[0]?.name).toBe('Renamed');
    expect(result.current.chat.session.name).toBe('Renamed');

    act(() => result.current.list.remove('listed'));
    expect(result.current.list.sessions).toEqual([]);
    expect(localStorage.getItem(sessionKey('listed'))).toBeNull();
  });

  it("another tab's write (a storage event) reaches a live session", async () => {
    const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini', session: { id: 'tabs' } }), {
      wrapper: chatWrapper(route.api, 'default'),
    });
    expect(result.current.messages).toEqual([]);

    // The other tab: its own store on the same localStorage.
    const otherTab = createChatStore({
      model: 'gpt-4o-mini',
      storage: localStorage,
      session: { id: 'tabs' },
      transport: createMockTransport([{ steps: textSteps('Hello from the other tab', 5) }]),
    });
    await otherTab.getState().send('written elsewhere');
    otherTab.destroy();

    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: sessionKey('tabs'),
          newValue: localStorage.getItem(sessionKey('tabs')),
          storageArea: localStorage,
        }),
      );
    });
    expect(result.current.messages.map(textOf)).toEqual(['written elsewhere', 'Hello from the other tab']);
  });

  it("without a provider, another tab's write to localStorage reaches a live session (and sessionStorage's does not)", async () => {
    const { result } = renderHook(() =>
      useHeliconeChat({ model: 'gpt-4o-mini', session: { id: 'no-provider' } }),
    );
    expect(result.current.messages).toEqual([]);

    const otherTab = createChatStore({
      model: 'gpt-4o-mini',
      storage: localStorage,
      session: { id: 'no-provider' },
      transport: createMockTransport([{ steps: textSteps('Hello without a provider', 5) }]),
    });
    await otherTab.getState().send('written elsewhere');
    otherTab.destroy();
    const written = {
      key: sessionKey('no-provider'),
      newValue: localStorage.getItem(sessionKey('no-provider')),
    };

    act(
      () =>
        void window.dispatchEvent(new StorageEvent('storage', { ...written, storageArea: sessionStorage })),
    );
    expect(result.current.messages).toEqual([]);
    act(
      () => void window.dispatchEvent(new StorageEvent('storage', { ...written, storageArea: localStorage })),
    );
    expect(result.current.messages.map(textOf)).toEqual(['written elsewhere', 'Hello without a provider']);
  });
});
