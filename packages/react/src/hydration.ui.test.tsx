import { createChatStore } from '@helicone-kit/core';
import { createMockTransport, textSteps } from '@helicone-kit/core/testing';
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { HeliconeProvider } from './helicone-provider';
import { useHeliconeChat } from './use-helicone-chat';
import { textOf } from './__tests__/chat-wrapper';

afterEach(() => localStorage.clear());

function App() {
  return (
    <HeliconeProvider api="/api/helicone">
      <Chat />
    </HeliconeProvider>
  );
}

function Chat() {
  const chat = useHeliconeChat({ model: 'gpt-4o-mini', session: { id: 'hydrated' } });
  return (
    <ol data-status={chat.status}>
      {chat.messages.map((message) => (
        <li key={message.id}>{textOf(message)}</li>
      ))}
    </ol>
  );
}

describe('hydration', () => {
  it('hydrates the server HTML without a mismatch, then shows the session stored in this browser', async () => {
    const stored = createChatStore({
      model: 'gpt-4o-mini',
      storage: localStorage,
      session: { id: 'hydrated' },
      transport: createMockTransport([{ steps: textSteps('Stored answer.') }]),
    });
    await stored.getState().send('Stored question');
    stored.destroy();

    const html = renderToString(<App />);
    expect(html).toBe('<ol data-status="ready"></ol>');

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const recoverable: unknown[] = [];
    await act(async () => {
      hydrateRoot(container, <App />, { onRecoverableError: (error) => void recoverable.push(error) });
      await Promise.resolve();
    });
    expect(recoverable).toEqual([]);
    expect([...container.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Stored question',
      'Stored answer.',
    ]);
  });
});
