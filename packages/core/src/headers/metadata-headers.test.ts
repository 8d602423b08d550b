import { describe, expect, it } from 'vitest';
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
      'helicone-ratelimit-policy': '10;w=60;s=user',
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

  it('keeps one header given in two casings as given: the transport sets them in order, so the last one wins', () => {
    const headers = metadataHeaders({ 'helicone-user-id': 'a', 'HELICONE-USER-ID': 'b' });
    expect(headers).toEqual({ 'helicone-user-id': 'a', 'HELICONE-USER-ID': 'b' });
    const sent = new Headers();
    for (const [name, value] of Object.entries(headers)) sent.set(name, value);
    expect(sent.get('helicone-user-id')).toBe('b');
  });

  it('encodes what could inject a header, and leaves every other check to the route', () => {
    // CR, LF and other controls travel percent-encoded: the route decodes them and answers 400 naming the header.
    expect(metadataHeaders({ 'Helicone-User-Id': 'alice\r\nX-Injected: 1' })).toEqual({
      'Helicone-User-Id': "UTF-8''alice%0D%0AX-Injected%3A%201",
    });
    expect(metadataHeaders({ 'Helicone-Retry-Num': -1 })).toEqual({ 'Helicone-Retry-Num': '-1' });
    expect(metadataHeaders({ 'Helicone-User-Id': 'x'.repeat(2049) })['Helicone-User-Id']).toHaveLength(2049);
  });

  it('refuses a value that is not a string, a number or a boolean, naming the key', () => {
    expect(() => metadataHeaders({ 'Helicone-Property-Tags': ['a', 'b'] })).toThrow(
      new TypeError('metadata["Helicone-Property-Tags"] must be a string, a number or a boolean.'),
    );
    expect(() => metadataHeaders({ 'Helicone-User-Id': { id: 1 } })).toThrow(TypeError);
  });
});
