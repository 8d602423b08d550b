import { describe, expect, it } from 'vitest';
import { createMockTransport, textSteps } from '../../testing';
import { createMemoryStorage, type ChatStorage } from '../chat-storage';
import type { ChatStore } from '../create-chat-store';
import type { ChatMessage } from '../types';
import { deferred, makeStore, textOf, waitFor } from './helpers';

const sessionKey = 'helicone-kit:chat:session:shared';

const storedTexts = (storage: ChatStorage) => {
  const record = JSON.parse(storage.getItem(sessionKey)!) as { tree: { messages: ChatMessage[] } };
  return record.tree.messages.map(textOf).sort();
};

/** What the browser does in every other tab after a write: the `storage` event with the new value. */
const deliverStorageEvent = (storage: ChatStorage, tab: ChatStore) =>
  tab.registry.applyStorageEvent({ key: sessionKey, newValue: storage.getItem(sessionKey) });

describe('chat store: two tabs on one storage', () => {
  it('keeps both conversations when tab B sends while tab A streams', async () => {
    const storage = createMemoryStorage();
    const release = deferred();
    const transportA = createMockTransport([
      {
        steps: [
          { type: 'text', text: 'Answer ' },
          { type: 'wait', until: release.promise },
          ...textSteps('A'),
        ],
      },
    ]);
    const transportB = createMockTransport([{ steps: textSteps('Answer B') }]);
    // Each tab has its own registry (makeStore makes one per store) over the same storage.
    const tabA = makeStore({ transport: transportA, storage, session: { id: 'shared' } });
    const tabB = makeStore({ transport: transportB, storage, session: { id: 'shared' } });
    tabA.retain();
    tabB.retain();

    const sendingA = tabA.getState().send('Question A');
    await waitFor(tabA, (state) => state.status === 'streaming');
    await tabB.getState().send('Question B');
    expect(storedTexts(storage)).toEqual(['Answer B', 'Question A', 'Question B']);
    // Tab A hears of B's write while its request runs.
    deliverStorageEvent(storage, tabA);
    expect(tabA.getState().messages.map(textOf)).toEqual(['Question A', 'Answer ']);

    release.resolve();
    await sendingA;
    expect(storedTexts(storage)).toEqual(['Answer A', 'Answer B', 'Question A', 'Question B']);
    // A still shows its own conversation; B's is a branch it can select.
    const [questionA] = tabA.getState().messages;
    expect(tabA.getState().messages.map(textOf)).toEqual(['Question A', 'Answer A']);
    expect(tabA.getState().branches[questionA!.id]!.ids).toHaveLength(2);
    tabA.getState().selectBranch(questionA!.id, 1);
    expect(tabA.getState().messages.map(textOf)).toEqual(['Question B', 'Answer B']);

    deliverStorageEvent(storage, tabB);
    expect(tabB.registry.listSessions()[0]!.id).toBe('shared');
    expect(tabB.getState().messages.map(textOf)).toEqual(['Question B', 'Answer B']);
    const [questionB] = tabB.getState().messages;
    expect(tabB.getState().branches[questionB!.id]!.ids).toHaveLength(2);
  });

  it('saves while an answer streams never put the stored (stopped) copy in place of the live answer', async () => {
    const storage = createMemoryStorage();
    const release = [deferred(), deferred()];
    const transport = createMockTransport([
      {
        steps: [
          { type: 'text', text: 'One' },
          { type: 'wait', until: release[0]!.promise },
          { type: 'text', text: ' two' },
          { type: 'wait', until: release[1]!.promise },
          { type: 'text', text: ' three' },
        ],
      },
    ]);
    const tab = makeStore({ transport, storage, session: { id: 'shared' } });
    tab.retain();
    const sending = tab.getState().send('Count');
    await waitFor(tab, (state) => textOf(state.messages[1]) === 'One');
    const question = tab.getState().messages[0]!;
    // Each selection saves, and each save merges the stored tree in first.
    tab.getState().selectBranch(question.id);
    release[0]!.resolve();
    await waitFor(tab, (state) => textOf(state.messages[1]) === 'One two');
    tab.getState().selectBranch(question.id);
    const live = tab.getState().messages[1]!;
    expect(live).toMatchObject({ state: 'streaming' });
    expect(textOf(live)).toBe('One two');
    release[1]!.resolve();
    await sending;
    expect(tab.getState().messages[1]).toMatchObject({ state: 'done', metadata: { stopped: undefined } });
    expect(textOf(tab.getState().messages[1])).toBe('One two three');
  });

  it('a streaming answer stored by one tab is replaced by its settled version, never the other way', async () => {
    const storage = createMemoryStorage();
    const release = deferred();
    const transport = createMockTransport([
      {
        steps: [
          { type: 'text', text: 'Half' },
          { type: 'wait', until: release.promise },
          ...textSteps(' done'),
        ],
      },
    ]);
    const tabA = makeStore({ transport, storage, session: { id: 'shared' } });
    const tabB = makeStore({ transport: createMockTransport([]), storage, session: { id: 'shared' } });
    tabA.retain();
    tabB.retain();
    const sending = tabA.getState().send('Question');
    await waitFor(tabA, (state) => textOf(state.messages[1]) === 'Half');
    // Selecting a branch saves while the answer streams: the stored answer is the streaming one.
    tabA.getState().selectBranch(tabA.getState().messages[0]!.id);
    deliverStorageEvent(storage, tabB);
    expect(tabB.getState().messages.map(textOf)).toEqual(['Question', 'Half']);
    const streamingCopy = storage.getItem(sessionKey);

    release.resolve();
    await sending;
    deliverStorageEvent(storage, tabB);
    expect(tabB.getState().messages.map(textOf)).toEqual(['Question', 'Half done']);
    // An old write arriving late does not take the settled answer back.
    tabB.registry.applyStorageEvent({ key: sessionKey, newValue: streamingCopy });
    expect(tabB.getState().messages.map(textOf)).toEqual(['Question', 'Half done']);
    tabB.getState().setDraft('x');
    tabB.getState().selectBranch(tabB.getState().messages[1]!.id);
    expect(storedTexts(storage)).toEqual(['Half done', 'Question']);
  });
});
