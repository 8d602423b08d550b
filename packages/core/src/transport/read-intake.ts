import type { IntakeMessage, IntakeRequest } from './run-intake';
import { startIntake } from './start-intake';

/**
 * Runs `request` through the intake (`startIntake`) and yields what it tells, as it comes. Aborting `signal` ends
 * the request and makes the generator throw the signal's reason; stopping early (`return()`) ends it too.
 */
export async function* readIntake(
  request: IntakeRequest,
  signal: AbortSignal,
  fetchImpl?: typeof fetch,
): AsyncGenerator<IntakeMessage, void, undefined> {
  signal.throwIfAborted();
  const queue: IntakeMessage[] = [];
  let wake: (() => void) | undefined;
  const abort = startIntake(request, (message) => (queue.push(message), wake?.()), fetchImpl);
  // Aborting ends the request at once, wherever its reader is.
  const onAbort = () => {
    abort();
    wake?.();
  };
  signal.addEventListener('abort', onAbort);
  try {
    for (;;) {
      signal.throwIfAborted();
      const message = queue.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      yield message;
      if ('end' in message || 'fail' in message) return;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    abort();
  }
}
