import type { z } from 'zod';
import { errorResponse } from '../responses/error-response';

/** `['messages', 0, 'role']` → `messages[0].role`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** A 400 naming the first problem the schema found, the way OpenAI names a bad `param`. */
export function invalidBodyResponse(error: z.ZodError): Response {
  const issue = error.issues[0];
  const param = issue === undefined || issue.path.length === 0 ? null : formatPath(issue.path);
  const detail = issue?.message ?? 'the body does not match the schema';
  return errorResponse(400, {
    message:
      param === null ? `Invalid request body: ${detail}.` : `Invalid request body: ${param}: ${detail}.`,
    code: 'invalid_body',
    param,
  });
}
