import { HELICONE_REQUEST_HEADERS as H } from './header-names';
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

/** One option, by its path in `HeliconeOptions` (`cache.seed`), and the header it travels in. */
export type HeliconeField = readonly [
  path: string,
  header: string,
  kind: FieldKind,
  min?: number,
  max?: number,
];

/**
 * Every option of `HeliconeOptions` but the properties: `toHeliconeHeaders` writes them in this order and
 * `fromHeliconeMetadata` reads them back. The switches of a group (`llmSecurity.enabled` stands for
 * `llmSecurity: true`) are listed in `SWITCHES`.
 */
export const HELICONE_FIELDS: readonly HeliconeField[] = [
  ['userId', H.userId, 'text'],
  ['session.id', H.sessionId, 'text'],
  ['session.path', H.sessionPath, 'text'],
  ['session.name', H.sessionName, 'text'],
  ['promptId', H.promptId, 'text'],
  ['requestId', H.requestId, 'uuid'],
  ['cache.enabled', H.cacheEnabled, 'flag'],
  ['cache.save', H.cacheSave, 'flag'],
  ['cache.read', H.cacheRead, 'flag'],
  ['cache.maxAge', H.cacheControl, 'max-age', 0, MAX_CACHE_MAX_AGE_SECONDS],
  ['cache.bucketMaxSize', H.cacheBucketMaxSize, 'integer', 1, MAX_CACHE_BUCKET_SIZE],
  ['cache.seed', H.cacheSeed, 'text'],
  ['cache.ignoreKeys', H.cacheIgnoreKeys, 'keys'],
  ['retry.enabled', H.retryEnabled, 'flag'],
  ['retry.num', H.retryNum, 'integer', 0, MAX_RETRY_NUM],
  ['retry.factor', H.retryFactor, 'decimal'],
  ['retry.minTimeout', H.retryMinTimeout, 'integer', 0, MAX_RETRY_TIMEOUT_MS],
  ['retry.maxTimeout', H.retryMaxTimeout, 'integer', 0, MAX_RETRY_TIMEOUT_MS],
  ['rateLimitPolicy', H.rateLimitPolicy, 'policy'],
  ['omitRequest', H.omitRequest, 'flag'],
  ['omitResponse', H.omitResponse, 'flag'],
  ['moderations', H.moderationsEnabled, 'flag'],
  ['llmSecurity.enabled', H.llmSecurityEnabled, 'flag'],
  ['llmSecurity.advanced', H.llmSecurityAdvanced, 'flag'],
  ['tokenLimitExceptionHandler', H.tokenLimitExceptionHandler, 'handler'],
];

/** Other spellings of a header (lower-cased) and the real name: the seed documentation's, and a legacy one. */
export const HEADER_ALIASES: Readonly<Record<string, string>> = {
  'helicone-rate-limit-policy': H.rateLimitPolicy,
  'helicone-prompt-security-enabled': H.llmSecurityEnabled,
};

/** The switches of each group: its other fields mean nothing to the gateway while none of them is on. */
const SWITCHES: Readonly<Record<string, readonly string[]>> = {
  cache: ['cache.enabled', 'cache.save', 'cache.read'],
  retry: ['retry.enabled'],
  llmSecurity: ['llmSecurity.enabled'],
};

/** True for a field of a group none of whose switches `isOn`. */
export function isSwitchedOff(path: string, isOn: (switchPath: string) => boolean): boolean {
  const switches = SWITCHES[path.split('.')[0]!];
  return switches !== undefined && !switches.some(isOn);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
