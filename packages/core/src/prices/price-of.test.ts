import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../__tests__/fixtures';
import { estimateCost } from '../cost/estimate-cost';
import { chatCompletionFromResponse } from '../stream/chat-completion-from-response';
import { priceOf } from './price-of';

// Anthropic's list price for Claude 3.5 Haiku, $ per million tokens (also HELICONE.md's example: 0.0000008/token).
const haiku = { input: 0.8, cachedInput: 0.08, cacheWrite: 1, cacheWrite1h: 1.6, output: 4 };
const gpt4oMini = { input: 0.15, cachedInput: 0.075, output: 0.6 };

describe('priceOf', () => {
  it('reads Helicone ids, model/provider strings, the LiteLLM prefix and provider model ids alike', () => {
    expect(priceOf('claude-3.5-haiku')).toEqual(haiku);
    expect(priceOf('claude-3.5-haiku', 'anthropic')).toEqual(haiku);
    expect(priceOf('claude-3.5-haiku/anthropic')).toEqual(haiku);
    expect(priceOf('helicone/claude-3.5-haiku/anthropic')).toEqual(haiku);
    expect(priceOf('claude-3-5-haiku-20241022', 'anthropic')).toEqual(haiku);
    expect(priceOf('gpt-4o-mini')).toEqual(gpt4oMini);
    expect(priceOf(' gpt-4o-mini/openai ')).toEqual(gpt4oMini);
    expect(priceOf('gpt-4o-mini/openai,claude-3-5-sonnet-20241022/anthropic')).toEqual(gpt4oMini);
    expect(priceOf('gpt-4o-mini,!openrouter')).toEqual(gpt4oMini);
    expect(priceOf('gpt-4o-mini:online')).toEqual(gpt4oMini);
  });

  it("prices Helicone's own billing (provider `helicone`) at the model's list price", () => {
    expect(priceOf('claude-3.5-haiku', 'helicone')).toEqual(haiku);
    expect(priceOf('gpt-4o-mini/helicone')).toEqual(gpt4oMini);
  });

  it('maps Helicone ids the library spells differently (claude-4.5-sonnet), at the base tier', () => {
    // Sonnet 4.5 costs more above 200k prompt tokens; the base tier is reported.
    expect(priceOf('claude-4.5-sonnet')).toEqual({
      input: 3,
      cachedInput: 0.3,
      cacheWrite: 3.75,
      cacheWrite1h: 6,
      output: 15,
    });
    expect(priceOf('claude-4.5-sonnet/anthropic')).toEqual(priceOf('claude-sonnet-4-5'));
  });

  it('knows provider-specific ids and providers under Helicone names (bedrock, vertex, xai)', () => {
    expect(priceOf('openai/gpt-4o-mini', 'openrouter')).toEqual(gpt4oMini);
    expect(priceOf('anthropic.claude-3-5-haiku-20241022-v1:0', 'bedrock')).toEqual({
      input: 0.8,
      cachedInput: 0.08,
      cacheWrite: 1,
      output: 4,
    });
    expect(priceOf('gemini-2.5-flash', 'vertex')?.input).toBe(0.3);
    expect(priceOf('grok-4', 'xai')).toEqual({ input: 3, cachedInput: 0.75, output: 15 });
  });

  // Expected prices are those of @pydantic/genai-prices 0.1.8 (dist/index.js data): provider `moonshotai` model
  // `kimi-k2-0905-preview` {input_mtok .6, cache_read_mtok .15, output_mtok 2.5}; `openrouter` models
  // `moonshotai/kimi-k2-0905` {.6, 2.5}, `anthropic/claude-3.5-haiku` {.8, 4}, `anthropic/claude-sonnet-4.5`
  // {base 3, cache_read .3, cache_write 3.75, output 15}; `groq` `moonshotai/kimi-k2-instruct` (it matches
  // `moonshotai/kimi-k2-instruct-0905`) {1, cache_read .5, 3}, `llama-3.3-70b-versatile` {.59, .79}; `aws`
  // `regional.anthropic.claude-sonnet-4-5-20250929-v1:0` {3.3, cache_read .33, cache_write 4.125, 16.5}.
  it("maps kimi-k2-0905, which the library lists as Moonshot's kimi-k2-0905-preview", () => {
    expect(priceOf('kimi-k2-0905')).toEqual({ input: 0.6, cachedInput: 0.15, output: 2.5 });
    expect(priceOf('kimi-k2-0905/helicone')).toEqual({ input: 0.6, cachedInput: 0.15, output: 2.5 });
    expect(priceOf('kimi-k2-0905', 'groq')).toEqual({ input: 1, cachedInput: 0.5, output: 3 });
    expect(priceOf('kimi-k2-0905', 'deepinfra')).toBeUndefined();
  });

  it('prices Helicone ids on OpenRouter under its ids, with the provider as argument or in the string', () => {
    expect(priceOf('kimi-k2-0905', 'openrouter')).toEqual({ input: 0.6, output: 2.5 });
    expect(priceOf('kimi-k2-0905/openrouter')).toEqual({ input: 0.6, output: 2.5 });
    expect(priceOf('claude-3.5-haiku/openrouter')).toEqual({ input: 0.8, output: 4 });
    expect(priceOf('helicone/claude-4.5-sonnet/openrouter,gpt-4o')).toEqual({
      input: 3,
      cachedInput: 0.3,
      cacheWrite: 3.75,
      output: 15,
    });
    expect(priceOf('gpt-4o-mini/openrouter')).toEqual(gpt4oMini);
    // OpenRouter ids as such still work, and a model the library has no OpenRouter price for stays unknown.
    expect(priceOf('openai/gpt-4o-mini', 'openrouter')).toEqual(gpt4oMini);
    expect(priceOf('grok-4/openrouter')).toBeUndefined();
  });

  it('is undefined for embedding models: the data lists an input price and no output price', () => {
    expect(priceOf('text-embedding-3-small')).toBeUndefined();
    expect(priceOf('text-embedding-3-small', 'openai')).toBeUndefined();
  });

  it('prices Helicone Claude ids on Bedrock, and a Groq-only model without a provider', () => {
    expect(priceOf('claude-4.5-sonnet', 'bedrock')).toEqual({
      input: 3.3,
      cachedInput: 0.33,
      cacheWrite: 4.125,
      output: 16.5,
    });
    expect(priceOf('claude-3.5-haiku/bedrock')).toEqual({
      input: 0.8,
      cachedInput: 0.08,
      cacheWrite: 1,
      output: 4,
    });
    expect(priceOf('llama-3.3-70b-versatile')).toEqual({ input: 0.59, output: 0.79 });
    expect(priceOf('llama-3.3-70b-versatile/groq')).toEqual({ input: 0.59, output: 0.79 });
  });

  it('resolves time-of-day prices at the given moment (DeepSeek off-peak)', () => {
    expect(priceOf('deepseek-reasoner', 'deepseek', { at: new Date('2025-06-01T12:00:00Z') })).toEqual({
      input: 0.55,
      cachedInput: 0.14,
      output: 2.19,
    });
    expect(priceOf('deepseek-reasoner', 'deepseek', { at: new Date('2025-06-01T20:00:00Z') })).toEqual({
      input: 0.135,
      cachedInput: 0.035,
      output: 0.55,
    });
  });

  it('is undefined for what it does not know: models, providers, empty input', () => {
    expect(priceOf('llama-4-scout')).toBeUndefined();
    expect(priceOf('no-such-model-xyz')).toBeUndefined();
    expect(priceOf('')).toBeUndefined();
    expect(priceOf('   ')).toBeUndefined();
    expect(priceOf('gpt-4o-mini', 'no-such-provider')).toBeUndefined();
    // A provider the price data lacks is not guessed from another provider's price.
    expect(priceOf('gpt-4o-mini', 'deepinfra')).toBeUndefined();
    expect(priceOf(',,,')).toBeUndefined();
  });

  it("agrees with Helicone's model registry for claude-opus-4-1 on Anthropic and on Helicone's billing", () => {
    type Endpoint = {
      provider: string;
      pricing: { prompt: number; completion: number; cacheRead?: number; cacheWrite?: number };
      endpoint: { pricing: { input: number; cacheMultipliers: Record<string, number> }[] };
    };
    const registry = fixtureJson('helicone/helicone-model-registry.excerpt-1-model.json') as {
      data: { models: { id: string; endpoints: Endpoint[] }[] };
    };
    const model = registry.data.models[0]!;
    expect(model.id).toBe('claude-opus-4-1');
    for (const provider of ['anthropic', 'helicone']) {
      const endpoint = model.endpoints.find((entry) => entry.provider === provider)!;
      // The registry lists $ per million, and the one-hour write as a multiplier of the per-token input price.
      expect(endpoint.pricing).toMatchObject({
        prompt: 15,
        completion: 75,
        cacheRead: 1.5,
        cacheWrite: 18.75,
      });
      const tier = endpoint.endpoint.pricing[0]!;
      expect(priceOf(model.id, provider)).toEqual({
        input: endpoint.pricing.prompt,
        cachedInput: endpoint.pricing.cacheRead,
        cacheWrite: endpoint.pricing.cacheWrite,
        cacheWrite1h: tier.input * 1e6 * tier.cacheMultipliers.write1h!,
        output: endpoint.pricing.completion,
      });
    }
  });

  it('feeds estimateCost: the cached-tokens gpt-4o reply costs $0.00178', () => {
    const { usage, model } = chatCompletionFromResponse(
      fixtureJson('non-stream/openai-chat-completion-cached-tokens.gpt-4o.json'),
    );
    expect(model).toBe('gpt-4o-2024-08-06');
    expect(estimateCost({ usage, price: priceOf(model, 'openai') })).toBeCloseTo(0.00178, 12);
    expect(estimateCost({ usage, price: priceOf('no-such-model') })).toBeUndefined();
  });
});
