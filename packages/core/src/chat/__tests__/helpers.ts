import { createChatStore, type ChatStore } from '../create-chat-store';
import type { ChatOptions } from '../chat-options';
import type { ChatMessage } from '../types';

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((resolveFunction, rejectFunction) => {
    resolve = resolveFunction;
    reject = rejectFunction;
  });
  return { promise, resolve, reject };
}

/** Resolves once the store's state satisfies `predicate` (checked on every change). */
export function waitFor(store: ChatStore, predicate: (state: ReturnType<ChatStore['getState']>) => boolean) {
  return new Promise<void>((resolve) => {
    if (predicate(store.getState())) return resolve();
    const unsubscribe = store.subscribe((state) => {
      if (predicate(state)) {
        unsubscribe();
        resolve();
      }
    });
  });
}

export function textOf(message: ChatMessage | undefined): string {
  return (message?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}

export function makeStore(
  options: Omit<ChatOptions, 'onWarning'> & { onWarning?: ChatOptions['onWarning'] },
) {
  return createChatStore({ model: 'gpt-4o-mini', onWarning: () => {}, ...options });
}
