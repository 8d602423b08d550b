/**
 * How a field is written: `text` as text (free text `UTF-8''`-encoded when it is not printable ASCII; a list, the
 * cache's ignore-keys, comma-separated; an object, the rate-limit policy, in its normalized form), `flag` a switch
 * (`true`, left out when off), `max-age` the cache max-age in `Cache-Control`. What a value must be beyond that (a
 * range, a UUID, a list of keys, a policy) is in `FIELD_CHECKS`, which only the checking side carries.
 */
export type WrittenKind = 'text' | 'flag' | 'max-age';

/**
 * One option, by its path in `HeliconeOptions` (`cache.seed`), and how it is written (`text` when not given);
 * `headerOf(path)` names its header.
 */
export type WrittenField = readonly [path: string, kind?: WrittenKind];

/**
 * Every option of `HeliconeOptions` but the properties, the one table of the codec: `encodeHeliconeHeaders` writes
 * them in this order (`toHeliconeHeaders` after `checkHeliconeOptions`, which adds `FIELD_CHECKS`), and
 * `fromHeliconeMetadata` reads them back. The switches of a group (`llmSecurity.enabled` stands for
 * `llmSecurity: true`) are listed in `SWITCHES`, and come before its other fields here.
 */
export const HELICONE_FIELDS: readonly WrittenField[] = [
  ['userId'],
  ['session.id'],
  ['session.path'],
  ['session.name'],
  ['promptId'],
  ['requestId'],
  ['cache.enabled', 'flag'],
  ['cache.save', 'flag'],
  ['cache.read', 'flag'],
  ['cache.maxAge', 'max-age'],
  ['cache.bucketMaxSize'],
  ['cache.seed'],
  ['cache.ignoreKeys'],
  ['retry.enabled', 'flag'],
  ['retry.num'],
  ['retry.factor'],
  ['retry.minTimeout'],
  ['retry.maxTimeout'],
  ['rateLimitPolicy'],
  ['omitRequest', 'flag'],
  ['omitResponse', 'flag'],
  ['moderations', 'flag'],
  ['llmSecurity.enabled', 'flag'],
  ['llmSecurity.advanced', 'flag'],
  ['tokenLimitExceptionHandler'],
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

/** True for a field of a group none of whose switches is on (truthy) in `values`, which are by path. */
export function isSwitchedOff(path: string, values: Readonly<Record<string, unknown>>): boolean {
  const switches = SWITCHES[path.split('.')[0]!];
  return switches !== undefined && !switches.some((switchPath) => values[switchPath]);
}
