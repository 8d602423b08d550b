import { describe, expect, it } from 'vitest';
import { expectNoSecret, leakedForms } from './no-secret';

const secret = 'sk-helicone-abc123-DEF456-ghi789';

describe('expectNoSecret (the leak check every test uses)', () => {
  it('finds the key plain, URL-encoded and base64-encoded at any alignment', () => {
    const hiding = [
      `error: ${secret}`,
      `url: ${encodeURIComponent(`a b ${secret}`)}`,
      `basic: ${Buffer.from(`user:${secret}`).toString('base64')}`,
      `bearer: ${Buffer.from(`Bearer ${secret}`).toString('base64')}`,
      `ab: ${Buffer.from(`ab${secret}zz`).toString('base64url')}`,
    ];
    for (const text of hiding) expect(() => expectNoSecret(text, secret, 'text')).toThrow(/contains the key/);
  });

  it('passes text without it, including a redacted line', () => {
    expect(() => expectNoSecret('error: [redacted] sk-helicone-abc', secret, 'text')).not.toThrow();
    expect(leakedForms(secret).length).toBeGreaterThanOrEqual(4);
  });
});
