import { HELICONE_REQUEST_HEADERS } from './header-names';
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

type HeaderKey = keyof typeof HELICONE_REQUEST_HEADERS;

/**
 * One option, by its path in `HeliconeOptions` (`cache.seed`), and the header it travels in, by its key in
 * `HELICONE_REQUEST_HEADERS`: plain strings, so that a bundle that does not use the table can drop it.
 */
export type HeliconeField = readonly [
  path: string,
  header: HeaderKey,
  kind: FieldKind,
  min?: number,
  max?: number,
];

/**
 * Every option of `HeliconeOptions` but the properties, the one table of the codec: `encodeHeliconeHeaders` writes
 * them in this order (`toHeliconeHeaders` after `checkHeliconeOptions`), and `fromHeliconeMetadata` reads them back. The switches of a group (`llmSecurity.enabled` stands for
 * `llmSecurity: true`) are listed in `SWITCHES`.
 */
export const HELICONE_FIELDS: readonly HeliconeField[] = [
  ['userId', 'userId', 'text'],
  ['session.id', 'sessionId', 'text'],
  ['session.path', 'sessionPath', 'text'],
  ['session.name', 'sessionName', 'text'],
  ['promptId', 'promptId', 'text'],
  ['requestId', 'requestId', 'uuid'],
  ['cache.enabled', 'cacheEnabled', 'flag'],
  ['cache.save', 'cacheSave', 'flag'],
  ['cache.read', 'cacheRead', 'flag'],
  ['cache.maxAge', 'cacheControl', 'max-age', 0, MAX_CACHE_MAX_AGE_SECONDS],
  ['cache.bucketMaxSize', 'cacheBucketMaxSize', 'integer', 1, MAX_CACHE_BUCKET_SIZE],
  ['cache.seed', 'cacheSeed', 'text'],
  ['cache.ignoreKeys', 'cacheIgnoreKeys', 'keys'],
  ['retry.enabled', 'retryEnabled', 'flag'],
  ['retry.num', 'retryNum', 'integer', 0, MAX_RETRY_NUM],
  ['retry.factor', 'retryFactor', 'decimal'],
  ['retry.minTimeout', 'retryMinTimeout', 'integer', 0, MAX_RETRY_TIMEOUT_MS],
  ['retry.maxTimeout', 'retryMaxTimeout', 'integer', 0, MAX_RETRY_TIMEOUT_MS],
  ['rateLimitPolicy', 'rateLimitPolicy', 'policy'],
  ['omitRequest', 'omitRequest', 'flag'],
  ['omitResponse', 'omitResponse', 'flag'],
  ['moderations', 'moderationsEnabled', 'flag'],
  ['llmSecurity.enabled', 'llmSecurityEnabled', 'flag'],
  ['llmSecurity.advanced', 'llmSecurityAdvanced', 'flag'],
  ['tokenLimitExceptionHandler', 'tokenLimitExceptionHandler', 'handler'],
];

/** Other spellings of a header (lower-cased) and the real one: the seed documentation's, and a legacy one. */
const HEADER_ALIASES: Readonly<Record<string, HeaderKey>> = {
  'helicone-rate-limit-policy': 'rateLimitPolicy',
  'helicone-prompt-security-enabled': 'llmSecurityEnabled',
};

/** The real name of a header written another way, or `undefined`. */
export const unaliasedHeader = (name: string): string | undefined => {
  const key = HEADER_ALIASES[name.toLowerCase()];
  return key && HELICONE_REQUEST_HEADERS[key];
};

/**
 * The switches of each group: its other fields mean nothing to the gateway while none of them is on, and are
 * neither read nor written then. Retry is not listed: its settings are kept and written without
 * `Helicone-Retry-Enabled` (the seed's `helicone-retry-num` alone), and the gateway ignores them as Helicone does.
 */
const SWITCHES: Readonly<Record<string, readonly string[]>> = {
  cache: ['cache.enabled', 'cache.save', 'cache.read'],
  llmSecurity: ['llmSecurity.enabled'],
};

export const headerOf = (field: HeliconeField): string => HELICONE_REQUEST_HEADERS[field[1]];

/** True for a field of a group none of whose switches `isOn`. */
export function isSwitchedOff(path: string, isOn: (switchPath: string) => boolean): boolean {
  const switches = SWITCHES[path.split('.')[0]!];
  return switches !== undefined && !switches.some(isOn);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
