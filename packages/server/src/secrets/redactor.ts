import { secretForms } from './secret-forms';

export type Redact = (text: string) => string;

const REDACTED = '[redacted]';
/** Shorter values would be redacted out of ordinary words; keys are far longer. */
const MINIMUM_SECRET_LENGTH = 8;
/** What a cut text may end with after the cut: an ellipsis, dots, quotes, spaces. */
const CUT_MARK = /[\s.…"'`]*$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A text cut short (by an upstream, or by an error class that keeps the first 1,000 characters) can end in the
 * first part of a secret, which no whole-secret pattern matches. Any such part of at least 8 characters right
 * before the end (or before a trailing ellipsis) is redacted too.
 */
function redactCutTail(text: string, secrets: readonly string[]): string {
  const mark = CUT_MARK.exec(text)?.[0] ?? '';
  const body = text.slice(0, text.length - mark.length);
  for (const secret of secrets) {
    // A secret's first part at the end starts with its first 8 characters: look only where those occur.
    const head = secret.slice(0, MINIMUM_SECRET_LENGTH);
    let start = -1;
    for (let index = body.lastIndexOf(head); index !== -1; index = body.lastIndexOf(head, index - 1)) {
      // A whole secret is redacted already; a longer tail cannot be a part of one.
      if (body.length - index >= secret.length) break;
      if (secret.startsWith(body.slice(index))) start = index;
      if (index === 0) break;
    }
    if (start !== -1) return `${body.slice(0, start)}${REDACTED}${mark}`;
  }
  return text;
}

/**
 * Replaces every form of every secret (plain, URL-encoded, base64) with `[redacted]`, and a secret's first
 * characters (8 or more) at the end of a cut text.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redact {
  const kept = secrets.filter(
    (secret): secret is string => secret !== undefined && secret.length >= MINIMUM_SECRET_LENGTH,
  );
  const forms = kept.flatMap(secretForms).sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  return (text) => redactCutTail(text.replace(pattern, REDACTED), kept);
}
