import { describe, expect, it, vi } from 'vitest';
import { GatewayError } from '../../errors/gateway-error';
import { createMockTransport, textSteps } from '../../testing';
import { createMemoryStorage, type ChatStorage } from '../chat-storage';
import { createChatStore } from '../create-chat-store';
import { createChatSessionRegistry } from '../session-registry';
import type { ChatMessage } from '../types';
import { deferred, makeStore, textOf, waitFor } from './helpers';

const sessionKey = (id: string) => `helicone-kit:chat:session:${id}`;

/** A storage that reads `inner` but is full: every write throws the browser's quota error. */
const fullStorage = (inner: ChatStorage): ChatStorage => ({
  getItem: (key) => inner.getItem(key),
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
  removeItem: (key) => inner.removeItem(key),
});

describe('chat store: sessions and storage', () => {
  it('a store re-created with the same session id finds its messages, branches and draft', async () => {
    const storage = createMemoryStorage();
    const transport = createMockTransport([{ steps: textSteps('One') }, { steps: textSteps('Two') }]);
    const first = makeStore({ transport, storage, session: { id: 'kept', name: 'Kept chat' } });
    await first.getState().send('Hi');
    await first.getState().regenerate();
    first.getState().setDraft('half-typed');
    const before = first.getState();
    first.destroy();

    const second = makeStore({ transport, storage, session: { id: 'kept' } });
    const after = second.getState();
    expect(after.session).toEqual({ id: 'kept', name: 'Kept chat', path: undefined });
    expect(after.messages).toEqual(before.messages);
    expect(after.branches).toEqual(before.branches);
    expect(after.draft).toBe('half-typed');
    expect(after.status).toBe('ready');
    expect(second.registry.listSessions().map((summary) => [summary.id, summary.name])).toEqual([
      ['kept', 'Kept chat'],
    ]);
  });

  it('keeps the session object while its name and path stay, and makes a new one when either changes', async () => {
    const transport = createMockTransport([
      { steps: textSteps('One') },
      { steps: textSteps('Again') },
      { steps: textSteps('Two') },
    ]);
    const store = makeStore({ transport, session: { id: 'same', name: 'Chat' } });
    await store.getState().send('Hi');
    const first = store.getState().session;
    expect(first).toEqual({ id: 'same', name: 'Chat', path: '/turn-1' });
    expect(transport.requests[0]!.helicone.session).toEqual(first);

    await store.getState().regenerate();
    expect(store.getState().session).toBe(first);
    await store.getState().send('More');
    expect(store.getState().session).toEqual({ id: 'same', name: 'Chat', path: '/turn-2' });
    const second = store.getState().session;
    store.registry.renameSession('same', 'Renamed');
    expect(store.getState().session).toEqual({ id: 'same', name: 'Renamed', path: '/turn-2' });
    expect(second.name).toBe('Chat');
  });

  it('newSession() starts empty and switchSession() comes back to the stored one', async () => {
    const storage = createMemoryStorage();
    const transport = createMockTransport([
      { steps: textSteps('Old answer') },
      { steps: textSteps('New answer') },
    ]);
    const store = makeStore({ transport, storage, session: { id: 'first' } });
    await store.getState().send('Old question');

    const newId = store.getState().newSession({ name: 'Second' });
    expect(newId).not.toBe('first');
    expect(store.getState().messages).toEqual([]);
    expect(store.getState().session).toMatchObject({ id: newId, name: 'Second' });
    await store.getState().send('New question');
    expect(transport.requests[1]!.helicone.session).toMatchObject({
      id: newId,
      name: 'Second',
      path: '/turn-1',
    });
    expect(transport.requests[1]!.body.messages).toEqual([{ role: 'user', content: 'New question' }]);

    store.getState().switchSession('first');
    expect(store.getState().session.id).toBe('first');
    expect(store.getState().messages.map(textOf)).toEqual(['Old question', 'Old answer']);
    store.getState().switchSession(newId);
    expect(store.getState().messages.map(textOf)).toEqual(['New question', 'New answer']);
  });

  it('a session switched to shows its own error and retryAt, not those of the session shown before', async () => {
    const refused = new GatewayError({ status: 429, retryAfterMs: 60_000 });
    const transport = createMockTransport([
      { steps: [{ type: 'error', error: refused }] },
      { steps: textSteps('Fine') },
    ]);
    const registry = createChatSessionRegistry();
    const store = makeStore({ transport, registry, session: { id: 'failed' } });
    // Another panel keeps the failed session live (with its error) while this store shows others.
    const letGo = makeStore({ transport, registry, session: { id: 'failed' } }).retain();
    await store.getState().send('Too fast');
    expect(store.getState()).toMatchObject({ status: 'error', error: refused });
    expect(store.getState().retryAt).toBeGreaterThan(Date.now());

    store.getState().newSession();
    expect(store.getState()).toMatchObject({ status: 'ready', error: undefined, retryAt: undefined });
    await store.getState().send('Hello');
    store.getState().switchSession('failed');
    expect(store.getState()).toMatchObject({ status: 'error', error: refused });
    store.getState().newSession();
    expect(store.getState()).toMatchObject({ status: 'ready', error: undefined, retryAt: undefined });
    letGo();
  });

  it('switching away from a running request stops it when no other store shows that session', async () => {
    const gate = deferred();
    const transport = createMockTransport([
      { steps: [...textSteps('Partial'), { type: 'wait', until: gate.promise }] },
    ]);
    const store = makeStore({ transport, session: { id: 'busy' } });
    const sending = store.getState().send('Hi');
    await waitFor(store, (state) => textOf(state.messages[1]) === 'Partial');
    store.getState().newSession();
    await sending;
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    store.getState().switchSession('busy');
    const answer = store.getState().messages[1];
    expect(textOf(answer)).toBe('Partial');
    expect(answer?.role === 'assistant' && answer.metadata.stopped).toBe(true);
  });

  it('two stores with the same session id share it: the second sees the first one stream, and is refused while it does', async () => {
    const gate = deferred();
    const registry = createChatSessionRegistry({ onWarning: () => {} });
    const transport = createMockTransport([
      { steps: [...textSteps('Shared'), { type: 'wait', until: gate.promise }] },
    ]);
    const left = makeStore({ transport, registry, session: { id: 'panel' } });
    const right = makeStore({ transport, registry, session: { id: 'panel' } });
    const sending = left.getState().send('Hello');
    await waitFor(right, (state) => textOf(state.messages[1]) === 'Shared');
    expect(right.getState().status).toBe('streaming');
    await expect(right.getState().send('Me too')).rejects.toMatchObject({ reason: 'busy' });
    right.getState().stop();
    await sending;
    expect(left.getState().status).toBe('ready');
    expect(left.getState().messages).toBe(right.getState().messages);
    // Letting one panel go (twice, even) keeps the session alive for the other.
    right.destroy();
    right.destroy();
    const third = makeStore({ transport, registry, session: { id: 'panel' } });
    expect(third.getState().messages).toBe(left.getState().messages);
    expect(left.getState().messages).toHaveLength(2);
  });

  it('reads session.name from the options at each turn: a changed name is sent and stored', async () => {
    const storage = createMemoryStorage();
    const registry = createChatSessionRegistry({ storage });
    const transport = createMockTransport([
      { steps: textSteps('One') },
      { steps: textSteps('Two') },
      { steps: textSteps('Three') },
    ]);
    let name = 'Support';
    const store = createChatStore(() => ({
      transport,
      registry,
      model: 'gpt-4o-mini',
      session: { id: 'named', name },
    }));
    await store.getState().send('first');
    name = 'Billing';
    await store.getState().send('second');
    expect(transport.requests.map((request) => request.helicone.session?.name)).toEqual([
      'Support',
      'Billing',
    ]);
    expect(store.getState().session.name).toBe('Billing');
    expect(registry.listSessions().map((summary) => [summary.id, summary.name])).toEqual([
      ['named', 'Billing'],
    ]);
    // A stored rename stands until the next turn, which sends (and stores) the option's name again.
    registry.renameSession('named', 'Renamed');
    expect(store.getState().session.name).toBe('Renamed');
    await store.getState().regenerate();
    expect(transport.requests[2]!.helicone.session?.name).toBe('Billing');
    expect(registry.listSessions()[0]!.name).toBe('Billing');
    store.destroy();
  });

  it('lists stored sessions newest first, renames and deletes them, and announces each change', async () => {
    vi.useFakeTimers({ now: 1_000, toFake: ['Date'] });
    try {
      const registry = createChatSessionRegistry({ onWarning: () => {} });
      const announced = vi.fn();
      const unsubscribe = registry.subscribeSessions(announced);
      const transport = createMockTransport([
        {
          steps: [
            ...textSteps('A'),
            { type: 'usage', usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } },
          ],
        },
        { steps: textSteps('B') },
      ]);
      const first = makeStore({ transport, registry, session: { id: 'older', name: 'Older' } });
      await first.getState().send('one');
      vi.setSystemTime(2_000);
      const second = makeStore({ transport, registry, session: { id: 'newer' } });
      await second.getState().send('two');

      expect(registry.listSessions().map((summary) => [summary.id, summary.name, summary.updatedAt])).toEqual(
        [
          ['newer', undefined, 2_000],
          ['older', 'Older', 1_000],
        ],
      );
      expect(registry.listSessions()[1]!.totals).toMatchObject({ totalTokens: 7, answers: 1 });
      const before = announced.mock.calls.length;
      expect(before).toBeGreaterThan(0);

      registry.renameSession('older', 'Renamed');
      expect(first.getState().session.name).toBe('Renamed');
      registry.deleteSession('newer');
      expect(registry.listSessions().map((summary) => [summary.id, summary.name])).toEqual([
        ['older', 'Renamed'],
      ]);
      registry.applyStorageEvent({ key: 'helicone-kit:chat:sessions', newValue: '{}' });
      expect(announced.mock.calls.length).toBe(before + 3);
      unsubscribe();
    } finally {
      vi.useRealTimers();
    }
  });

  it('applies another tab’s write (storage event) to the live session', async () => {
    const storage = createMemoryStorage();
    const transport = createMockTransport([{ steps: textSteps('From tab one') }]);
    const tabOne = makeStore({ transport, storage, session: { id: 'tabs' } });
    // Another tab has its own registry and its own copy of the stored entries.
    const otherStorage = createMemoryStorage();
    const tabTwo = makeStore({ transport, storage: otherStorage, session: { id: 'tabs' } });
    // Tab two only shows the session (its binding retains the store): only a retained store follows it.
    tabTwo.retain();
    await tabOne.getState().send('Hi from tab one');
    tabOne.getState().setDraft('typing');

    for (const key of [sessionKey('tabs'), 'helicone-kit:chat:draft:tabs']) {
      tabTwo.registry.applyStorageEvent({ key, newValue: storage.getItem(key) });
    }
    expect(tabTwo.getState().messages).toEqual(tabOne.getState().messages);
    expect(tabTwo.getState().draft).toBe('typing');
    tabTwo.registry.applyStorageEvent({ key: 'unrelated', newValue: 'x' });
    tabTwo.registry.applyStorageEvent({ key: sessionKey('tabs'), newValue: '{broken' });
    expect(tabTwo.getState().messages).toHaveLength(2);
  });

  it('sets a corrupted entry aside with a warning and starts the session empty', async () => {
    const storage = createMemoryStorage();
    storage.setItem(sessionKey('bad'), '{"version":1,"tree":');
    const onWarning = vi.fn();
    const store = makeStore({
      transport: createMockTransport([{ steps: textSteps('Works') }]),
      storage,
      onWarning,
      session: { id: 'bad' },
    });
    expect(store.getState().messages).toEqual([]);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(onWarning.mock.calls[0]![0]).toMatch(/session bad could not be read \(not JSON\)/);
    const asideKey = (onWarning.mock.calls[0]![0] as string).match(/moved to (\S+) and/)?.[1];
    expect(asideKey).toMatch(/^helicone-kit:chat:unreadable:bad:\d+$/);
    expect(storage.getItem(asideKey!)).toBe('{"version":1,"tree":');
    await store.getState().send('Still chatting');
    expect(textOf(store.getState().messages[1])).toBe('Works');
  });

  it('a corrupted entry that cannot be set aside (storage full) stays, and nothing is saved over it until it can be', async () => {
    const inner = createMemoryStorage();
    let full = true;
    const written: string[] = [];
    const storage: ChatStorage = {
      ...inner,
      setItem(key, value) {
        written.push(key);
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        inner.setItem(key, value);
      },
    };
    inner.setItem(sessionKey('kept'), '{"version":1,"tree":');
    const onWarning = vi.fn();
    const store = makeStore({
      transport: createMockTransport([{ steps: textSteps('One') }, { steps: textSteps('Two') }]),
      storage,
      onWarning,
      session: { id: 'kept' },
    });
    const warnings = () => onWarning.mock.calls.map((call) => String(call[0]));
    expect(warnings().join('\n')).toMatch(
      /session kept could not be read \(not JSON\); it stays in place and the session starts empty/,
    );
    expect(inner.getItem(sessionKey('kept'))).toBe('{"version":1,"tree":');

    await store.getState().send('While full');
    expect(textOf(store.getState().messages[1])).toBe('One');
    expect(inner.getItem(sessionKey('kept'))).toBe('{"version":1,"tree":');

    // While full, each save finds the entry and leaves it: only loading warns about it (the failed write is warned
    // about once), not every save.
    const aboutTheEntry = () => warnings().filter((warning) => warning.includes('could not be read'));
    expect(aboutTheEntry().every((warning) => warning.endsWith('and the session starts empty.'))).toBe(true);
    expect(warnings().filter((warning) => warning.includes('could not save unreadable'))).toHaveLength(1);

    full = false;
    await store.getState().send('Room again');
    const asideKey = written.findLast((key) => key.startsWith('helicone-kit:chat:unreadable:kept:'));
    expect(inner.getItem(asideKey!)).toBe('{"version":1,"tree":');
    expect(warnings().at(-1)).toBe(
      `helicone-kit: session kept could not be read (not JSON); it was moved to ${asideKey}.`,
    );
    const saved = JSON.parse(inner.getItem(sessionKey('kept'))!) as { tree: { messages: ChatMessage[] } };
    expect(saved.tree.messages.map(textOf)).toEqual(['While full', 'One', 'Room again', 'Two']);
  });

  it('an entry another tab left unreadable is moved aside before the next save, not written over', async () => {
    const storage = createMemoryStorage();
    const transport = createMockTransport([{ steps: textSteps('One') }, { steps: textSteps('Two') }]);
    const onWarning = vi.fn();
    const store = makeStore({ transport, storage, onWarning, session: { id: 'shared' } });
    await store.getState().send('First');
    expect(onWarning).not.toHaveBeenCalled();
    storage.setItem(sessionKey('shared'), '{"version":1,"tree":');
    vi.useFakeTimers({ now: 5_000, toFake: ['Date'] });
    try {
      await store.getState().send('Second');
    } finally {
      vi.useRealTimers();
    }
    expect(storage.getItem('helicone-kit:chat:unreadable:shared:5000')).toBe('{"version":1,"tree":');
    // The same warning as when a session is loaded, but the session in memory goes on (it is saved in its place).
    expect(onWarning.mock.calls).toEqual([
      [
        'helicone-kit: session shared could not be read (not JSON); ' +
          'it was moved to helicone-kit:chat:unreadable:shared:5000.',
      ],
    ]);
    const saved = JSON.parse(storage.getItem(sessionKey('shared'))!) as { tree: { messages: ChatMessage[] } };
    expect(saved.tree.messages.map(textOf)).toEqual(['First', 'One', 'Second', 'Two']);
  });

  it('sets aside an entry of an unknown schema version', () => {
    const storage = createMemoryStorage();
    storage.setItem(
      sessionKey('future'),
      JSON.stringify({ version: 99, tree: { messages: [], selected: {} } }),
    );
    const onWarning = vi.fn();
    const store = makeStore({
      transport: createMockTransport([]),
      storage,
      onWarning,
      session: { id: 'future' },
    });
    expect(store.getState().messages).toEqual([]);
    expect(onWarning.mock.calls[0]![0]).toMatch(/session future could not be read \(not schema version 1\)/);
  });

  it('recovers what it can: a message that lost its shape is left out with its replies', () => {
    const storage = createMemoryStorage();
    const good = {
      id: 'u1',
      parentId: null,
      role: 'user',
      createdAt: 1,
      parts: [{ type: 'text', text: 'Kept' }],
    };
    const goodAnswer = {
      id: 'a1',
      parentId: 'u1',
      role: 'assistant',
      createdAt: 2,
      parts: [{ type: 'text', text: 'Also kept' }],
      state: 'streaming',
      metadata: { requestedModel: 'gpt-4o-mini' },
    };
    const broken = { id: 'u2', parentId: 'a1', role: 'user', createdAt: 3, parts: 'not a list' };
    // A part type that is the name of an Object method: a broken part, not a TypeError that stops loading.
    const oddPart = {
      id: 'u3',
      parentId: 'a1',
      role: 'user',
      createdAt: 5,
      parts: [{ type: 'constructor' }],
    };
    const orphan = {
      id: 'a2',
      parentId: 'u2',
      role: 'assistant',
      createdAt: 4,
      parts: [],
      state: 'done',
      metadata: { requestedModel: 'x' },
    };
    storage.setItem(
      sessionKey('partly'),
      JSON.stringify({
        version: 1,
        id: 'partly',
        createdAt: 1,
        updatedAt: 4,
        tree: { messages: [good, goodAnswer, broken, orphan, oddPart], selected: {} },
      }),
    );
    const onWarning = vi.fn();
    const store = makeStore({
      transport: createMockTransport([]),
      storage,
      onWarning,
      session: { id: 'partly' },
    });
    const messages = store.getState().messages;
    expect(messages.map(textOf)).toEqual(['Kept', 'Also kept']);
    // An answer stored mid-stream (the page was closed) ends where it was cut.
    expect(messages[1]).toMatchObject({ state: 'done', metadata: { stopped: true } });
    expect(onWarning).toHaveBeenCalledWith(
      expect.stringMatching(/session partly: 3 broken messages left out/),
    );
  });

  it('a full storage (quota error) does not break chatting, and warns once', async () => {
    const inner = createMemoryStorage();
    const full = fullStorage(inner);
    const onWarning = vi.fn();
    const transport = createMockTransport([{ steps: textSteps('First') }, { steps: textSteps('Second') }]);
    const store = makeStore({ transport, storage: full, onWarning, session: { id: 'full' } });
    await store.getState().send('One');
    await store.getState().send('Two');
    store.getState().setDraft('draft');
    expect(store.getState().messages.map(textOf)).toEqual(['One', 'First', 'Two', 'Second']);
    expect(store.getState().status).toBe('ready');
    expect(store.getState().draft).toBe('draft');
    const sessionWarnings = onWarning.mock.calls.filter(([message]) =>
      /could not save helicone-kit:chat:session:full /.test(message as string),
    );
    expect(sessionWarnings).toHaveLength(1);
    expect(sessionWarnings[0]![0]).toMatch(/QuotaExceededError/);
  });

  it('an unreadable entry a full storage cannot move stays in place, and each warning comes once however often it is read', () => {
    const inner = createMemoryStorage();
    inner.setItem(sessionKey('stuck'), '{broken');
    const full = fullStorage(inner);
    const onWarning = vi.fn();
    const first = makeStore({
      transport: createMockTransport([]),
      storage: full,
      onWarning,
      session: { id: 'stuck' },
    });
    // Made (the session is read), retained (read again), released and retained again (read a third time).
    const release = first.retain();
    release();
    first.retain();
    expect(first.getState().messages).toEqual([]);
    expect(inner.getItem(sessionKey('stuck'))).toBe('{broken');
    expect(onWarning.mock.calls.map(([message]) => message)).toEqual([
      'helicone-kit: could not save unreadable session stuck (QuotaExceededError: The quota has been exceeded.).',
      'helicone-kit: session stuck could not be read (not JSON); it stays in place and the session starts empty.',
    ]);
  });

  it('reads options through the getter each time: callbacks see the latest values', async () => {
    const transport = createMockTransport([{ steps: textSteps('a') }, { steps: textSteps('b') }]);
    const calls: string[] = [];
    let label = 'first render';
    let temperature = 0.1;
    const live = createChatStore(() => ({
      transport,
      model: 'gpt-4o-mini',
      temperature,
      onWarning: () => {},
      onFinish: () => calls.push(label),
    }));
    await live.getState().send('One');
    label = 'second render';
    temperature = 0.9;
    await live.getState().send('Two');
    expect(calls).toEqual(['first render', 'second render']);
    expect(transport.requests.map((request) => request.body.temperature)).toEqual([0.1, 0.9]);
  });
});
