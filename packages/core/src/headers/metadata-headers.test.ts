import { describe, expect, it } from 'vitest';
import { errorOf } from '../__tests__/header-value-error-of';
import { metadataHeaders } from './metadata-headers';

describe('metadataHeaders', () => {
  it("keeps the seed's LiteLLM metadata as headers, renaming the misspelt policy header", () => {
    expect(
      metadataHeaders({
        'Helicone-Cache-Enabled': 'true',
        'helicone-retry-num': 3,
        'Helicone-Retry-Enabled': true,
        'Helicone-Property-Environment': ' production ',
        'Helicone-Rate-Limit-Policy': '10;w=60;s=user',
        'Helicone-Cache-Seed': "UTF-8''caf%C3%A9",
        'Cache-Control': 'max-age=60',
        generation_name: 'not a header',
        'Helicone-User-Id': null,
        'Helicone-Session-Name': '  ',
      }),
    ).toEqual({
      'Helicone-Cache-Enabled': 'true',
      'helicone-retry-num': '3',
      'Helicone-Retry-Enabled': 'true',
      'Helicone-Property-Environment': 'production',
      'Helicone-RateLimit-Policy': '10;w=60;s=user',
      'Helicone-Cache-Seed': "UTF-8''caf%C3%A9",
      'Cache-Control': 'max-age=60',
    });
  });

  it('reads a Headers and encodes a value that is not printable ASCII', () => {
    const headers = new Headers({ 'Helicone-Property-City': 'x', 'x-other': 'y' });
    expect(metadataHeaders(headers)).toEqual({ 'helicone-property-city': 'x' });
    expect(metadataHeaders({ 'Helicone-Session-Name': 'Überblick' })).toEqual({
      'Helicone-Session-Name': "UTF-8''%C3%9Cberblick",
    });
  });

  it('accepts one header in two casings with the same value, and refuses two values', () => {
    expect(metadataHeaders({ 'helicone-user-id': 'a', 'HELICONE-USER-ID': 'a' })).toEqual({
      'helicone-user-id': 'a',
    });
    expect(
      errorOf(() => metadataHeaders({ 'helicone-user-id': 'a', 'HELICONE-USER-ID': 'b' })),
    ).toMatchObject({
      header: 'HELICONE-USER-ID',
      reason: 'is given twice with different values.',
    });
  });

  it('refuses values that cannot be sent, naming the header', () => {
    expect(errorOf(() => metadataHeaders({ 'Helicone-User-Id': 'a\nb' }))).toMatchObject({
      header: 'Helicone-User-Id',
    });
    expect(errorOf(() => metadataHeaders({ 'Helicone-Property-Tags': ['a', 'b'] }))).toMatchObject({
      reason: 'must be a string, a number or a boolean.',
    });
    expect(errorOf(() => metadataHeaders({ 'Helicone-User-Id': 'x'.repeat(2049) })).reason).toMatch(/longer/);
    expect(errorOf(() => metadataHeaders('Helicone-User-Id: a' as never)).field).toBe('metadata');
  });
});
