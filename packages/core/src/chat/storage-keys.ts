/** Default prefix of every key the chat store writes. */
export const DEFAULT_STORAGE_PREFIX = 'helicone-kit:chat:';
