/** The longest side an attached image keeps. */
export const DEFAULT_MAX_IMAGE_SIDE = 1568;

/**
 * The longest data URL an attached image becomes (characters, which are bytes in the JSON body): below the
 * route's default 1 MiB body limit (`limits.maxBodyBytes`), with room for the rest of the conversation.
 */
export const DEFAULT_MAX_IMAGE_DATA_URL_LENGTH = 700_000;

/**
 * A `File` or `Blob` as a data URL. In a browser, an image is sent as it is when it is at most `maxSide` on its
 * longest side and its data URL at most `maxLength` long; otherwise it is drawn at `maxSide` on its longest side
 * and encoded as JPEG (quality 0.8), then again at three quarters of that side each time, until the data URL
 * fits or the side would fall below 256 px (the last one is then sent; a 256 px JPEG is a small fraction of the
 * default length). Elsewhere, or when the browser cannot decode or draw it, the file is sent as it is.
 */
export async function imageToDataUrl(
  blob: Blob,
  maxSide = DEFAULT_MAX_IMAGE_SIDE,
  maxLength = DEFAULT_MAX_IMAGE_DATA_URL_LENGTH,
): Promise<string> {
  const type = blob.type || 'application/octet-stream';
  let url: string | undefined;
  try {
    // Outside a browser `createImageBitmap` or `document` is missing: the error sends the file as it is.
    const bitmap = await createImageBitmap(blob);
    const { width, height } = bitmap;
    const longest = Math.max(width, height);
    // The file's data URL would be `data:`, its type, `;base64,` and 4 characters per 3 bytes (or part of them).
    if (longest > maxSide || type.length + 13 + Math.ceil(blob.size / 3) * 4 > maxLength) {
      const canvas = document.createElement('canvas');
      let side = Math.min(longest, maxSide);
      do {
        // A canvas side is a whole number, at least 1.
        canvas.width = Math.ceil((width * side) / longest);
        canvas.height = Math.ceil((height * side) / longest);
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        url = canvas.toDataURL('image/jpeg', 0.8);
      } while (url.length > maxLength && (side *= 0.75) >= 256);
    }
    bitmap.close();
  } catch {
    // Not decoded or not drawn: the file is sent as it is.
  }
  if (url) return url;
  let binary = '';
  for (const byte of new Uint8Array(await blob.arrayBuffer())) binary += String.fromCharCode(byte);
  return `data:${type};base64,${btoa(binary)}`;
}
