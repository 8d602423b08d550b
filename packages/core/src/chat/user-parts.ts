import type { ChatMessagePart, ImagePart } from './types';

export type SendInput =
  | string
  | {
      content: string;
      /** Image URLs (https or data URLs) sent as OpenAI `image_url` parts. */
      images?: readonly (string | { url: string; detail?: 'auto' | 'low' | 'high' })[];
      /** `Helicone-Property-*` for this message only. */
      properties?: Record<string, string>;
    };

/** The parts of a user message: its text and image URLs. Anything else (a number, an image without a URL) is left out. */
export function userParts({ content, images }: Exclude<SendInput, string>): ChatMessagePart[] {
  const parts: ChatMessagePart[] =
    typeof content === 'string' && content.trim() ? [{ type: 'text', text: content }] : [];
  for (const image of Array.isArray(images) ? (images as unknown[]) : []) {
    const { url, detail } = (typeof image === 'string' ? { url: image } : (image ?? {})) as ImagePart;
    if (typeof url === 'string' && url) parts.push({ type: 'image', url, ...(detail && { detail }) });
  }
  return parts;
}
