import { createMockTransport, textSteps } from '@helicone-kit/core/testing';
import { act, renderHook } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useHeliconeChat } from './use-helicone-chat';
import type { UseHeliconeChatResult, UseHeliconeChatSession } from './use-helicone-chat-types';
import { chatWrapper } from './__tests__/chat-wrapper';

// The README's API table, in its order. `satisfies` and `Exact` keep these lists equal to the declared types.
const documented = [
  'messages',
  'status',
  'error',
  'retryAt',
  'draft',
  'setDraft',
  'send',
  'stop',
  'regenerate',
  'edit',
  'retry',
  'addToolResult',
  'branches',
  'selectBranch',
  'model',
  'setModel',
  'session',
  'totals',
  'store',
] as const satisfies readonly (keyof UseHeliconeChatResult)[];
const documentedSession = [
  'id',
  'name',
  'path',
  'newSession',
  'switchSession',
] as const satisfies readonly (keyof UseHeliconeChatSession)[];

type Exact<Listed, Declared> = [Exclude<Declared, Listed>] extends [never] ? true : never;
const everyResultKeyListed: Exact<(typeof documented)[number], keyof UseHeliconeChatResult> = true;
const everySessionKeyListed: Exact<(typeof documentedSession)[number], keyof UseHeliconeChatSession> = true;

describe('useHeliconeChat result', () => {
  it('carries exactly the documented keys, in every render (streaming, and a session shown before it is switched to)', async () => {
    expect(everyResultKeyListed && everySessionKeyListed).toBe(true);
    const transport = createMockTransport([{ steps: textSteps('One two three four.') }]);
    const results: UseHeliconeChatResult[] = [];
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => {
        const chat = useHeliconeChat({ model: 'gpt-4o-mini', transport, throttle: false, session: { id } });
        results.push(chat);
        return chat;
      },
      { wrapper: chatWrapper('/api/helicone'), initialProps: { id: 'first' } },
    );
    await act(() => result.current.send('Count to four'));
    expect(result.current.messages).toHaveLength(2);
    rerender({ id: 'second' });
    expect(result.current.session.id).toBe('second');

    expect(results.length).toBeGreaterThan(3);
    expectDocumentedKeys(results);
  });

  it('carries exactly the documented keys on the server, where it shows an empty chat', () => {
    const results: UseHeliconeChatResult[] = [];
    function Chat() {
      results.push(useHeliconeChat({ model: 'gpt-4o-mini', session: { id: 'server' } }));
      return null;
    }
    renderToString(<Chat />);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      messages: [],
      branches: {},
      status: 'ready',
      error: undefined,
      retryAt: undefined,
      draft: '',
      model: 'gpt-4o-mini',
      totals: { promptTokens: 0, completionTokens: 0, totalTokens: 0, costUsd: undefined, answers: 0 },
      session: { id: 'server' },
    });
    expectDocumentedKeys(results);
  });
});

function expectDocumentedKeys(results: readonly UseHeliconeChatResult[]) {
  for (const chat of results) {
    expect(Object.keys(chat).sort()).toEqual([...documented].sort());
    expect(Object.keys(chat.session).sort()).toEqual([...documentedSession].sort());
  }
}
