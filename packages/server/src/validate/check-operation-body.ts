import type { z } from 'zod';
import { errorResponse } from '../responses/error-response';
import type { RequestContext } from '../routing/request-context';
import type { Checked } from './body-result';
import { chatBodySchema } from './chat-body-schema';
import { completionBodySchema } from './completion-body-schema';
import { invalidBodyResponse } from './describe-issue';
import { embeddingBodySchema } from './embedding-body-schema';

export type OperationName = 'chat' | 'completions' | 'embeddings';

const chatSchemas = new Map<number, ReturnType<typeof chatBodySchema>>();

function schemaFor(operation: OperationName, maxMessages: number): z.ZodType {
  if (operation === 'completions') return completionBodySchema;
  if (operation === 'embeddings') return embeddingBodySchema;
  let schema = chatSchemas.get(maxMessages);
  if (schema === undefined) {
    schema = chatBodySchema(maxMessages);
    chatSchemas.set(maxMessages, schema);
  }
  return schema;
}

const MODEL_CODES = {
  invalid: 'invalid_model',
  'too-many': 'too_many_models',
  'not-allowed': 'model_not_allowed',
} as const;

/** Fields that multiply what one call generates (and costs): capped by `limits.maxChoices`. */
const CHOICE_FIELDS = ['n', 'best_of'] as const;

/**
 * Validates a body and rewrites what the server owns: `model` in the gateway's form (after the allow-list and at
 * most 16 entries), `n` and `best_of` at most `limits.maxChoices`, `plugins` dropped unless `clientMay.plugins`, and
 * `user` set to the authorized user id or removed. Every other field is kept as sent.
 */
export function checkOperationBody(
  operation: OperationName,
  body: unknown,
  context: RequestContext,
): Checked<Record<string, unknown>> {
  const parsed = schemaFor(operation, context.options.maxMessages).safeParse(body);
  if (!parsed.success) return { ok: false, response: invalidBodyResponse(parsed.error) };
  const fields = body as Record<string, unknown>;

  const { options } = context;
  for (const param of CHOICE_FIELDS) {
    const choices = fields[param];
    if (typeof choices === 'number' && choices > options.maxChoices) {
      return {
        ok: false,
        response: errorResponse(400, {
          message: `${param} may be at most ${options.maxChoices} on this route.`,
          code: 'too_many_choices',
          param,
        }),
      };
    }
  }

  const model = options.allowList.check(fields.model as string);
  if (!model.ok) {
    return {
      ok: false,
      response: errorResponse(400, {
        message: model.message,
        code: MODEL_CODES[model.reason],
        param: 'model',
      }),
    };
  }
  const rewritten: Record<string, unknown> = { ...fields, model: model.model };
  // Helicone's `plugins` (web search, ...) add cost per call: the browser's are dropped unless the app allows them.
  if (!options.clientMay.plugins) delete rewritten.plugins;
  const { userId } = context.authorization;
  if (userId === undefined) delete rewritten.user;
  else rewritten.user = userId;
  return { ok: true, value: rewritten };
}
