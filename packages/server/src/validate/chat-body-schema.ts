import { z } from 'zod';

const role = z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
const message = z.looseObject({ role });

/**
 * An OpenAI chat body. Only the fields the route relies on are checked; every other field passes to the
 * gateway as sent. Helicone's prompt fields (`prompt_id`, `inputs`, `environment`, `version_id`) may stand
 * in for `messages` (HELICONE.md §4.4).
 */
export function chatBodySchema(maxMessages: number) {
  return z
    .looseObject({
      model: z.string(),
      messages: z.array(message).min(1).max(maxMessages).optional(),
      stream: z.boolean().nullish(),
      stream_options: z.looseObject({}).nullish(),
      n: z.int().min(1).max(128).nullish(),
      max_tokens: z.int().min(1).nullish(),
      max_completion_tokens: z.int().min(1).nullish(),
      prompt_id: z.string().min(1).optional(),
      inputs: z.record(z.string(), z.unknown()).optional(),
      environment: z.string().min(1).optional(),
      version_id: z.string().min(1).optional(),
    })
    .refine((body) => body.messages !== undefined || body.prompt_id !== undefined, {
      message: 'either messages or prompt_id is required',
      path: ['messages'],
    });
}
