const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Deepest nesting of arrays and objects a request body may have. OpenAI bodies nest a handful of levels (a tool's
 * JSON schema a few more); the cap keeps `JSON.stringify` and every recursive reader far from the stack limit,
 * which about 10,000 levels (20 KB of brackets) would reach.
 */
export const MAX_JSON_DEPTH = 128;

/**
 * Whether the JSON text in `bytes` nests arrays or objects deeper than `maxDepth`, found by one pass over the
 * bytes before anything parses them. Brackets inside strings (escapes included) do not count. UTF-8 continuation
 * bytes are never ASCII, so a byte scan cannot mistake them for brackets or quotes.
 */
export function nestsDeeperThan(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return false;
}
