import type { ChatMessage } from '@helicone-kit/core';
import { createMockTransport, textSteps, type MockStep } from '@helicone-kit/core/testing';
import { act, render } from '@testing-library/react';
import { memo, Profiler, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeliconeProvider } from './helicone-provider';
import { useHeliconeChat } from './use-helicone-chat';
import type { Throttle } from '@helicone-kit/core';
import type { UseHeliconeChatResult } from './use-helicone-chat-types';
import { textOf } from './__tests__/chat-wrapper';

/** A fake `requestAnimationFrame`: callbacks wait until the test runs a frame. */
let pendingFrames = new Map<number, FrameRequestCallback>();
let nextHandle = 1;
beforeEach(() => {
  pendingFrames = new Map();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    pendingFrames.set(nextHandle, callback);
    return nextHandle++;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => void pendingFrames.delete(handle));
});
afterEach(() => vi.unstubAllGlobals());

function runFrame() {
  const callbacks = [...pendingFrames.values()];
  pendingFrames.clear();
  act(() => callbacks.forEach((callback) => callback(performance.now())));
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * An answer of `groups` × `perGroup` chunks; each group waits for its gate, so the test decides what a frame
 * holds, and the finish chunk waits for `end`.
 */
function gatedAnswer(groups: number, perGroup: number) {
  const gates = Array.from({ length: groups }, deferred);
  const steps: MockStep[] = [];
  const deltas: string[] = [];
  for (const [group, gate] of gates.entries()) {
    steps.push({ type: 'wait', until: gate.promise });
    for (let index = 0; index < perGroup; index++) {
      const delta = `g${group}c${index} `;
      deltas.push(delta);
      steps.push({ type: 'text', text: delta });
    }
  }
  // The answer ends only when the test says so.
  const end = deferred();
  steps.push({ type: 'wait', until: end.promise }, { type: 'finish', reason: 'stop' });
  return { gates, end, steps, text: deltas.join('') };
}

/** Lets the mock transport deliver a released group (its chunks arrive as microtasks and timers). */
const arrive = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

type Harness = { chat: UseHeliconeChatResult; commits: number; rowRenders: Map<string, number> };

function renderChat(transport: ReturnType<typeof createMockTransport>, throttle?: Throttle) {
  const harness: Harness = { chat: undefined as never, commits: 0, rowRenders: new Map() };
  const Row = memo(function Row({ message }: { message: ChatMessage }) {
    harness.rowRenders.set(message.id, (harness.rowRenders.get(message.id) ?? 0) + 1);
    return <p>{textOf(message)}</p>;
  });
  function Chat() {
    harness.chat = useHeliconeChat({ transport, ...(throttle === undefined ? {} : { throttle }) });
    return (
      <div data-status={harness.chat.status}>
        {harness.chat.messages.map((message) => (
          <Row key={message.id} message={message} />
        ))}
      </div>
    );
  }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <HeliconeProvider storage={null}>{children}</HeliconeProvider>
  );
  const view = render(
    <Profiler id="chat" onRender={() => void (harness.commits += 1)}>
      <Chat />
    </Profiler>,
    { wrapper },
  );
  return { harness, view };
}

describe('rendering cost of a streamed answer', () => {
  it("with throttle: 'frame', commits at most once per frame while streaming, plus the final flush", async () => {
    const answer = gatedAnswer(20, 10);
    const { harness, view } = renderChat(createMockTransport([{ steps: answer.steps }]), 'frame');
    let sent!: Promise<void>;
    act(() => {
      sent = harness.chat.send('stream please');
    });
    const before = harness.commits;
    let frames = 0;
    for (const gate of answer.gates) {
      gate.resolve();
      await arrive();
      runFrame();
      frames += 1;
    }
    answer.end.resolve();
    await act(() => sent);
    const during = harness.commits - before;

    expect(frames).toBe(20);
    expect(during).toBeGreaterThanOrEqual(frames);
    expect(during).toBeLessThanOrEqual(frames + 1);
    expect(harness.chat.status).toBe('ready');
    expect(view.container.textContent).toBe(`stream please${answer.text}`);
  });

  it('by default commits at most once per 50 ms while streaming, plus the final flush', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const answer = gatedAnswer(20, 10);
      const { harness, view } = renderChat(createMockTransport([{ steps: answer.steps }]));
      let sent!: Promise<void>;
      act(() => {
        sent = harness.chat.send('stream please');
      });
      const before = harness.commits;
      // 20 groups of 10 chunks, 10 ms apart: 200 ms of streaming.
      for (const gate of answer.gates) {
        gate.resolve();
        await act(() => vi.advanceTimersByTimeAsync(10));
      }
      const during = harness.commits - before;
      expect(during).toBeGreaterThanOrEqual(200 / 50 - 1);
      expect(during).toBeLessThanOrEqual(200 / 50 + 1);
      expect(pendingFrames.size).toBe(0);
      answer.end.resolve();
      await act(() => vi.advanceTimersByTimeAsync(0));
      await act(() => sent);
      expect(harness.chat.status).toBe('ready');
      expect(view.container.textContent).toBe(`stream please${answer.text}`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('without throttling (throttle: false) the same answer costs a commit per chunk, so the bound above means something', async () => {
    const answer = gatedAnswer(20, 10);
    const { harness } = renderChat(createMockTransport([{ steps: answer.steps }]), false);
    let sent!: Promise<void>;
    act(() => {
      sent = harness.chat.send('stream please');
    });
    const before = harness.commits;
    for (const gate of answer.gates) {
      gate.resolve();
      await arrive();
      runFrame();
    }
    answer.end.resolve();
    await act(() => sent);
    expect(harness.commits - before).toBeGreaterThanOrEqual(200);
  });

  it('the final flush is never lost: with no frame at all (a background tab) the whole answer still lands', async () => {
    const answer = gatedAnswer(5, 10);
    const { harness, view } = renderChat(createMockTransport([{ steps: answer.steps }]));
    let sent!: Promise<void>;
    act(() => {
      sent = harness.chat.send('stream please');
    });
    for (const gate of answer.gates) {
      gate.resolve();
      await arrive();
    }
    answer.end.resolve();
    await act(() => sent);
    expect(harness.chat.status).toBe('ready');
    expect(textOf(harness.chat.messages[1])).toBe(answer.text);
    expect(view.container.textContent).toBe(`stream please${answer.text}`);
  });

  it('settled messages keep their identity (memoised rows do not re-render) through 100 more chunks', async () => {
    const second = gatedAnswer(10, 10);
    const transport = createMockTransport([
      { steps: textSteps('A first, settled answer.', 4) },
      { steps: second.steps },
    ]);
    const { harness } = renderChat(transport, 'frame');
    await act(() => harness.chat.send('first question'));
    const settled = harness.chat.messages;
    expect(settled).toHaveLength(2);
    const rendersBefore = settled.map((message) => harness.rowRenders.get(message.id));

    let sent!: Promise<void>;
    act(() => {
      sent = harness.chat.send('second question');
    });
    for (const gate of second.gates) {
      gate.resolve();
      await arrive();
      runFrame();
    }
    expect(harness.chat.status).toBe('streaming');
    expect(textOf(harness.chat.messages[3])).toBe(second.text);
    for (const [index, message] of settled.entries()) {
      expect(Object.is(harness.chat.messages[index], message)).toBe(true);
      expect(harness.rowRenders.get(message.id)).toBe(rendersBefore[index]);
    }
    const question = harness.chat.messages[2]!;
    const questionRenders = harness.rowRenders.get(question.id);
    second.end.resolve();
    await act(() => sent);
    expect(harness.rowRenders.get(question.id)).toBe(questionRenders);
    settled.forEach((message, index) => expect(harness.chat.messages[index]).toBe(message));
  });
});
