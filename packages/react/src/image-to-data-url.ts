/** The longest side an attached image keeps. */
export const DEFAULT_MAX_IMAGE_SIDE = 1568;

/**
 * The longest data URL an attached image becomes (characters, which are bytes in the JSON body): below the
 * route's default 1 MiB body limit (`limits.maxBodyBytes`), with room for the rest of the conversation.
 */
export const DEFAULT_MAX_IMAGE_DATA_URL_LENGTH = 700_000;

/** JPEG qualities tried in turn before the image is made smaller. */
const QUALITIES = [0.85, 0.7, 0.55, 0.4];
/** Each step down in size keeps this share of the longest side, down to `MIN_SIDE`. */
const SIDE_STEP = 0.75;
const MIN_SIDE = 256;

/**
 * A `File` or `Blob` as a data URL. In a browser, an image is sent as it is when it is at most `maxSide` on its
 * longest side and its data URL at most `maxLength` long; otherwise it is re-encoded as JPEG at `maxSide`, at
 * falling qualities and then smaller sizes, until the data URL fits (at 256 px and the lowest quality it is sent
 * as it then is). Elsewhere, or when the browser cannot decode it, it is sent as it is.
 */
export async function imageToDataUrl(
  blob: Blob,
  maxSide = DEFAULT_MAX_IMAGE_SIDE,
  maxLength = DEFAULT_MAX_IMAGE_DATA_URL_LENGTH,
): Promise<string> {
  const fitted = await fit(blob, maxSide, maxLength).catch(() => undefined);
  return blobToDataUrl(fitted ?? blob);
}

async function fit(blob: Blob, maxSide: number, maxLength: number): Promise<Blob | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return undefined;
  const bitmap = await createImageBitmap(blob);
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    if (longest <= maxSide && dataUrlLength(blob) <= maxLength) return undefined;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    for (let side = Math.min(maxSide, longest); ; side = Math.max(MIN_SIDE, Math.floor(side * SIDE_STEP))) {
      const scale = side / longest;
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      for (const quality of QUALITIES) {
        const encoded = await new Promise<Blob | null>((resolve) =>
          canvas.toBlob(resolve, 'image/jpeg', quality),
        );
        if (!encoded) return undefined;
        if (dataUrlLength(encoded) <= maxLength || (side <= MIN_SIDE && quality === QUALITIES.at(-1))) {
          return encoded;
        }
      }
    }
  } finally {
    bitmap.close();
  }
}

/** The length of `blobToDataUrl(blob)`, without building it. */
function dataUrlLength(blob: Blob): number {
  return `data:${blob.type || 'application/octet-stream'};base64,`.length + Math.ceil(blob.size / 3) * 4;
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes a bounded number of arguments.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}
