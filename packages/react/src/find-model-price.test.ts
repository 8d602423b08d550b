import { describe, expect, it } from 'vitest';
import { findModelPrice } from './find-model-price';
import type { ModelInfo } from '@helicone-kit/core';

const model = (id: string, input: number, output: number): ModelInfo => ({
  id,
  object: 'model',
  created: 0,
  owned_by: 'test',
  name: id,
  providers: ['openai'],
  pricing: { input, output, source: 'registry' },
});
const models = [
  model('gpt-4o-mini', 0.15, 0.6),
  model('claude-3.5-haiku', 0.8, 4),
  model('gpt-4o/azure', 2.5, 10),
];

describe('findModelPrice', () => {
  it('prefers the model that served the answer', () => {
    expect(
      findModelPrice(models, { requestedModel: 'gpt-4o-mini,claude-3.5-haiku', model: 'claude-3.5-haiku' }),
    ).toMatchObject({ input: 0.8, output: 4 });
  });

  it('reads a fallback list: exclusions skipped, providers and :online tried with and without', () => {
    expect(
      findModelPrice(models, { requestedModel: '!openai,no-such-model,claude-3.5-haiku/anthropic' }),
    ).toMatchObject({ input: 0.8 });
    expect(findModelPrice(models, { requestedModel: 'helicone/gpt-4o-mini:online' })).toMatchObject({
      input: 0.15,
    });
    expect(findModelPrice(models, { requestedModel: 'gpt-4o/azure' })).toMatchObject({ input: 2.5 });
  });

  it('is undefined (never $0) when the model is not listed, unpriced, or the list is not loaded', () => {
    expect(findModelPrice(models, { requestedModel: 'no-such-model' })).toBeUndefined();
    expect(
      findModelPrice([{ ...model('free', 0, 0), pricing: undefined }], { requestedModel: 'free' }),
    ).toBeUndefined();
    expect(findModelPrice(undefined, { requestedModel: 'gpt-4o-mini' })).toBeUndefined();
  });
});
