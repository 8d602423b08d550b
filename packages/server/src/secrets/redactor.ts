import { secretForms } from './secret-forms';

export type Redact = (text: string) => string;

const REDACTED = '[redacted]';
/** Shorter values would be redacted out of ordinary words; keys are far longer. */
const MINIMUM_SECRET_LENGTH = 8;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every form of every secret (plain, URL-encoded, base64) with `[redacted]`. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redact {
  const forms = secrets
    .filter((secret): secret is string => secret !== undefined && secret.length >= MINIMUM_SECRET_LENGTH)
    .flatMap(secretForms)
    .sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, REDACTED);
}
