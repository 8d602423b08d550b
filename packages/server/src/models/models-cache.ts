export const MODELS_TTL_MS = 60 * 60 * 1000;
/** A list built without the gateway or the registry is retried sooner. */
export const FALLBACK_TTL_MS = 60 * 1000;

type Entry<T> = { value: Promise<{ value: T; complete: boolean }>; expiresAt: number };

/**
 * Keeps one model list per handler: concurrent requests share one load; a complete list lives an hour, a
 * fallback a minute.
 */
export function createModelsCache<T>(load: () => Promise<{ value: T; complete: boolean }>, now = Date.now) {
  let entry: Entry<T> | undefined;
  return async (): Promise<T> => {
    if (entry === undefined || entry.expiresAt <= now()) {
      const current: Entry<T> = { value: load(), expiresAt: Number.POSITIVE_INFINITY };
      entry = current;
      current.value.then(
        ({ complete }) => {
          current.expiresAt = now() + (complete ? MODELS_TTL_MS : FALLBACK_TTL_MS);
        },
        () => {
          current.expiresAt = 0;
        },
      );
    }
    return (await entry.value).value;
  };
}
