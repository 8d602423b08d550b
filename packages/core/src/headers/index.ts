export { formatRateLimitPolicy } from './format-rate-limit-policy';
export { fromHeliconeMetadata } from './from-helicone-metadata';
export type { HeliconeMetadataInput } from './from-helicone-metadata';
export { HELICONE_PROPERTY_PREFIX, HELICONE_REQUEST_HEADERS, isHeliconeHeaderName } from './header-names';
export { UTF8_VALUE_PREFIX } from './encode-header-text';
export { MAX_HEADER_VALUE_LENGTH, MAX_PROPERTY_NAME_LENGTH } from './header-value';
export type {
  HeliconeCacheOptions,
  HeliconeOptions,
  HeliconeRetryOptions,
  TokenLimitExceptionHandler,
} from './helicone-options';
export { parseRateLimitPolicy } from './parse-rate-limit-policy';
export type { RateLimitPolicy } from './rate-limit-policy';
export { toHeliconeHeaders } from './to-helicone-headers';
