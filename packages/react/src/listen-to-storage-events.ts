import type { HeliconeContextValue } from './helicone-context';

/**
 * Another tab wrote to the same storage: live sessions take its messages and draft, and session lists re-read.
 * Returns the function that stops listening.
 */
export function listenToStorageEvents(context: HeliconeContextValue): () => void {
  const { storage, registry } = context;
  if (!storage || typeof window === 'undefined') return () => {};
  const webStorage = typeof Storage === 'function' && storage instanceof Storage;
  const onStorage = (event: StorageEvent) => {
    // A custom storage may sit on top of localStorage, so only a real Storage can be matched to the event's.
    if (webStorage && event.storageArea !== null && event.storageArea !== storage) return;
    registry.applyStorageEvent(event);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
