import { errorResponse } from '../responses/error-response';
import type { Checked } from './body-result';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const mediaType = value.split(';')[0]!.trim().toLowerCase();
  return (
    mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'))
  );
}

function tooLarge(maxBytes: number): Response {
  return errorResponse(413, {
    message: `The request body is larger than this route accepts (${maxBytes} bytes).`,
    code: 'request_too_large',
  });
}

/** Reads at most `maxBytes` of the body; stops reading (and cancels the stream) as soon as it is over. */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body as parsed JSON: 415 for another content type, 413 over `maxBytes`, 400 for bytes that are not JSON or
 * that nest deeper than `MAX_JSON_DEPTH` (checked before parsing, so nothing downstream can recurse too deep).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<Checked<unknown>> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return {
      ok: false,
      response: errorResponse(415, {
        message: 'The request body must be JSON (Content-Type: application/json).',
        code: 'unsupported_media_type',
      }),
    };
  }
  const declaredLength = Number(request.headers.get('content-length'));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    return { ok: false, response: tooLarge(maxBytes) };
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readLimited(request, maxBytes);
  } catch {
    return {
      ok: false,
      response: errorResponse(400, {
        message: 'The request body could not be read.',
        code: 'body_unreadable',
      }),
    };
  }
  if (bytes === undefined) return { ok: false, response: tooLarge(maxBytes) };
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
