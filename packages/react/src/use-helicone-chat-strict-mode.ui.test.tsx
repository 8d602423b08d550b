import { createMockTransport, textSteps } from '@helicone-kit/core/testing';
import { act, render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { HeliconeProvider } from './helicone-provider';
import { useHeliconeChat } from './use-helicone-chat';
import type { UseHeliconeChatResult } from './use-helicone-chat-types';
import { textOf } from './__tests__/chat-wrapper';

function mount(transport: ReturnType<typeof createMockTransport>) {
  const current: { chat?: UseHeliconeChatResult } = {};
  function Chat() {
    current.chat = useHeliconeChat({ transport, session: { id: 'strict' } });
    return <p>{current.chat.messages.map(textOf).join(' | ')}</p>;
  }
  const view = render(
    <StrictMode>
      <HeliconeProvider storage={null}>
        <Chat />
      </HeliconeProvider>
    </StrictMode>,
  );
  return { view, chat: () => current.chat! };
}

describe('useHeliconeChat under Strict Mode (double render, effects mounted twice)', () => {
  it('keeps one working store, even after the copy made by the discarded render has let go', async () => {
    const transport = createMockTransport([
      { steps: textSteps('first answer', 3) },
      { steps: textSteps('second answer', 3) },
    ]);
    const { view, chat } = mount(transport);
    await act(() => chat().send('one'));
    // Longer than a store made by a render waits to be claimed.
    await act(() => new Promise((resolve) => setTimeout(resolve, 1100)));
    await act(() => chat().send('two'));
    expect(view.container.textContent).toBe('one | first answer | two | second answer');
    expect(chat().status).toBe('ready');
  });

  it('unmounting stops the running request (no copy keeps the session alive)', async () => {
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
    const { view, chat } = mount(transport);
    act(() => void chat().send('go'));
    await waitFor(() => expect(chat().status).toBe('streaming'));
    view.unmount();
    await waitFor(() => expect(transport.requests[0]!.signal.aborted).toBe(true), { timeout: 2000 });
    release();
  });
});
