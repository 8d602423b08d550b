import { describe, expect, it } from 'vitest';
import { fixtureBytes, streamOf } from '../__tests__/fixtures';
import type { Usage } from '../openai/types';
import { ChatCompletionAccumulator } from '../stream/chat-completion-accumulator';
import { chatCompletionFromResponse } from '../stream/chat-completion-from-response';
import { parseChatCompletionStream } from '../stream/parse-chat-completion-stream';
import { fixtureJson } from '../__tests__/fixtures';
import { estimateCost } from './estimate-cost';
import type { ModelPrice } from './types';

const gpt4o: ModelPrice = { input: 2.5, cachedInput: 1.25, output: 10 };
const haiku: ModelPrice = { input: 0.8, cachedInput: 0.08, cacheWrite: 1, cacheWrite1h: 1.6, output: 4 };

async function streamedUsage(fixture: string): Promise<Usage | undefined> {
  const accumulator = new ChatCompletionAccumulator();
  for await (const chunk of parseChatCompletionStream(streamOf(fixtureBytes(fixture)).stream))
    accumulator.add(chunk);
  return accumulator.usage;
}

describe('estimateCost', () => {
  it('bills cached tokens at the cached price and the rest at the input price', () => {
    const { usage } = chatCompletionFromResponse(
      fixtureJson('non-stream/openai-chat-completion-cached-tokens.gpt-4o.json'),
    );
    // 96 × 2.5 + 1152 × 1.25 + 10 × 10 = 1780 per million ($0.00178, what genai-prices' calcPrice gives too).
    expect(estimateCost({ usage, price: gpt4o })).toBeCloseTo(0.00178, 12);
  });

  it("adds Helicone's Anthropic cache writes (one-hour price) on top of the prompt tokens", async () => {
    const usage = await streamedUsage(
      'anthropic/helicone-converted.anthropic-stream-text-tool-use.openai-chunks.sse',
    );
    // 338 × 0.8 + 500 × 0.08 + 20 × 1.6 + 65 × 4 = 602.4 per million.
    expect(estimateCost({ usage, price: haiku })).toBeCloseTo(0.0006024, 12);
    // Without a one-hour price, writes use the cache-write price: 270.4 + 40 + 20 × 1 + 260 = 590.4.
    expect(estimateCost({ usage, price: { ...haiku, cacheWrite1h: undefined } })).toBeCloseTo(0.0005904, 12);
  });

  it('takes cache writes out of the input count when total_tokens shows they are inside prompt_tokens', () => {
    const usage: Usage = {
      prompt_tokens: 1000,
      completion_tokens: 100,
      total_tokens: 1100,
      prompt_tokens_details: { cached_tokens: 200, cache_write_tokens: 300 },
    };
    // 500 × 0.8 + 200 × 0.08 + 300 × 1 + 100 × 4 = 1116 per million.
    expect(estimateCost({ usage, price: haiku })).toBeCloseTo(0.001116, 12);
  });

  it('does not count reasoning tokens twice (they are inside completion_tokens)', async () => {
    const usage = await streamedUsage(
      'openai-stream/deepseek-reasoner-stream-reasoning-content-tool-call.sse',
    );
    expect(usage?.completion_tokens_details?.reasoning_tokens).toBe(39);
    const price: ModelPrice = { input: 0.55, cachedInput: 0.14, output: 2.19 };
    // 19 × 0.55 + 320 × 0.14 + 83 × 2.19 = 237.02 per million.
    expect(estimateCost({ usage, price })).toBeCloseTo(0.00023702, 12);
  });

  it("reads DeepSeek's prompt_cache_hit_tokens when prompt_tokens_details is missing", () => {
    const usage: Usage = {
      prompt_tokens: 339,
      completion_tokens: 83,
      total_tokens: 422,
      prompt_cache_hit_tokens: 320,
    };
    expect(estimateCost({ usage, price: { input: 0.55, cachedInput: 0.14, output: 2.19 } })).toBeCloseTo(
      0.00023702,
      12,
    );
  });

  it('falls back to the input price for cached tokens when no cached price is known', () => {
    const usage: Usage = {
      prompt_tokens: 1000,
      completion_tokens: 0,
      total_tokens: 1000,
      prompt_tokens_details: { cached_tokens: 400 },
    };
    expect(estimateCost({ usage, price: { input: 2, output: 8 } })).toBeCloseTo(0.002, 12);
  });

  it('is undefined, never $0, without a price or a usage; and ignores negative or missing counts', () => {
    const usage: Usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    expect(estimateCost({ usage, price: undefined })).toBeUndefined();
    expect(estimateCost({ usage: undefined, price: gpt4o })).toBeUndefined();
    expect(estimateCost({ usage: null, price: null })).toBeUndefined();
    const odd = { prompt_tokens: -5, completion_tokens: 2, total_tokens: 2 } as Usage;
    expect(estimateCost({ usage: odd, price: gpt4o })).toBeCloseTo(0.00002, 12);
  });

  it('is undefined, not $0, for a usage without prompt or completion counts', () => {
    expect(estimateCost({ usage: {} as Usage, price: gpt4o })).toBeUndefined();
    expect(estimateCost({ usage: { total_tokens: 1500 } as Usage, price: gpt4o })).toBeUndefined();
    const notNumbers = { prompt_tokens: '10', completion_tokens: null } as unknown as Usage;
    expect(estimateCost({ usage: notNumbers, price: gpt4o })).toBeUndefined();
    const infinite = { prompt_tokens: Infinity, completion_tokens: Number.NaN } as Usage;
    expect(estimateCost({ usage: infinite, price: gpt4o })).toBeUndefined();
    // One finite count is enough: 10 prompt tokens at $2.5 per million.
    expect(estimateCost({ usage: { prompt_tokens: 10 } as Usage, price: gpt4o })).toBeCloseTo(0.000025, 12);
  });

  it('is undefined, not NaN, for a price without finite input and output prices', () => {
    const usage: Usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    expect(estimateCost({ usage, price: {} as ModelPrice })).toBeUndefined();
    expect(estimateCost({ usage, price: { input: Number.NaN, output: 10 } })).toBeUndefined();
    expect(estimateCost({ usage, price: { input: 2.5, output: Infinity } })).toBeUndefined();
    expect(estimateCost({ usage, price: { input: 2.5 } as ModelPrice })).toBeUndefined();
    expect(
      estimateCost({ usage, price: { input: '2.5', output: 10 } as unknown as ModelPrice }),
    ).toBeUndefined();
    expect(estimateCost({ usage, price: { input: -1, output: 10 } })).toBeUndefined();
  });

  it('treats a cache price that is not a finite number as missing (the input price applies)', () => {
    const usage: Usage = {
      prompt_tokens: 1000,
      completion_tokens: 0,
      total_tokens: 1000,
      prompt_tokens_details: { cached_tokens: 400 },
    };
    // 1000 × 2 per million, as with no cached price at all.
    expect(estimateCost({ usage, price: { input: 2, cachedInput: Number.NaN, output: 8 } })).toBeCloseTo(
      0.002,
      12,
    );
  });
});
