const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The base64 text of `secret` as it appears inside any longer base64 string. Base64 packs 3 bytes into 4
 * characters, so the secret's encoding depends on where it starts; for each of the 3 alignments keep the
 * characters that depend on the secret's bytes alone.
 */
function base64Forms(secret: string): string[] {
  const bytes = encoder.encode(secret);
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = toBase64(padded).replace(/=+$/, '');
    const start = offset === 0 ? 0 : Math.ceil((offset * 4) / 3);
    const end = Math.floor(((offset + bytes.length) * 4) / 3);
    const form = encoded.slice(start, end);
    forms.push(form, form.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return forms;
}

/** Every form in which a secret could leak into text: as is, URL-encoded, and base64 (standard and URL-safe). */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), encodeURI(secret), ...base64Forms(secret)]);
  return [...forms].filter((form) => form.length >= 6);
}
