import type { SendInput } from '@helicone-kit/core';
import { imageToDataUrl } from './image-to-data-url';
import type { ChatSendInput } from './use-helicone-chat-types';

const isBlob = (value: unknown): value is Blob => value instanceof Blob;

/**
 * Hands `input` to the store's `send`: attached files (Blobs) are first read (and in a browser, downscaled) into
 * data URLs; anything else goes straight through, in the same tick.
 */
export function sendWithFiles(
  send: (input?: SendInput) => Promise<void>,
  input?: ChatSendInput,
): Promise<void> {
  if (typeof input !== 'object' || !input.images?.some(isBlob)) return send(input as SendInput | undefined);
  return Promise.all(input.images.map(async (image) => (isBlob(image) ? imageToDataUrl(image) : image))).then(
    (images) => send({ ...input, images }),
  );
}
