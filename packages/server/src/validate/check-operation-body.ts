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

/**
 * Validates a body and rewrites what the server owns: `model` in the gateway's form (after the allow-list), and
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

  const model = context.options.allowList.check(fields.model as string);
  if (!model.ok) {
    return {
      ok: false,
      response: errorResponse(400, {
        message: model.message,
        code: model.reason === 'invalid' ? 'invalid_model' : 'model_not_allowed',
        param: 'model',
      }),
    };
  }
  const rewritten: Record<string, unknown> = { ...fields, model: model.model };
  const { userId } = context.authorization;
  if (userId === undefined) delete rewritten.user;
  else rewritten.user = userId;
  return { ok: true, value: rewritten };
}
