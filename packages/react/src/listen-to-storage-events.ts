import type { HeliconeContextValue } from './helicone-context';

/**
 * Another tab wrote to the same storage: live sessions take its messages and draft, and session lists re-read.
 * Called in the browser only. Returns the function that stops listening.
 */
export function listenToStorageEvents({ storage, registry }: HeliconeContextValue): (() => void) | undefined {
  if (!storage) return;
  const onStorage = (event: StorageEvent) => {
    // A custom storage may sit on top of localStorage, so only a real Storage can be matched to the event's.
    if (!(storage instanceof Storage) || event.storageArea === storage) registry.applyStorageEvent(event);
  };
  addEventListener('storage', onStorage);
  return () => removeEventListener('storage', onStorage);
}
