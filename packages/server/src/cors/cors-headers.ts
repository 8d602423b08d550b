/** Response headers a browser script may read: what the chat client needs about each call. */
export const EXPOSED_HEADERS = [
  'Helicone-Id',
  'Helicone-Cache',
  'Helicone-Cache-Bucket-Idx',
  'Helicone-Cache-Latency',
  'Helicone-Provider',
  'Helicone-Model',
  'Helicone-Status',
  'Helicone-RateLimit-Limit',
  'Helicone-RateLimit-Remaining',
  'Helicone-RateLimit-Policy',
  'Helicone-RateLimit-Reset',
  'Retry-After',
  'Retry-After-Ms',
] as const;

const exposedHeaderList = EXPOSED_HEADERS.join(', ');

/** Adds the CORS headers of an allowed cross-site origin (and the expose list, which same-origin reads ignore). */
export function applyCorsHeaders(headers: Headers, origin: string | undefined): void {
  headers.set('Access-Control-Expose-Headers', exposedHeaderList);
  if (origin === undefined) return;
  headers.set('Access-Control-Allow-Origin', origin);
  // Listed origins only (never `*`), so cookie-based `authorize` works across sites.
  headers.set('Access-Control-Allow-Credentials', 'true');
  headers.append('Vary', 'Origin');
}
