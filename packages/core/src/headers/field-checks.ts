import { HELICONE_FIELDS, type WrittenKind } from './helicone-fields';
import {
  MAX_CACHE_BUCKET_SIZE,
  MAX_CACHE_MAX_AGE_SECONDS,
  MAX_RETRY_NUM,
  MAX_RETRY_TIMEOUT_MS,
} from './helicone-options';

/**
 * What a value must be, for `checkHeliconeOptions` and `fromHeliconeMetadata`: how it is written (`WrittenKind`),
 * or, for a field written as text, `integer` (a whole number from `min` to `max`), `decimal` (a number above 0),
 * `uuid` (the request id), `handler` (one of `TOKEN_LIMIT_EXCEPTION_HANDLERS`), `keys` (a list of JSON keys) or
 * `policy` (a rate-limit policy, an object or a string); a `max-age` has a range too.
 */
export type FieldKind = WrittenKind | 'integer' | 'decimal' | 'uuid' | 'handler' | 'keys' | 'policy';

/** One option with its check: `checkedFields` gives them all. */
export type HeliconeField = readonly [path: string, kind: FieldKind, min?: number, max?: number];

/** The fields whose values are checked as more than their written form, by path. */
export const FIELD_CHECKS: Readonly<Record<string, readonly [kind: FieldKind, min?: number, max?: number]>> =
  {
    requestId: ['uuid'],
    'cache.maxAge': ['max-age', 0, MAX_CACHE_MAX_AGE_SECONDS],
    'cache.bucketMaxSize': ['integer', 1, MAX_CACHE_BUCKET_SIZE],
    'cache.ignoreKeys': ['keys'],
    'retry.num': ['integer', 0, MAX_RETRY_NUM],
    'retry.factor': ['decimal'],
    'retry.minTimeout': ['integer', 0, MAX_RETRY_TIMEOUT_MS],
    'retry.maxTimeout': ['integer', 0, MAX_RETRY_TIMEOUT_MS],
    rateLimitPolicy: ['policy'],
    tokenLimitExceptionHandler: ['handler'],
  };

/** `HELICONE_FIELDS`, in its order, each with its check. */
export const checkedFields = (): HeliconeField[] =>
  HELICONE_FIELDS.map(([path, kind = 'text']) => [path, ...(FIELD_CHECKS[path] ?? [kind])]);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
