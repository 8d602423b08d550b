import { isRecord } from '../internal/is-record';

/** Longest body text parsed; a longer body is kept (cut) as text. */
export const MAX_ERROR_PARSE_LENGTH = 65_536;

export type ParsedErrorBody = {
  message: string | undefined;
  code: string | undefined;
  type: string | undefined;
  param: string | undefined;
  details: unknown[];
};

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function fromJson(json: unknown): ParsedErrorBody | undefined {
  if (!isRecord(json)) return undefined;
  const error = json.error;
  // Prompt errors: {"error":"Variable 'x' is ..."}.
  if (typeof error === 'string') {
    return { message: text(error), code: undefined, type: undefined, param: undefined, details: [] };
  }
  if (isRecord(error)) {
    // Google puts the HTTP status in `code` and the meaningful name in `status` (RESOURCE_EXHAUSTED).
    const googleStatus = typeof error.status === 'string' ? error.status : undefined;
    return {
      message: text(error.message),
      code: googleStatus ?? text(error.code),
      type: text(error.type),
      param: text(error.param),
      details: Array.isArray(error.details) ? error.details : [],
    };
  }
  // The legacy proxy's rate-limit body: {"message":"Helicone user was rate limit ..."}.
  if (typeof json.message === 'string') {
    return {
      message: text(json.message),
      code: text(json.code),
      type: text(json.type),
      param: undefined,
      details: [],
    };
  }
  return undefined;
}

/**
 * Reads every error body shape of HELICONE.md §3.2 and the providers': the AI Gateway's
 * `{success:false,error:{code,message,details,param}}`, `{error:{message,type,code,param}}` (OpenAI, Helicone docs,
 * Anthropic), Google's `{error:{code,message,status,details}}`, `{"error":"..."}`, `{"message":"..."}` and plain
 * text. Never throws.
 */
export function parseErrorBody(body: string): ParsedErrorBody {
  const trimmed = body.trim();
  const empty = { message: undefined, code: undefined, type: undefined, param: undefined, details: [] };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (trimmed.length > MAX_ERROR_PARSE_LENGTH) return empty;
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      // Cut or broken JSON: no message is better than a fragment of it.
      return empty;
    }
    return fromJson(json) ?? empty;
  }
  // Plain text (401 "Invalid Helicone API key", 405 ...). An HTML page says nothing worth a message.
  const isHtml = /^<(!doctype|html|head|body)\b/i.test(trimmed);
  return { ...empty, message: trimmed === '' || isHtml ? undefined : trimmed };
}
