import { expect } from 'vitest';

/**
 * Every way a secret could show up in text: as is, URL-encoded, and base64 (standard and URL-safe) at each of the
 * three byte alignments it can have inside a longer base64 string. Written apart from the route's own redactor,
 * so a mistake there is caught here.
 */
export function leakedForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  for (const prefix of ['', 'x', 'xy']) {
    const encoded = Buffer.from(prefix + secret).toString('base64');
    // Drop the characters that mix in the prefix or whatever follows the secret.
    const skip = prefix === '' ? 0 : prefix.length + 1;
    const middle = encoded.slice(skip, encoded.length - 4);
    forms.add(middle);
    forms.add(middle.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return [...forms].filter((form) => form.length >= 8);
}

/** Fails when `text` holds the secret in any form of `leakedForms`, naming where. */
export function expectNoSecret(text: string, secret: string, where: string): void {
  for (const form of leakedForms(secret)) {
    expect(text.includes(form), `${where} contains the key (as ${JSON.stringify(form)})`).toBe(false);
  }
}

/** Reads a whole response and checks its status line, headers and body for the secret. */
export async function readChecked(response: Response, secret: string): Promise<string> {
  const text = await response.text();
  const headerText = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  expectNoSecret(`${response.status} ${response.statusText}\n${headerText}\n\n${text}`, secret, 'a response');
  return text;
}

/** A logger that keeps every line, to check that none holds the secret. */
export function captureLog() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      warn: (message: string) => lines.push(`warn: ${message}`),
      error: (message: string) => lines.push(`error: ${message}`),
    },
    expectClean(secret: string) {
      expectNoSecret(lines.join('\n'), secret, 'the log');
    },
  };
}
