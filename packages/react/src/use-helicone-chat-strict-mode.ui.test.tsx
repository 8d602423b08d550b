import { createMockTransport, textSteps } from '@helicone-kit/core/testing';
import { act, render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { HeliconeProvider } from './helicone-provider';
import { useHeliconeChat } from './use-helicone-chat';
import type { UseHeliconeChatResult } from './use-helicone-chat-types';
import { textOf } from './__tests__/chat-wrapper';

type Current = Record<string, UseHeliconeChatResult>;

function Chat({
  name,
  transport,
  report,
}: {
  name: string;
  transport: ReturnType<typeof createMockTransport>;
  report: (name: string, chat: UseHeliconeChatResult) => void;
}) {
  const chat = useHeliconeChat({ transport, session: { id: 'strict' } });
  report(name, chat);
  return <p>{chat.messages.map(textOf).join(' | ')}</p>;
}

function mount(transport: ReturnType<typeof createMockTransport>, panels: readonly string[] = ['only']) {
  const current: Current = {};
  const report = (name: string, chat: UseHeliconeChatResult) => void (current[name] = chat);
  const view = render(
    <StrictMode>
      <HeliconeProvider storage={null}>
        {panels.map((name) => (
          <Chat key={name} name={name} transport={transport} report={report} />
        ))}
      </HeliconeProvider>
    </StrictMode>,
  );
  return { view, current, report };
}

/** A transport whose first answer streams `partial`, then waits until `release` is called. */
function heldTransport() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const transport = createMockTransport([
    {
      steps: [
        { type: 'text', text: 'partial' },
        { type: 'wait', until: held },
      ],
    },
  ]);
  return { transport, release };
}

describe('useHeliconeChat under Strict Mode (double render, effects mounted twice)', () => {
  it('keeps one working store for consecutive turns', async () => {
    const transport = createMockTransport([
      { steps: textSteps('first answer', 3) },
      { steps: textSteps('second answer', 3) },
    ]);
    const { view, current } = mount(transport);
    await act(() => current.only!.send('one'));
    await act(() => current.only!.send('two'));
    expect(view.container.textContent).toBe('one | first answer | two | second answer');
    expect(current.only!.status).toBe('ready');
  });

  it('mount and unmount leave no claim on the session (a session nobody holds is loaded afresh at each peek)', () => {
    const { view, current } = mount(createMockTransport([]));
    const { registry } = current.only!.store;
    // Held once mounted: every peek gives the live session.
    expect(registry.peek('strict')).toBe(registry.peek('strict'));
    view.unmount();
    expect(registry.peek('strict')).not.toBe(registry.peek('strict'));
  });

  it('unmounting stops the running request at once: no copy from a discarded render holds the session', async () => {
    const { transport, release } = heldTransport();
    const { view, current } = mount(transport);
    act(() => void current.only!.send('go'));
    await waitFor(() => expect(current.only!.status).toBe('streaming'));
    view.unmount();
    // Synchronously, in the unmount: no timer, no other holder.
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    release();
  });

  it('two panels on one session: the request runs while one is mounted, and stops when the last unmounts', async () => {
    const { transport, release } = heldTransport();
    const { view, current, report } = mount(transport, ['left', 'right']);
    act(() => void current.left!.send('go'));
    await waitFor(() => expect(view.container.textContent).toBe('go | partialgo | partial'));
    view.rerender(
      <StrictMode>
        <HeliconeProvider storage={null}>
          <Chat key="right" name="right" transport={transport} report={report} />
        </HeliconeProvider>
      </StrictMode>,
    );
    expect(transport.requests[0]!.signal.aborted).toBe(false);
    expect(current.right!.status).toBe('streaming');
    view.unmount();
    expect(transport.requests[0]!.signal.aborted).toBe(true);
    release();
  });
});
