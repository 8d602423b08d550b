import { describe, expect, it } from 'vitest';
import { FIELD_CHECKS } from './field-checks';
import { canonicalHeaderName, HELICONE_REQUEST_HEADERS } from './header-names';
import { headerOf, HELICONE_FIELDS, unaliasedHeader } from './helicone-fields';

describe('the header of each field', () => {
  it('is, lower-cased, the canonical name of HELICONE_REQUEST_HEADERS: one each, in the same order', () => {
    expect(HELICONE_FIELDS.map(([path]) => headerOf(path))).toEqual(
      Object.values(HELICONE_REQUEST_HEADERS).map((name) => name.toLowerCase()),
    );
  });

  it('follows from the path, but for the three that do not', () => {
    expect(headerOf('cache.bucketMaxSize')).toBe('helicone-cache-bucket-max-size');
    expect(headerOf('llmSecurity.enabled')).toBe('helicone-llm-security-enabled');
    expect(headerOf('cache.maxAge')).toBe('cache-control');
    expect(headerOf('rateLimitPolicy')).toBe('helicone-ratelimit-policy');
    expect(headerOf('moderations')).toBe('helicone-moderations-enabled');
  });

  it('has its canonical spelling back from canonicalHeaderName, as has the prefix of a property; other names stay as given', () => {
    expect(canonicalHeaderName('helicone-llm-security-enabled')).toBe('Helicone-LLM-Security-Enabled');
    expect(canonicalHeaderName('CACHE-CONTROL')).toBe('Cache-Control');
    expect(canonicalHeaderName('helicone-property-App')).toBe('Helicone-Property-App');
    expect(canonicalHeaderName('X-Other')).toBe('X-Other');
  });

  it('is what the aliases stand for', () => {
    expect(unaliasedHeader('Helicone-Rate-Limit-Policy')).toBe(headerOf('rateLimitPolicy'));
    expect(unaliasedHeader('helicone-prompt-security-enabled')).toBe(headerOf('llmSecurity.enabled'));
    expect(unaliasedHeader('helicone-ratelimit-policy')).toBeUndefined();
  });
});

describe('the checks of the fields', () => {
  it('name fields of the table, and refine text (or give the max-age its range) without changing how it is written', () => {
    const written = new Map(HELICONE_FIELDS.map(([path, kind]) => [path, kind]));
    for (const [path, [kind]] of Object.entries(FIELD_CHECKS)) {
      // A misspelt path would be missing, and its missing kind would pass as text.
      expect(written.has(path), path).toBe(true);
      expect(written.get(path), path).toBe(kind === 'max-age' ? 'max-age' : undefined);
    }
  });
});
