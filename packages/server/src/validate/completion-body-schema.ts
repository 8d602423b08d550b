import { z } from 'zod';

const tokens = z.array(z.int());

/** A legacy text-completion body (`POST /v1/completions`). */
export const completionBodySchema = z.looseObject({
  model: z.string(),
  prompt: z.union([z.string(), z.array(z.string()), tokens, z.array(tokens)]).optional(),
  stream: z.boolean().nullish(),
  n: z.int().min(1).max(128).nullish(),
  best_of: z.int().min(1).max(128).nullish(),
  max_tokens: z.int().min(0).nullish(),
});
