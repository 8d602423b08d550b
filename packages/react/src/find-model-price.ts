import { parseModel, type ModelPrice } from '@helicone-kit/core';
import type { ModelInfo } from './model-info';

export type PricedAnswer = { requestedModel: string; model?: string; provider?: string };

/**
 * The price of an answer from the route's model list: the model that served it when the list has it, else
 * the requested model string (each entry of a fallback list, with and without its provider).
 */
export function findModelPrice(
  models: readonly ModelInfo[] | undefined,
  answer: PricedAnswer,
): ModelPrice | undefined {
  if (!models || models.length === 0) return undefined;
  const candidates: string[] = [];
  if (answer.model) candidates.push(answer.model);
  candidates.push(answer.requestedModel);
  try {
    for (const target of parseModel(answer.requestedModel).targets) {
      if (target.provider) candidates.push(`${target.name}/${target.provider}`);
      candidates.push(target.name);
    }
  } catch {
    // Not a model string the grammar reads: only the exact text is looked up.
  }
  for (const candidate of candidates) {
    const found = models.find((model) => model.id === candidate);
    if (found?.pricing) return found.pricing;
  }
  return undefined;
}
