import type { ClientMay } from '../options/handler-options';

export type ResolvedClientMay = {
  /** Lower-cased property names, or `'*'`. */
  properties: ReadonlySet<string> | '*';
  session: boolean;
  cache: boolean;
  retry: boolean;
  promptId: boolean;
  rateLimitPolicy: boolean;
  plugins: boolean;
};

/**
 * The default lets a browser attribute its calls (session id, path and name) and nothing that could raise the
 * bill, bypass a limit, read another user's cached answer or forge the data the app segments by.
 */
export function resolveClientMay(clientMay: ClientMay | undefined): ResolvedClientMay {
  const properties = clientMay?.properties ?? [];
  return {
    properties: properties === '*' ? '*' : new Set(properties.map((name) => name.toLowerCase())),
    session: clientMay?.session ?? true,
    cache: clientMay?.cache ?? false,
    retry: clientMay?.retry ?? false,
    promptId: clientMay?.promptId ?? false,
    rateLimitPolicy: clientMay?.rateLimitPolicy ?? false,
    plugins: clientMay?.plugins ?? false,
  };
}

const PROPERTY_PREFIX = 'helicone-property-';
const SESSION = new Set(['helicone-session-id', 'helicone-session-path', 'helicone-session-name']);
const RETRY = new Set([
  'helicone-retry-enabled',
  'helicone-retry-num',
  'helicone-retry-factor',
  'helicone-retry-min-timeout',
  'helicone-retry-max-timeout',
]);
const RATE_LIMIT_POLICY = new Set(['helicone-ratelimit-policy', 'helicone-rate-limit-policy']);

/** Whether a browser may send this request header (a lower-cased name, as `Headers` gives it). */
export function clientMaySend(name: string, clientMay: ResolvedClientMay): boolean {
  if (name.startsWith(PROPERTY_PREFIX)) {
    const property = name.slice(PROPERTY_PREFIX.length);
    return clientMay.properties === '*' ? property !== '' : clientMay.properties.has(property);
  }
  if (SESSION.has(name)) return clientMay.session;
  if (name === 'helicone-cache-enabled') return clientMay.cache;
  if (RETRY.has(name)) return clientMay.retry;
  if (name === 'helicone-prompt-id') return clientMay.promptId;
  if (RATE_LIMIT_POLICY.has(name)) return clientMay.rateLimitPolicy;
  return false;
}

/** The browser's `Helicone-*` headers that `clientMay` lets through, as a record `fromHeliconeMetadata` reads. */
export function pickClientHeliconeHeaders(
  headers: Headers,
  clientMay: ResolvedClientMay,
): Record<string, string> {
  const picked: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.startsWith('helicone-') && clientMaySend(name, clientMay)) picked[name] = value;
  });
  return picked;
}
