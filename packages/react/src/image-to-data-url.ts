/** The longest side an attached image keeps. */
export const DEFAULT_MAX_IMAGE_SIDE = 1568;

/**
 * The longest data URL an attached image becomes (characters, which are bytes in the JSON body): below the
 * route's default 1 MiB body limit (`limits.maxBodyBytes`), with room for the rest of the conversation.
 */
export const DEFAULT_MAX_IMAGE_DATA_URL_LENGTH = 700_000;

/** The smallest side an image is made; there it is sent at the lowest quality, whatever its length. */
const MIN_SIDE = 256;

/**
 * A `File` or `Blob` as a data URL. In a browser, an image is sent as it is when it is at most `maxSide` on its
 * longest side and its data URL at most `maxLength` long; otherwise it is re-encoded as JPEG at `maxSide`, at
 * qualities 0.85, 0.7, 0.55 and 0.4, then each time at three quarters of the side, until the data URL fits (at
 * 256 px and the lowest quality it is sent as it then is). Elsewhere, or when the browser cannot decode it, it
 * is sent as it is; if the browser stops encoding it (no JPEG comes back), the last JPEG made (or the file) is sent.
 */
export async function imageToDataUrl(
  blob: Blob,
  maxSide = DEFAULT_MAX_IMAGE_SIDE,
  maxLength = DEFAULT_MAX_IMAGE_DATA_URL_LENGTH,
): Promise<string> {
  let image = blob;
  try {
    // Outside a browser `createImageBitmap` or `document` is missing: the error sends the file as it is.
    const bitmap = await createImageBitmap(blob);
    const longest = Math.max(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    // Quality in percent (integer steps: 0.15 steps in floating point miss 0.4).
    for (
      let side = Math.min(maxSide, longest), quality = 100;
      (image === blob && longest > maxSide) || dataUrlLength(image) > maxLength;
    ) {
      if ((quality -= 15) < 40) {
        if (side <= MIN_SIDE) break;
        side = Math.max(MIN_SIDE, side * 0.75);
        quality = 85;
      }
      // A canvas side is a whole number: the fraction is dropped.
      canvas.width = Math.max(1, (bitmap.width * side) / longest);
      canvas.height = Math.max(1, (bitmap.height * side) / longest);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const jpeg = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg', quality / 100),
      );
      if (!jpeg) break;
      image = jpeg;
    }
    bitmap.close();
  } catch {
    image = blob;
  }
  const bytes = new Uint8Array(await image.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes a bounded number of arguments.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return `data:${typeOf(image)};base64,${btoa(binary)}`;
}

const typeOf = (blob: Blob) => blob.type || 'application/octet-stream';

/** The length of the data URL of `blob` (`data:<type>;base64,` and the base64), without building it. */
const dataUrlLength = (blob: Blob) => typeOf(blob).length + 13 + Math.ceil(blob.size / 3) * 4;
