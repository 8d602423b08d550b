export type OriginDecision =
  /** Not a cross-site browser call: same origin, a navigation, or a client that is not a browser. */
  | { kind: 'same-origin' }
  /** A cross-site call from an origin `allowedOrigins` lists: answer with CORS headers for it. */
  | { kind: 'allowed'; origin: string }
  | { kind: 'refused'; origin: string | undefined };

export type OriginAllowed = (origin: string) => boolean;

/**
 * Browsers send `Sec-Fetch-Site` (all current ones) and `Origin` (on every cross-origin and every POST fetch);
 * other clients (server code, SDKs, curl) send neither and are not a cross-site browser request.
 */
export function decideOrigin(request: Request, allowed: OriginAllowed): OriginDecision {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin') ?? undefined;
  if (site === 'same-origin' || site === 'none') return { kind: 'same-origin' };
  if (site === null) {
    if (origin === undefined) return { kind: 'same-origin' };
    if (origin === new URL(request.url).origin) return { kind: 'same-origin' };
  }
  if (origin !== undefined && origin !== 'null' && allowed(origin)) return { kind: 'allowed', origin };
  return { kind: 'refused', origin };
}

/** `allowedOrigins` as a predicate; strings are compared as origins (`https://app.example.com`). */
export function toOriginAllowed(
  allowedOrigins: readonly string[] | ((origin: string) => boolean) | undefined,
): OriginAllowed {
  if (allowedOrigins === undefined) return () => false;
  if (typeof allowedOrigins === 'function') return allowedOrigins;
  const origins = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  return (origin) => origins.has(origin.toLowerCase());
}
