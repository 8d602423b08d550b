import { describe, expect, it } from 'vitest';
import { expectNoSecret } from '../__tests__/support/no-secret';
import { createRedactor } from './redactor';

const key = 'sk-helicone-eu-7f3a9/b+c=d-0123';

describe('createRedactor', () => {
  it('removes the key plain, URL-encoded and base64-encoded at any offset', () => {
    const redact = createRedactor([key, undefined]);
    const texts = [
      `Invalid key ${key} given`,
      `https://gateway.test/${encodeURIComponent(key)}/v1`,
      `Authorization: Basic ${btoa(`user:${key}`)}`,
      `token=${btoa(`Bearer ${key}`).replaceAll('+', '-').replaceAll('/', '_')}`,
      `${btoa(`ab${key}`)}`,
    ];
    for (const text of texts) {
      const redacted = redact(text);
      expectNoSecret(redacted, key, text);
      expect(redacted).toContain('[redacted]');
    }
  });

  it('leaves other text alone, and ignores secrets too short to be keys', () => {
    expect(createRedactor([key])('nothing to see')).toBe('nothing to see');
    expect(createRedactor(['short'])('a short word')).toBe('a short word');
  });

  it('redacts 8 or more of a secret’s first characters at the end of a cut text, before an ellipsis too', () => {
    const secret = 'route-key-0123456789abcdef';
    const redact = createRedactor([secret]);
    expect(redact(`bad key ${secret.slice(0, 12)}…`)).toBe('bad key [redacted]…');
    expect(redact(`bad key ${secret.slice(0, 8)}...`)).toBe('bad key [redacted]...');
    expect(redact(`bad key ${secret.slice(0, 7)}`)).toBe(`bad key ${secret.slice(0, 7)}`);
    expect(redact(`${secret.slice(0, 12)} in the middle`)).toBe(`${secret.slice(0, 12)} in the middle`);
  });

  it('redacts the longest part at the end when the secret repeats its own start', () => {
    const secret = 'abcdefghabcdefgh-0123456';
    const redact = createRedactor([secret]);
    expect(redact('x abcdefghabcdefgh')).toBe('x [redacted]');
    expect(redact('abcdefghabcdefgh-01…')).toBe('[redacted]…');
  });
});
