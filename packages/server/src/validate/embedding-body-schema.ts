import { z } from 'zod';

const tokens = z.array(z.int());

/** An embeddings body (`POST /v1/embeddings`). */
export const embeddingBodySchema = z.looseObject({
  model: z.string(),
  input: z.union([z.string(), z.array(z.string()).min(1), tokens.min(1), z.array(tokens).min(1)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.int().min(1).optional(),
});
