import { createChatSessionRegistry, createChatStore, type ChatStore } from '@helicone-kit/core';
import { createMockTransport } from '@helicone-kit/core/testing';
import { describe, expect, it } from 'vitest';
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
});
