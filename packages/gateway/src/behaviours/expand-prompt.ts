import type { PromptStore } from './prompt-store';

/** Helicone's template variables: `{{hc:name:type}}` (type optional, `string` by default). */
const variable = /\{\{\s*hc:([A-Za-z_][\w-]*)(?::(\w+))?\s*\}\}/g;

export const promptFields = ['prompt_id', 'inputs', 'environment', 'version_id'] as const;

export function hasPromptFields(body: Record<string, unknown>): boolean {
  return promptFields.some((field) => body[field] !== undefined);
}

function checkType(name: string, type: string, value: unknown): string | undefined {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const fail = `Variable '${name}' is '${type}' but got '${shown}'`;
  switch (type) {
    case 'number':
      return typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        ? undefined
        : fail;
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : fail;
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? undefined
        : fail;
    default:
      return undefined;
  }
}

function substitute(text: string, inputs: Record<string, unknown>, errors: string[]): string {
  return text.replace(variable, (whole, name: string, type = 'string') => {
    if (!(name in inputs)) return whole;
    const value = inputs[name];
    const error = checkType(name, type as string, value);
    if (error) errors.push(error);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

function expandValue(value: unknown, inputs: Record<string, unknown>, errors: string[]): unknown {
  if (typeof value === 'string') return substitute(value, inputs, errors);
  if (Array.isArray(value)) return value.map((entry) => expandValue(entry, inputs, errors));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, expandValue(entry, inputs, errors)]),
    );
  }
  return value;
}

/**
 * A chat body with Helicone's prompt fields made into a plain chat body (SimpleAIGateway `expandPrompt`): the
 * stored prompt's body with variables filled from `inputs`, the request's own fields on top, and the request's
 * `messages` (if any) after the prompt's. Errors are the real 400 messages.
 */
export function expandPrompt(
  store: PromptStore,
  body: Record<string, unknown>,
): { ok: true; body: Record<string, unknown>; promptId: string } | { ok: false; message: string } {
  const { prompt_id: promptId, inputs = {}, environment, version_id: versionId, ...rest } = body;
  if (typeof promptId !== 'string' || promptId === '')
    return { ok: false, message: 'prompt_id must be a non-empty string' };
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
    return { ok: false, message: 'inputs must be an object' };
  const version = store.resolve(
    promptId,
    typeof versionId === 'string' ? versionId : undefined,
    typeof environment === 'string' ? environment : undefined,
  );
  if (!version) return { ok: false, message: `Prompt ${promptId} not found` };
  const errors: string[] = [];
  const expanded = expandValue(version.promptBody, inputs as Record<string, unknown>, errors) as Record<
    string,
    unknown
  >;
  if (errors.length > 0) return { ok: false, message: errors[0] as string };
  const promptMessages: unknown[] = Array.isArray(expanded.messages) ? (expanded.messages as unknown[]) : [];
  const ownMessages: unknown[] = Array.isArray(rest.messages) ? (rest.messages as unknown[]) : [];
  return {
    ok: true,
    body: { ...expanded, ...rest, messages: [...promptMessages, ...ownMessages] },
    promptId,
  };
}
