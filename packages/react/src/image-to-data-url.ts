/** The longest side an attached image keeps: a photo then fits a route's body limit as a JPEG data URL. */
export const DEFAULT_MAX_IMAGE_SIDE = 1568;

/**
 * A `File` or `Blob` as a data URL. In a browser, an image larger than `maxSide` is drawn to a canvas at that size
 * and re-encoded as JPEG (quality 0.85); elsewhere, or when the browser cannot decode it, it is sent as it is.
 */
export async function imageToDataUrl(blob: Blob, maxSide = DEFAULT_MAX_IMAGE_SIDE): Promise<string> {
  const scaled = await downscale(blob, maxSide).catch(() => undefined);
  return blobToDataUrl(scaled ?? blob);
}

async function downscale(blob: Blob, maxSide: number): Promise<Blob | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return undefined;
  const bitmap = await createImageBitmap(blob);
  try {
    const scale = maxSide / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return undefined;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob | undefined>((resolve) =>
      canvas.toBlob((result) => resolve(result ?? undefined), 'image/jpeg', 0.85),
    );
  } finally {
    bitmap.close();
  }
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
