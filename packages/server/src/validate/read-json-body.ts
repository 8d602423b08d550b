import { errorResponse } from '../responses/error-response';
import { runtimeBodyOf } from '../upstream/runtime-fetch';
import type { Checked } from './body-result';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/** JSON in UTF-8: `application/json` or `application/*+json`, with no charset or `utf-8` (the body is read as UTF-8). */
function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const mediaType = value.split(';')[0]!.trim().toLowerCase();
  const isJson =
    mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
  if (!isJson) return false;
  const charset = CHARSET.exec(value)?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

function tooLarge(maxBytes: number): Response {
  return errorResponse(413, {
    message: `The request body is larger than this route accepts (${maxBytes} bytes).`,
    code: 'request_too_large',
  });
}

function timedOut(timeoutMs: number): Response {
  return errorResponse(408, {
    message: `The request body did not arrive within ${timeoutMs} ms.`,
    code: 'body_timeout',
  });
}

export type BodyLimits = { maxBytes: number; timeoutMs: number };

/**
 * Reads at most `maxBytes` of the body within `timeoutMs`; stops reading (and cancels the stream) as soon as it is
 * over either. A cancelled reader ends its pending read, so the timer needs no race per chunk.
 */
async function readLimited(
  request: Request,
  { maxBytes, timeoutMs }: BodyLimits,
): Promise<Uint8Array | 'too-large' | 'timeout'> {
  if (request.body === null) return new Uint8Array(0);
  const whole = runtimeBodyOf(request);
  if (whole !== undefined) return whole.byteLength > maxBytes ? 'too-large' : whole;
  const reader = request.body.getReader();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    reader.cancel().catch(() => undefined);
  }, timeoutMs);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (expired) return 'timeout';
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body as parsed JSON: 415 for another content type, 413 over `maxBytes`, 408 after `timeoutMs`, 400 for bytes that are not JSON or
 * that nest deeper than `MAX_JSON_DEPTH` (checked before parsing, so nothing downstream can recurse too deep).
 */
export async function readJsonBody(request: Request, limits: BodyLimits): Promise<Checked<unknown>> {
  const { maxBytes } = limits;
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return {
      ok: false,
      response: errorResponse(415, {
        message: 'The request body must be JSON in UTF-8 (Content-Type: application/json).',
        code: 'unsupported_media_type',
      }),
    };
  }
  const declaredLength = Number(request.headers.get('content-length'));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    return { ok: false, response: tooLarge(maxBytes) };
  }
  let bytes: Awaited<ReturnType<typeof readLimited>>;
  try {
    bytes = await readLimited(request, limits);
  } catch {
    return {
      ok: false,
      response: errorResponse(400, {
        message: 'The request body could not be read.',
        code: 'body_unreadable',
      }),
    };
  }
  if (bytes === 'too-large') return { ok: false, response: tooLarge(maxBytes) };
  if (bytes === 'timeout') return { ok: false, response: timedOut(limits.timeoutMs) };
  if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      response: errorResponse(400, {
        message: `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
        code: 'body_too_deep',
      }),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: errorResponse(400, {
        message: 'The request body is not valid JSON.',
        code: 'invalid_json',
      }),
    };
  }
}
