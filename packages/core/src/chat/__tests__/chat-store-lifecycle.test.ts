import { describe, expect, it } from 'vitest';
import { createMockTransport, textSteps } from '../../testing';
import { createMemoryStorage } from '../chat-storage';
import { createChatSessionRegistry } from '../session-registry';
import { deferred, makeStore, textOf, waitFor } from './helpers';

/** A transport whose first answer streams `partial` and then waits for `held` (the request stays running). */
function heldTransport() {
  const held = deferred();
  const transport = createMockTransport([
    {
      steps: [
        { type: 'text', text: 'partial' },
        { type: 'wait', until: held.promise },
      ],
    },
    { steps: textSteps('second answer', 3) },
  ]);
  return { transport, release: held.resolve };
}

describe('chat store lifecycle: retain() holds the session, creating a store claims nothing', () => {
  it('a store that is created and dropped (a discarded render) does not keep the session alive', async () => {
    const registry = createChatSessionRegistry();
    const { transport, release } = heldTransport();
    // Made and never used, as in a render React throws away.
    makeStore({ transport, registry, session: { id: 'shared' } });
    const store = makeStore({ transport, registry, session: { id: 'shared' } });
    const letGo = store.retain();
    const sending = store.getState().send('go');
    await waitFor(store, (state) => textOf(state.messages[1]) === 'partial');

    letGo();
    // At once: the last holder let go, so the registry stopped the request.
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    release();
    await sending;
    // The stopped answer was saved (the store itself no longer follows the session it let go of).
    const reopened = makeStore({ transport, registry, session: { id: 'shared' } });
    expect(reopened.getState().messages[1]).toMatchObject({ metadata: { stopped: true } });
  });

  it('counts holds: two stores on one session keep its request until both let go', async () => {
    const registry = createChatSessionRegistry();
    const { transport, release } = heldTransport();
    const first = makeStore({ transport, registry, session: { id: 'panels' } });
    const second = makeStore({ transport, registry, session: { id: 'panels' } });
    const releaseFirst = first.retain();
    const releaseSecond = second.retain();
    const sending = first.getState().send('go');
    // The second panel follows the same session.
    await waitFor(second, (state) => textOf(state.messages[1]) === 'partial');

    releaseFirst();
    releaseFirst();
    expect(transport.requests[0]!.signal.aborted).toBe(false);
    releaseSecond();
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    release();
    await sending;
  });

  it('retain, release, retain (Strict Mode runs effects twice) keeps a working store', async () => {
    const storage = createMemoryStorage();
    const registry = createChatSessionRegistry({ storage });
    const { transport } = heldTransport();
    const store = makeStore({
      transport: createMockTransport([{ steps: textSteps('first answer', 3) }]),
      registry,
      session: { id: 'strict' },
    });
    store.retain()();
    const letGo = store.retain();
    await store.getState().send('one');
    expect(store.getState().messages.map(textOf)).toEqual(['one', 'first answer']);

    // A new holder of the stored session sees what the first one saved, once the first let go.
    letGo();
    const later = makeStore({ transport, registry, session: { id: 'strict' } });
    expect(later.getState().messages.map(textOf)).toEqual(['one', 'first answer']);
  });

  it('a store shows a live session before it is retained, and follows it once retained', async () => {
    const registry = createChatSessionRegistry();
    const { transport, release } = heldTransport();
    const writer = makeStore({ transport, registry, session: { id: 'live' } });
    const sending = writer.getState().send('go');
    await waitFor(writer, (state) => textOf(state.messages[1]) === 'partial');

    const reader = makeStore({ transport, registry, session: { id: 'live' } });
    expect(reader.getState().messages.map(textOf)).toEqual(['go', 'partial']);
    const letGo = reader.retain();
    release();
    await sending;
    expect(reader.getState().status).toBe('ready');
    letGo();
    writer.destroy();
  });

  it('a store never retained holds its session from its first action until destroy()', async () => {
    const registry = createChatSessionRegistry();
    const { transport } = heldTransport();
    const store = makeStore({ transport, registry, session: { id: 'script' } });
    void store.getState().send('go');
    await waitFor(store, (state) => textOf(state.messages[1]) === 'partial');
    expect(transport.requests[0]!.signal.aborted).toBe(false);
    store.destroy();
    expect(transport.requests[0]!.signal.aborted).toBe(true);
  });

  it('destroy() before the release of its retain() (React cleans up in that order) lets go once: the other store keeps the session, and retain() holds it again', async () => {
    const registry = createChatSessionRegistry();
    const { transport, release } = heldTransport();
    const a = makeStore({ transport, registry, session: { id: 's1' } });
    const b = makeStore({ transport, registry, session: { id: 's1' } });
    const releaseA = a.retain();
    const releaseB = b.retain();
    a.destroy();
    releaseA();
    const sending = b.getState().send('go');
    await waitFor(b, (state) => textOf(state.messages[1]) === 'partial');

    // A new store shows the session b holds (the same messages object, its request running), not a copy.
    const c = makeStore({ transport, registry, session: { id: 's1' } });
    expect(c.getState().messages).toBe(b.getState().messages);
    expect(c.getState().status).toBe('streaming');

    const staleRelease = a.retain();
    expect(a.getState().messages).toBe(b.getState().messages);
    // A release from before destroy() lets go of nothing the store holds after it.
    a.destroy();
    const releaseAgain = a.retain();
    staleRelease();
    releaseB();
    // a holds the session again: the request goes on until it lets go too.
    expect(transport.requests[0]!.signal.aborted).toBe(false);
    releaseAgain();
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    release();
    await sending;
  });

  it('a destroyed store can be retained again: it holds and follows its session', async () => {
    const registry = createChatSessionRegistry();
    const { transport, release } = heldTransport();
    const store = makeStore({ transport, registry, session: { id: 'again' } });
    store.destroy();
    const letGo = store.retain();
    const sending = store.getState().send('go');
    await waitFor(store, (state) => textOf(state.messages[1]) === 'partial');
    // Held: another store shows the same running request.
    const other = makeStore({ transport, registry, session: { id: 'again' } });
    expect(other.getState().messages.map(textOf)).toEqual(['go', 'partial']);
    letGo();
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    release();
    await sending;
  });
});
