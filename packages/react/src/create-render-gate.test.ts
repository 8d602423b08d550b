import {
  createChatSessionRegistry,
  createChatStore,
  type ChatStore,
  type ChatStoreState,
} from '@helicone-kit/core';
import { createMockTransport } from '@helicone-kit/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { createRenderGate } from './create-render-gate';

const untilStreaming = (store: ChatStore) =>
  new Promise<void>((resolve) => {
    const check = () => store.getState().status === 'streaming' && (unsubscribe(), resolve());
    const unsubscribe = store.subscribe(check);
    check();
  });

describe('render gate', () => {
  it('hands over another session at once, even when both sessions are streaming', async () => {
    let release!: () => void;
    const held = { type: 'wait' as const, until: new Promise<void>((resolve) => (release = resolve)) };
    const transport = createMockTransport([
      { steps: [{ type: 'text', text: 'left ' }, held] },
      { steps: [{ type: 'text', text: 'right ' }, held] },
    ]);
    const registry = createChatSessionRegistry();
    const options = { model: 'gpt-4o-mini', transport, registry };
    const left = createChatStore({ ...options, session: { id: 'left' } });
    const right = createChatStore({ ...options, session: { id: 'right' } });
    left.retain();
    right.retain();
    // A throttle no test waits for: only what the gate hands over at once is seen.
    const [subscribe, getSnapshot] = createRenderGate(left, () => ({ throttle: 60_000 }));
    const unsubscribe = subscribe(() => {});
    const sending = [left.getState().send('to the left'), right.getState().send('to the right')];
    await Promise.all([untilStreaming(left), untilStreaming(right)]);
    expect(getSnapshot().session.id).toBe('left');

    left.getState().switchSession('right');
    expect(getSnapshot().session.id).toBe('right');
    expect(getSnapshot().messages).toBe(right.getState().messages);

    release();
    await Promise.all(sending);
    unsubscribe();
  });

  it('a throttle under a frame still tells React at most once per 16 ms while a request streams', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      type Listener = (state: ChatStoreState, previous: ChatStoreState) => void;
      const listeners = new Set<Listener>();
      let state = { status: 'streaming', session: {}, draft: '', model: 'm' } as unknown as ChatStoreState;
      const store = {
        getState: () => state,
        subscribe: (listener: Listener) => (listeners.add(listener), () => listeners.delete(listener)),
      } as unknown as ChatStore;
      const [subscribe] = createRenderGate(store, () => ({ throttle: 1 }));
      let told = 0;
      subscribe(() => (told += 1));
      // A change every millisecond for 160 ms.
      for (let ms = 0; ms < 160; ms++) {
        const previous = state;
        state = { ...state };
        for (const listener of listeners) listener(state, previous);
        vi.advanceTimersByTime(1);
      }
      expect(told).toBeGreaterThanOrEqual(160 / 16 - 1);
      expect(told).toBeLessThanOrEqual(160 / 16 + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});
