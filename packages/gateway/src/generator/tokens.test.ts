import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTokens, tokenPieces, truncateToTokens } from './tokens';

describe('tokenPieces', () => {
  it('splits text into pieces that join back to it, never cutting a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const pieces = tokenPieces(text);
        expect(pieces.join('')).toBe(text);
        // A replacement character in a piece means a cut character, unless the text had one to begin with.
        if (!text.includes('\uFFFD')) for (const piece of pieces) expect(piece).not.toContain('\uFFFD');
      }),
    );
  });

  it('gives one piece per token for plain English', () => {
    expect(tokenPieces('Hello world, friend')).toEqual(['Hello', ' world', ',', ' friend']);
  });
});

describe('truncateToTokens', () => {
  it('keeps text that fits', () => {
    expect(truncateToTokens('Hello world', 5)).toEqual({ text: 'Hello world', truncated: false });
  });

  it('cuts to a prefix of at most the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 20 }), (text, limit) => {
        const result = truncateToTokens(text, limit);
        expect(text.startsWith(result.text)).toBe(true);
        expect(countTokens(result.text)).toBeLessThanOrEqual(limit);
        expect(result.truncated).toBe(countTokens(text) > limit);
      }),
    );
  });
});
