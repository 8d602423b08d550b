/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost), so a page served over
 * plain http takes the one every blob URL ends with (the File API spec makes it a random UUID), at once revoked.
 */
export const createId = (): string =>
  crypto.randomUUID?.() ??
  ((url) => (URL.revokeObjectURL(url), url.slice(-36)))(URL.createObjectURL(new Blob()));
