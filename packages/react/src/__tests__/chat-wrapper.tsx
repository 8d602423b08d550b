import type { ChatStorage } from '@helicone-kit/core';
import type { ReactNode } from 'react';
import { HeliconeProvider } from '../helicone-provider';

/**
 * A `renderHook` wrapper: the provider pointed at `api`, with the given storage (`null`: memory only;
 * `'default'`: the provider's default, `localStorage` in a browser).
 */
export function chatWrapper(
  api: string,
  storage: ChatStorage | null | 'default' = null,
  onWarning?: (message: string) => void,
) {
  const storageProp = storage === 'default' ? {} : { storage };
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <HeliconeProvider api={api} {...storageProp} {...(onWarning ? { onWarning } : {})}>
        {children}
      </HeliconeProvider>
    );
  };
}

/** The text parts of a message, joined. */
export function textOf(message: { parts: readonly { type: string; text?: string }[] } | undefined): string {
  return (message?.parts ?? [])
    .filter((part) => part.type === 'text')
    .map((part) => part.text ?? '')
    .join('');
}
