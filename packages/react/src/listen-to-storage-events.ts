import type { HeliconeContextValue } from './helicone-context';

/**
 * Another tab wrote to the same storage: live sessions take its messages and draft, and session lists re-read.
 * Returns the function that stops listening.
 */
export function listenToStorageEvents({ storage, registry }: HeliconeContextValue): (() => void) | undefined {
  if (!storage || typeof window === 'undefined') return;
  const onStorage = (event: StorageEvent) => {
    // A custom storage may sit on top of localStorage, so only a real Storage can be matched to the event's.
    const webStorage = typeof Storage === 'function' && storage instanceof Storage;
    if (!webStorage || !event.storageArea || event.storageArea === storage) registry.applyStorageEvent(event);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
