import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

function bearer(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return undefined;
  const match = /^\s*Bearer\s+(.+?)\s*$/i.exec(text);
  return match ? match[1] : text.trim();
}

/** The Helicone key of a request: `Helicone-Auth` first, then `Authorization` (HELICONE.md §1.2). */
export function requestApiKey(headers: IncomingHttpHeaders): string | undefined {
  return bearer(headers['helicone-auth']) ?? bearer(headers.authorization);
}

export function isApiKeyValid(headers: IncomingHttpHeaders, expected: string): boolean {
  const given = Buffer.from(requestApiKey(headers) ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
