import { GatewayError, type AssistantMessage } from '@helicone-kit/core';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeliconeProvider } from './helicone-provider';
import { modelsQueryOptions } from './models-query-options';
import { useFeedback } from './use-feedback';
import { useHeliconeChat } from './use-helicone-chat';
import { useModels } from './use-models';
import { startChatRoute, type ChatRoute } from './__tests__/chat-route';
import { chatWrapper } from './__tests__/chat-wrapper';

let route: ChatRoute;
beforeAll(async () => {
  route = await startChatRoute(
    { models: ['gpt-4o-mini', 'claude-3.5-haiku'] },
    { pace: { tokensPerSecond: 0 } },
  );
});
afterAll(async () => {
  await route?.close();
});

describe('useModels', () => {
  it("lists the route's models with prices, through the provider's query client", async () => {
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <HeliconeProvider api={route.api} queryClient={queryClient} storage={null}>
        {children}
      </HeliconeProvider>
    );
    const { result } = renderHook(() => useModels(), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const ids = result.current.data!.map((model) => model.id);
    expect(ids).toEqual(expect.arrayContaining(['gpt-4o-mini', 'claude-3.5-haiku']));
    expect(ids).toHaveLength(2);
    const mini = result.current.data!.find((model) => model.id === 'gpt-4o-mini')!;
    expect(mini.pricing).toMatchObject({ input: 0.15, output: 0.6 });
    // The same data, prefetchable with the plain options object.
    expect(queryClient.getQueryData(modelsQueryOptions(route.api).queryKey)).toBe(result.current.data);
  });

  it('a failing route gives a GatewayError', async () => {
    const { result } = renderHook(() => useModels({ api: `${route.api}/nowhere` }), {
      wrapper: chatWrapper(route.api),
    });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(GatewayError.isInstance(result.current.error)).toBe(true);
    expect((result.current.error as GatewayError).status).toBe(404);
  });
});

/** The real fetch, except that `POST …/feedback` waits until `release()`: the test sees the optimistic state. */
function heldFeedback() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const fetchHeld: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    if (url.endsWith('/feedback')) await held;
    return fetch(input, init);
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <HeliconeProvider api={route.api} storage={null} fetch={fetchHeld}>
      {children}
    </HeliconeProvider>
  );
  return { wrapper, release };
}

describe('useFeedback', () => {
  it('rates an answer at once (optimistic), and the rating reaches the gateway', async () => {
    const { wrapper, release } = heldFeedback();
    const { result } = renderHook(
      () => {
        const chat = useHeliconeChat({ model: 'gpt-4o-mini', max_tokens: 3 });
        const requestId = (chat.messages[1] as AssistantMessage | undefined)?.metadata.requestId;
        return { chat, feedback: useFeedback(requestId) };
      },
      { wrapper },
    );
    await act(() => result.current.chat.send('rate me'));
    expect(result.current.feedback.rating).toBeUndefined();

    let done!: Promise<boolean>;
    act(() => {
      done = result.current.feedback.rate(true);
    });
    // Shown while the request is held back.
    await waitFor(() => expect(result.current.feedback.rating).toBe(true));
    expect(result.current.feedback.isPending).toBe(true);
    release();
    await act(async () => expect(await done).toBe(true));
    expect(result.current.feedback.error).toBeNull();
    const requestId = (result.current.chat.messages[1] as AssistantMessage).metadata.requestId!;
    expect((await route.logged(requestId))?.feedback_rating).toBe(true);
  });

  it('rolls the rating back when the route refuses it', async () => {
    const { wrapper, release } = heldFeedback();
    const { result } = renderHook(() => useFeedback('not-a-request-id'), { wrapper });
    let done!: Promise<boolean>;
    act(() => {
      done = result.current.rate(false);
    });
    await waitFor(() => expect(result.current.rating).toBe(false));
    release();
    await act(async () => expect(await done).toBe(false));
    await waitFor(() => expect(result.current.rating).toBeUndefined());
    expect((result.current.error as GatewayError).status).toBe(400);
  });
});
