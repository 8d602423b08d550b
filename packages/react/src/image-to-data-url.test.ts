import { afterEach, describe, expect, it, vi } from 'vitest';
import { imageToDataUrl } from './image-to-data-url';

// jsdom decodes no image and has no 2D canvas: a decoded bitmap is faked, and so is the canvas where a test needs it.
const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' });
const asItIs = 'data:image/jpeg;base64,/9j/4A==';

function fakeBitmap(width: number, height: number) {
  const bitmap = { width, height, close: vi.fn() };
  vi.stubGlobal('createImageBitmap', () => Promise.resolve(bitmap));
  return bitmap;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('imageToDataUrl', () => {
  it('sends an image that fits as it is, and closes its bitmap', async () => {
    const bitmap = fakeBitmap(64, 48);
    expect(await imageToDataUrl(photo)).toBe(asItIs);
    expect(bitmap.close).toHaveBeenCalledTimes(1);
  });

  it('closes the bitmap when it cannot be drawn (no 2D context), and sends the file as it is', async () => {
    const bitmap = fakeBitmap(4000, 3000);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    expect(await imageToDataUrl(photo)).toBe(asItIs);
    expect(bitmap.close).toHaveBeenCalledTimes(1);
  });

  it('closes the bitmap when encoding fails (toBlob gives null), and sends the file as it is', async () => {
    const bitmap = fakeBitmap(4000, 3000);
    const drawImage = vi.fn();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
      drawImage,
    } as unknown as CanvasRenderingContext2D);
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) => callback(null));
    expect(await imageToDataUrl(photo)).toBe(asItIs);
    expect(drawImage).toHaveBeenCalledWith(bitmap, 0, 0, 1568, 1176);
    expect(bitmap.close).toHaveBeenCalledTimes(1);
  });
});
