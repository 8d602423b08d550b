import type { SendInput } from '@helicone-kit/core';
import type { ChatSendInput } from './use-helicone-chat-types';

/** True when `send` must first read files (Blobs) into data URLs. */
export function hasFiles(input: ChatSendInput | undefined): input is Exclude<ChatSendInput, string> {
  return typeof input === 'object' && (input.images ?? []).some((image) => isBlob(image));
}

const isBlob = (value: unknown): value is Blob => typeof Blob === 'function' && value instanceof Blob;

/** Reads (and in a browser, downscales) the attached files; the reader is loaded only when a file is sent. */
export async function toSendInput(input: Exclude<ChatSendInput, string>): Promise<SendInput> {
  const { imageToDataUrl } = await import('./image-to-data-url');
  const images = await Promise.all(
    (input.images ?? []).map(async (image) => (isBlob(image) ? imageToDataUrl(image) : image)),
  );
  return { ...input, images };
}
