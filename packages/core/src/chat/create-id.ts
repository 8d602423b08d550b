/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost), so a page served
 * over plain http falls back to `crypto.getRandomValues`, which every runtime has.
 */
export const createId = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+digit / 4)))).toString(16),
  );
