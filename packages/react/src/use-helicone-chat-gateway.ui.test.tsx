import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AssistantMessage } from '@helicone-kit/core';
import { act, renderHook } from '@testing-library/react';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHeliconeChat } from './use-helicone-chat';
import { startChatRoute, type ChatRoute } from './__tests__/chat-route';
import { chatWrapper, textOf } from './__tests__/chat-wrapper';

let route: ChatRoute;
let database: string;
beforeAll(async () => {
  database = path.join(mkdtempSync(path.join(tmpdir(), 'helicone-kit-react-')), 'gateway.db');
  // Retry waits are the real ones in the log, a thousandth of them in fact.
  route = await startChatRoute(
    { clientMay: { properties: '*', session: true, retry: true } },
    { database, timeScale: 0.001, pace: { firstTokenMs: 0, tokensPerSecond: 0 } },
  );
});
afterAll(async () => {
  await route?.close();
});

/** The gateway's own row for a request, read from its SQLite log through a second connection. */
function logRow(requestId: string): Record<string, unknown> {
  const reader = new Database(database, { readonly: true });
  try {
    return reader.prepare('SELECT * FROM requests WHERE request_id = ?').get(requestId) as Record<
      string,
      unknown
    >;
  } finally {
    reader.close();
  }
}

const lastAnswer = (messages: readonly { role: string }[]) => messages.at(-1) as AssistantMessage;

describe('useHeliconeChat over the route and the local gateway: retry, prompts, parameters', () => {
  it('retry: a provider fault once, then the retried attempt answers; the gateway logs both attempts', async () => {
    route.gateway.setFaults({ '*': { type: 'status', status: 500, times: 1 } });
    const { result } = renderHook(
      () =>
        useHeliconeChat({
          model: 'gpt-4o-mini/openai',
          max_tokens: 6,
          retry: { num: 2, factor: 2, minTimeout: 1000, maxTimeout: 4000 },
        }),
      { wrapper: chatWrapper(route.api) },
    );
    await act(() => result.current.send('Hello'));
    route.gateway.setFaults({});
    expect(result.current.status).toBe('ready');
    const answer = lastAnswer(result.current.messages);
    expect(textOf(answer).length).toBeGreaterThan(0);
    const attempts = JSON.parse(logRow(answer.metadata.requestId!).attempts as string) as {
      status: number;
      retryDelayMs?: number;
    }[];
    expect(attempts.map(({ status, retryDelayMs }) => [status, retryDelayMs])).toEqual([
      [500, 1000],
      [200, undefined],
    ]);
  });

  it('without retry the same fault is the answer: an error, the question kept', async () => {
    route.gateway.setFaults({ '*': { type: 'status', status: 500, times: 1 } });
    const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini/openai', max_tokens: 6 }), {
      wrapper: chatWrapper(route.api),
    });
    await act(() => result.current.send('Hello'));
    route.gateway.setFaults({});
    expect(result.current.status).toBe('error');
    expect(result.current.messages.map(textOf)).toEqual(['Hello']);
  });

  it('prompt: the prompt id and inputs reach the gateway, which logs prompt_id and expands the prompt', async () => {
    const created = await fetch(`${route.gateway.url}/v1/prompt-2025`, {
      method: 'POST',
      headers: { authorization: `Bearer ${route.gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'support',
        promptBody: {
          model: 'gpt-4o-mini',
          messages: [{ role: 'system', content: 'You help {{hc:customer:string}}.' }],
        },
      }),
    });
    const { data } = (await created.json()) as { data: { id: string } };
    const { result } = renderHook(
      () =>
        useHeliconeChat({
          model: 'gpt-4o-mini',
          max_tokens: 6,
          prompt: { id: data.id, inputs: { customer: 'Ada' } },
        }),
      { wrapper: chatWrapper(route.api) },
    );
    await act(() => result.current.send('Where is my order?'));
    expect(result.current.status).toBe('ready');
    const requestId = lastAnswer(result.current.messages).metadata.requestId!;
    const logged = await route.logged(requestId, true);
    expect(logged?.prompt_id).toBe(data.id);
    expect(logRow(requestId).prompt_id).toBe(data.id);
    expect((logged?.request_body as { inputs?: unknown }).inputs).toEqual({ customer: 'Ada' });
  });

  it('every OpenAI parameter of the hook reaches the gateway as given', async () => {
    const parameters = {
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 6,
      stop: ['\n\n', 'END'],
      seed: 7,
      reasoning_effort: 'low',
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      logit_bias: { '50256': -100 },
      parallel_tool_calls: false,
      tools: [
        {
          type: 'function',
          function: {
            name: 'weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
          },
        },
      ],
      tool_choice: 'none',
    } as const;
    const { result } = renderHook(
      () =>
        useHeliconeChat({
          model: 'gpt-4o-mini',
          user: 'user-42',
          ...parameters,
          tools: [...parameters.tools],
          stop: [...parameters.stop],
        }),
      { wrapper: chatWrapper(route.api) },
    );
    await act(() => result.current.send('Hello'));
    expect(result.current.status).toBe('ready');
    const logged = await route.logged(lastAnswer(result.current.messages).metadata.requestId!, true);
    expect(logged?.request_body).toMatchObject(parameters);
    // `user` is the route's to set (its `authorize`): a browser's is replaced, here by none (anonymous call).
    expect(logged?.request_body).not.toHaveProperty('user');
  });
});
