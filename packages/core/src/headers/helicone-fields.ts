import {
  MAX_CACHE_BUCKET_SIZE,
  MAX_CACHE_MAX_AGE_SECONDS,
  MAX_RETRY_NUM,
  MAX_RETRY_TIMEOUT_MS,
} from './helicone-options';

/**
 * How a field travels: `text` is free text (`UTF-8''`-encoded when it is not printable ASCII), `flag` a switch
 * (`true`), `integer` a whole number from `min` to `max`, `max-age` the cache max-age in `Cache-Control`, `decimal`
 * a number above 0, `uuid` the request id, `keys` a comma-separated list, `policy` a rate-limit policy, and
 * `handler` one of `TOKEN_LIMIT_EXCEPTION_HANDLERS`.
 */
export type FieldKind =
  'text' | 'flag' | 'integer' | 'max-age' | 'decimal' | 'uuid' | 'keys' | 'policy' | 'handler';

/** One option, by its path in `HeliconeOptions` (`cache.seed`); `headerOf(path)` names its header. */
export type HeliconeField = readonly [path: string, kind: FieldKind, min?: number, max?: number];

/**
 * Every option of `HeliconeOptions` but the properties, the one table of the codec: `encodeHeliconeHeaders` writes
 * them in this order (`toHeliconeHeaders` after `checkHeliconeOptions`), and `fromHeliconeMetadata` reads them back. The switches of a group (`llmSecurity.enabled` stands for
 * `llmSecurity: true`) are listed in `SWITCHES`.
 */
export const HELICONE_FIELDS: readonly HeliconeField[] = [
  ['userId', 'text'],
  ['session.id', 'text'],
  ['session.path', 'text'],
  ['session.name', 'text'],
  ['promptId', 'text'],
  ['requestId', 'uuid'],
  ['cache.enabled', 'flag'],
  ['cache.save', 'flag'],
  ['cache.read', 'flag'],
  ['cache.maxAge', 'max-age', 0, MAX_CACHE_MAX_AGE_SECONDS],
  ['cache.bucketMaxSize', 'integer', 1, MAX_CACHE_BUCKET_SIZE],
  ['cache.seed', 'text'],
  ['cache.ignoreKeys', 'keys'],
  ['retry.enabled', 'flag'],
  ['retry.num', 'integer', 0, MAX_RETRY_NUM],
  ['retry.factor', 'decimal'],
  ['retry.minTimeout', 'integer', 0, MAX_RETRY_TIMEOUT_MS],
  ['retry.maxTimeout', 'integer', 0, MAX_RETRY_TIMEOUT_MS],
  ['rateLimitPolicy', 'policy'],
  ['omitRequest', 'flag'],
  ['omitResponse', 'flag'],
  ['moderations', 'flag'],
  ['llmSecurity.enabled', 'flag'],
  ['llmSecurity.advanced', 'flag'],
  ['tokenLimitExceptionHandler', 'handler'],
];

/** The headers whose names do not follow from their field's path, lower-cased. */
const NAMED: Readonly<Record<string, string>> = {
  'cache.maxAge': 'cache-control',
  rateLimitPolicy: 'helicone-ratelimit-policy',
  moderations: 'helicone-moderations-enabled',
};

/**
 * The header of a field, lower-cased (HTTP names are case-insensitive, and `Headers` lower-cases them anyway):
 * `cache.bucketMaxSize` travels in `helicone-cache-bucket-max-size`. `HELICONE_REQUEST_HEADERS` has the canonical
 * spellings (a test checks that they are these names).
 */
export const headerOf = (path: string): string =>
  NAMED[path] ?? `helicone-${path.replace(/\.|(?=[A-Z])/g, '-')}`.toLowerCase();

/** Other spellings of a header (lower-cased) and the real one: the seed documentation's, and a legacy one. */
const HEADER_ALIASES: Readonly<Record<string, string>> = {
  'helicone-rate-limit-policy': 'helicone-ratelimit-policy',
  'helicone-prompt-security-enabled': 'helicone-llm-security-enabled',
};

/** The real name (lower-cased) of a header written another way, or `undefined`. */
export const unaliasedHeader = (name: string): string | undefined => HEADER_ALIASES[name.toLowerCase()];

/**
 * The switches of each group: its other fields mean nothing to the gateway while none of them is on, and are
 * neither read nor written then. Retry is not listed: its settings are kept and written without
 * `Helicone-Retry-Enabled` (the seed's `helicone-retry-num` alone), and the gateway ignores them as Helicone does.
 */
const SWITCHES: Readonly<Record<string, readonly string[]>> = {
  cache: ['cache.enabled', 'cache.save', 'cache.read'],
  llmSecurity: ['llmSecurity.enabled'],
};

/** True for a field of a group none of whose switches `isOn`. */
export function isSwitchedOff(path: string, isOn: (switchPath: string) => boolean): boolean {
  const switches = SWITCHES[path.split('.')[0]!];
  return switches !== undefined && !switches.some(isOn);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
