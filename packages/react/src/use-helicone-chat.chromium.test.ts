// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './__tests__/chromium/launch-chromium';
import { serveTestPage, type TestPageServer } from './__tests__/chromium/serve-test-page';
import type { TestPageWindow } from './__tests__/chromium/test-page';

let server: TestPageServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  server = await serveTestPage();
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('useHeliconeChat in real Chromium pages', () => {
  it("a tab showing the same session sees the other tab's new messages (storage event)", async () => {
    const url = `${server.origin}/?session=shared-tabs&maxTokens=12`;
    const [writer, reader] = [await browser.context.newPage(), await browser.context.newPage()];
    await writer.goto(url);
    await reader.goto(url);
    await writer.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
    await reader.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
    expect(await reader.locator('li').count()).toBe(0);

    await writer.evaluate(() => (window as unknown as TestPageWindow).chat!.send('Hello from the first tab'));
    await writer.locator('main[data-status="ready"] li').nth(1).waitFor();
    const written = await writer.locator('li').allTextContents();
    expect(written).toHaveLength(2);
    expect(written[0]).toBe('Hello from the first tab');
    expect(written[1]!.length).toBeGreaterThan(0);

    // The reader never sent anything: it learns of the conversation through localStorage's storage event.
    await reader.locator('li').nth(1).waitFor();
    expect(await reader.locator('li').allTextContents()).toEqual(written);
    expect(await reader.evaluate(() => (window as unknown as TestPageWindow).chat!.status)).toBe('ready');

    // And back: the reader continues the conversation, the writer follows.
    await reader.evaluate(() => (window as unknown as TestPageWindow).chat!.send('And hello back'));
    await writer.locator('li').nth(3).waitFor();
    expect(await writer.locator('li').allTextContents()).toEqual(
      await reader.locator('li').allTextContents(),
    );
    expect((await writer.locator('li').allTextContents())[2]).toBe('And hello back');
  }, 30_000);

  it('send({ images: [file] }) downscales a photo in the browser to 1568 px as JPEG, and the route takes it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?session=images&maxTokens=8`);
    await page.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
    const sent = await page.evaluate(async () => {
      const chat = (window as unknown as TestPageWindow).chat!;
      const canvas = document.createElement('canvas');
      canvas.width = 4000;
      canvas.height = 3000;
      const context = canvas.getContext('2d')!;
      const gradient = context.createLinearGradient(0, 0, 4000, 3000);
      gradient.addColorStop(0, '#1e3a8a');
      gradient.addColorStop(1, '#f59e0b');
      context.fillStyle = gradient;
      context.fillRect(0, 0, 4000, 3000);
      const photo = await new Promise<Blob>((resolve) =>
        canvas.toBlob((blob) => resolve(blob!), 'image/png'),
      );
      await chat.send({ content: 'Describe this photo', images: [photo] });
      const state = chat.store.getState();
      const image = state.messages[0]!.parts.find((part) => part.type === 'image');
      const url = image && 'url' in image ? image.url : '';
      const element = new Image();
      element.src = url;
      await element.decode();
      return {
        width: element.naturalWidth,
        height: element.naturalHeight,
        type: url.slice(0, 23),
        status: state.status,
      };
    });
    expect(sent).toEqual({ width: 1568, height: 1176, type: 'data:image/jpeg;base64,', status: 'ready' });
    await page.close();
  }, 30_000);
});
