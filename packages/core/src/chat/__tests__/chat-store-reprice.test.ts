import { describe, expect, it, vi } from 'vitest';
import type { ModelPrice } from '../../cost/types';
import { createMockTransport, textSteps } from '../../testing';
import { createMemoryStorage } from '../chat-storage';
import { createChatStore } from '../create-chat-store';
import type { AssistantMessage, ChatMessage } from '../types';

const usage = { prompt_tokens: 1000, completion_tokens: 200, total_tokens: 1200 };
const answer = (text: string) => ({ steps: [...textSteps(text), { type: 'usage' as const, usage }] });
const costOf = (message: ChatMessage | undefined) =>
  message?.role === 'assistant' ? message.metadata.cost : undefined;

/** A store whose `price` option is read through the getter, so a test can make prices arrive late. */
function storeWithLatePrices(
  responses: Parameters<typeof createMockTransport>[0],
  storage = createMemoryStorage(),
) {
  let price: ModelPrice | undefined;
  const priceOption = vi.fn((_answer: { requestedModel: string; model?: string }) => price);
  const transport = createMockTransport(responses);
  const store = createChatStore(() => ({
    transport,
    model: 'gpt-4o-mini',
    storage,
    session: { id: 'priced' },
    onWarning: () => {},
    price: priceOption,
  }));
  return { store, priceOption, setPrice: (next: ModelPrice | undefined) => (price = next) };
}

describe('chat store: repriceAnswers()', () => {
  it('fills the cost of answers that ended before prices were known, and the totals', async () => {
    const storage = createMemoryStorage();
    const { store, priceOption, setPrice } = storeWithLatePrices(
      [answer('One'), { steps: textSteps('No usage') }, answer('Two')],
      storage,
    );
    await store.getState().send('first');
    await store.getState().send('second');
    await store.getState().send('third');
    const before = store.getState().messages;
    expect(before.map(costOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(store.getState().totals).toMatchObject({ costUsd: undefined, costComplete: false, answers: 2 });

    // $1 per million input, $4 output: 1000 × 1 + 200 × 4 = 1800 per million.
    setPrice({ input: 1, output: 4 });
    priceOption.mockClear();
    store.repriceAnswers();

    const after = store.getState().messages;
    expect(after.map(costOf)).toEqual([
      undefined,
      { usd: 0.0018, estimated: true },
      undefined,
      undefined,
      undefined,
      { usd: 0.0018, estimated: true },
    ]);
    // Only the repriced answers are new objects; the price is asked about those only.
    expect(after.map((message, index) => message === before[index])).toEqual([
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(after[1]).toEqual({
      ...before[1],
      metadata: { ...(before[1] as AssistantMessage).metadata, cost: costOf(after[1]) },
    });
    expect(priceOption).toHaveBeenCalledTimes(2);
    expect(priceOption.mock.calls[0]![0]).toMatchObject({
      requestedModel: 'gpt-4o-mini',
      model: 'gpt-4o-mini',
    });
    expect(store.getState().totals).toMatchObject({ costUsd: 0.0036, costComplete: true, answers: 2 });

    // Saved: the stored session and the session list carry the costs.
    const stored = JSON.parse(storage.getItem('helicone-kit:chat:session:priced')!) as {
      tree: { messages: ChatMessage[] };
    };
    expect(stored.tree.messages.map(costOf).filter(Boolean)).toHaveLength(2);
    expect(store.registry.listSessions()[0]!.totals.costUsd).toBe(0.0036);
  });

  it('keeps a cost already known, and changes nothing (no new state, no save) when there is nothing to price', async () => {
    const storage = createMemoryStorage();
    const { store, setPrice } = storeWithLatePrices([answer('Priced'), answer('Late')], storage);
    setPrice({ input: 1, output: 4 });
    await store.getState().send('one');
    const priced = store.getState().messages[1];
    expect(costOf(priced)).toEqual({ usd: 0.0018, estimated: true });

    // Still unknown after the repricing: the answer stays as it is.
    setPrice(undefined);
    await store.getState().send('two');
    const unknown = store.getState().messages[3];
    const listener = vi.fn();
    store.subscribe(listener);
    const saved = storage.getItem('helicone-kit:chat:session:priced');
    store.repriceAnswers();
    expect(listener).not.toHaveBeenCalled();
    expect(store.getState().messages[3]).toBe(unknown);

    // A later, different price does not touch the answer priced when it ended.
    setPrice({ input: 10, output: 40 });
    store.repriceAnswers();
    expect(store.getState().messages[1]).toBe(priced);
    expect(costOf(store.getState().messages[3])).toEqual({ usd: 0.018, estimated: true });
    expect(store.getState().totals.costUsd).toBeCloseTo(0.0198);
    expect(storage.getItem('helicone-kit:chat:session:priced')).not.toBe(saved);
  });

  it('with n > 1, prices the one answer that carries the request’s usage', async () => {
    const { store, setPrice } = storeWithLatePrices([
      {
        steps: [
          { type: 'text', text: 'Red', choice: 0 },
          { type: 'text', text: 'Blue', choice: 1 },
          { type: 'usage', usage },
        ],
      },
    ]);
    await store.getState().send('A colour?');
    const [, first] = store.getState().messages;
    const siblings = store.getState().branches[first!.id]!.ids;
    setPrice({ input: 1, output: 4 });
    store.repriceAnswers();
    const costs = siblings.map((id) => {
      store.getState().selectBranch(id);
      return costOf(store.getState().messages[1]);
    });
    expect(costs).toEqual([{ usd: 0.0018, estimated: true }, undefined]);
    expect(store.getState().totals).toMatchObject({ costUsd: 0.0018, costComplete: true, answers: 1 });
  });
});
