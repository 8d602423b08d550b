import { decodeGenerator, encode } from 'gpt-tokenizer';

/** Tokens of `text` by gpt-tokenizer (o200k_base, the encoding of the GPT-4o family). */
export function countTokens(text: string): number {
  return encode(text).length;
}

/**
 * The text of each token, in order; joined back they give `text`. Tokens that end inside a multi-byte
 * character come merged with the next one, so no piece carries half a character. (gpt-tokenizer's `decode`
 * keeps decoder state across calls when given a partial sequence, so only whole sequences are decoded.)
 */
export function tokenPieces(text: string): string[] {
  return [...decodeGenerator(encode(text))];
}

/**
 * The longest prefix of `text`, cut at a token boundary, that is at most `limit` tokens long when encoded on its
 * own, and whether anything was cut.
 */
export function truncateToTokens(text: string, limit: number): { text: string; truncated: boolean } {
  if (countTokens(text) <= limit) return { text, truncated: false };
  const pieces = tokenPieces(text);
  const prefix = (count: number) => pieces.slice(0, count).join('');
  // Largest piece count whose text fits: token counts grow with the prefix, so a binary search finds it.
  let low = 0;
  let high = Math.min(limit, pieces.length);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (countTokens(prefix(middle)) <= limit) low = middle;
    else high = middle - 1;
  }
  return { text: prefix(low), truncated: true };
}
