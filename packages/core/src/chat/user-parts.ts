import type { ChatMessagePart } from './types';

export type SendInput =
  | string
  | {
      content: string;
      /** Image URLs (https or data URLs) sent as OpenAI `image_url` parts. */
      images?: readonly (string | { url: string; detail?: 'auto' | 'low' | 'high' })[];
      /** `Helicone-Property-*` for this message only. */
      properties?: Record<string, string>;
    };

/** The parts of a user message: its text and image URLs. Anything else (a number, a bad image) is left out. */
export function userParts(input: Exclude<SendInput, string>): ChatMessagePart[] {
  const parts: ChatMessagePart[] = [];
  if (typeof input.content === 'string' && input.content.trim() !== '') {
    parts.push({ type: 'text', text: input.content });
  }
  const images: readonly unknown[] = Array.isArray(input.images) ? input.images : [];
  for (const image of images) {
    const record = typeof image === 'object' && image !== null ? (image as Record<string, unknown>) : {};
    const url = typeof image === 'string' ? image : record.url;
    if (typeof url !== 'string' || url === '') continue;
    const detail = record.detail;
    parts.push(
      detail === 'auto' || detail === 'low' || detail === 'high'
        ? { type: 'image', url, detail }
        : { type: 'image', url },
    );
  }
  return parts;
}
