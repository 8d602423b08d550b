import { describe, expect, it } from 'vitest';
import { findModel } from './catalogue';
import { aliases, models } from './models';

describe('model catalogue', () => {
  it('holds at least 20 Helicone registry ids, several per main provider, and no duplicates', () => {
    const registry = models.filter((model) => model.inRegistry);
    expect(registry.length).toBeGreaterThanOrEqual(20);
    expect(new Set(models.map((model) => model.id)).size).toBe(models.length);
    const perProvider = new Map<string, number>();
    for (const model of registry) {
      for (const endpoint of model.endpoints)
        perProvider.set(endpoint.provider, (perProvider.get(endpoint.provider) ?? 0) + 1);
    }
    for (const provider of [
      'openai',
      'anthropic',
      'vertex',
      'bedrock',
      'google-ai-studio',
      'openrouter',
      'azure',
      'groq',
      'xai',
    ]) {
      expect(perProvider.get(provider) ?? 0, provider).toBeGreaterThanOrEqual(2);
    }
  });

  it('resolves every alias of HELICONE.md §1.4', () => {
    expect(aliases).toEqual({
      'gemini-1.5-flash': 'gemini-2.5-flash-lite',
      'claude-3.5-sonnet': 'claude-3.5-sonnet-v2',
      'claude-3.5-sonnet-20240620': 'claude-3.5-sonnet-v2',
      'deepseek-r1': 'deepseek-reasoner',
      'kimi-k2': 'kimi-k2-0905',
      'kimi-k2-instruct': 'kimi-k2-0905',
    });
    for (const [alias, target] of Object.entries(aliases)) expect(findModel(alias)?.id).toBe(target);
  });

  it('lists embedding models with their real dimensions', () => {
    expect(findModel('text-embedding-3-small')).toMatchObject({ kind: 'embedding', dimensions: 1536 });
    expect(findModel('text-embedding-3-large')).toMatchObject({ kind: 'embedding', dimensions: 3072 });
    expect(findModel('text-embedding-ada-002')).toMatchObject({ kind: 'embedding', dimensions: 1536 });
  });

  it('keeps the registry excerpt’s facts for claude-opus-4-1', () => {
    expect(findModel('claude-opus-4-1')).toMatchObject({
      contextLength: 200000,
      maxOutput: 32000,
      endpoints: expect.arrayContaining([
        { provider: 'anthropic', providerModelId: 'claude-opus-4-1-20250805' },
        { provider: 'vertex', providerModelId: 'claude-opus-4-1@20250805' },
      ]),
    });
  });
});
