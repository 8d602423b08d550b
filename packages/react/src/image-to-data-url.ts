/** The longest side an attached image keeps. */
export const DEFAULT_MAX_IMAGE_SIDE = 1568;

/**
 * The longest data URL an attached image becomes (characters, which are bytes in the JSON body): below the
 * route's default 1 MiB body limit (`limits.maxBodyBytes`), with room for the rest of the conversation.
 */
export const DEFAULT_MAX_IMAGE_DATA_URL_LENGTH = 700_000;

/** A blob as a data URL. `null` (what `toBlob` gives when encoding fails) rejects: `readAsDataURL` throws. */
const readDataUrl = (blob: Blob | null) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onloadend = () => (reader.error ? reject(reader.error) : resolve(reader.result as string));
    reader.readAsDataURL(blob as Blob);
  });

/**
 * A `File` or `Blob` as a data URL, read by `FileReader` (browsers, jsdom, Deno, Bun). In a browser, an image is
 * sent as it is when it is at most `maxSide` on its longest side and its data URL at most `maxLength` long;
 * otherwise it is drawn at `maxSide` on its longest side and encoded as JPEG (quality 0.8), then again at three
 * quarters of that side each time, until the data URL fits or the side would fall below 256 px (the last one is
 * then sent; a 256 px JPEG is a small fraction of the default length). When the browser cannot decode or draw it
 * (or there is no canvas), the file is sent as it is.
 */
export async function imageToDataUrl(
  blob: Blob,
  maxSide = DEFAULT_MAX_IMAGE_SIDE,
  maxLength = DEFAULT_MAX_IMAGE_DATA_URL_LENGTH,
): Promise<string> {
  let url = await readDataUrl(blob);
  let bitmap: ImageBitmap | undefined;
  try {
    // Without `createImageBitmap` or `document` (outside a browser) the error sends the file as it is.
    bitmap = await createImageBitmap(blob);
    const { width, height } = bitmap;
    const longest = Math.max(width, height);
    if (longest > maxSide || url.length > maxLength) {
      const canvas = document.createElement('canvas');
      let side = Math.min(longest, maxSide);
      do {
        // A canvas side is a whole number, at least 1.
        canvas.width = Math.ceil((width * side) / longest);
        canvas.height = Math.ceil((height * side) / longest);
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        // `toBlob` encodes off the main thread (`toDataURL` would block it for a large photo).
        url = await readDataUrl(await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8)));
      } while (url.length > maxLength && (side *= 0.75) >= 256);
    }
  } catch {
    // Not decoded, drawn or encoded: the file is sent as it is.
  } finally {
    bitmap?.close();
  }
  return url;
}
