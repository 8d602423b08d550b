// @vitest-environment node
import type { Page } from 'playwright-core';
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

  it('send({ images: [file] }) fits a noisy photo and a noisy PNG under 1568 px and 700 KB as JPEG, sends a small PNG as it is, and the route takes them', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?session=images&maxTokens=8`);
    await page.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
    const sent = await page.evaluate(async () => {
      const chat = (window as unknown as TestPageWindow).chat!;
      // Random noise compresses worst of all: the size, not only the side, has to come down.
      const noise = async (width: number, height: number, type: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d')!;
        const pixels = context.createImageData(width, height);
        const words = new Uint32Array(pixels.data.buffer);
        for (let index = 0; index < words.length; index++) {
          words[index] = ((Math.random() * 0x1000000) | 0xff000000) >>> 0;
        }
        context.putImageData(pixels, 0, 0);
        return new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), type, 0.95));
      };
      const results = [];
      for (const [width, height, type] of [
        [4000, 3000, 'image/jpeg'],
        [1500, 1500, 'image/png'],
        [64, 48, 'image/png'],
      ] as const) {
        const file = await noise(width, height, type);
        // Each image in its own session: two of them in one conversation would not fit one 1 MiB body.
        chat.store.getState().newSession();
        await chat.send({ content: `Describe this ${width}x${height} image`, images: [file] });
        const state = chat.store.getState();
        const question = state.messages[0]!;
        const image = question.parts.find((part) => part.type === 'image');
        const url = image && 'url' in image ? image.url : '';
        const element = new Image();
        element.src = url;
        await element.decode();
        results.push({
          fileBytes: file.size,
          length: url.length,
          width: element.naturalWidth,
          height: element.naturalHeight,
          type: url.slice(0, 23),
          status: state.status,
          error: state.error?.message,
        });
      }
      return results;
    });
    const [photo, png, small] = sent;
    // The files themselves would not fit: without the byte budget they were sent as they were (or at 1568 px).
    expect(photo!.fileBytes).toBeGreaterThan(1024 * 1024);
    expect(png!.fileBytes).toBeGreaterThan(1024 * 1024);
    for (const image of [photo!, png!]) {
      expect(image.length).toBeLessThanOrEqual(700_000);
      expect(image).toMatchObject({ type: 'data:image/jpeg;base64,', status: 'ready', error: undefined });
    }
    expect(photo!.width).toBeLessThanOrEqual(1568);
    expect(photo!.width / photo!.height).toBeCloseTo(4 / 3, 2);
    expect(png!.width).toBe(png!.height);
    expect(png!.width).toBeLessThanOrEqual(1500);
    // Small enough on both counts: sent as it is, the file's own bytes.
    expect(small).toMatchObject({ width: 64, height: 48, status: 'ready' });
    expect(small!.type.startsWith('data:image/png;base64,')).toBe(true);
    expect(small!.length).toBe('data:image/png;base64,'.length + Math.ceil(small!.fileBytes / 3) * 4);
    await page.close();
  }, 60_000);

  /** The URLs of the chat requests that the page made (and finished) itself. */
  const chatRequests = (page: Page) =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('/chat/completions')),
    );

  it('streams through a worker of its own: the page itself never fetches the answer', async () => {
    const page = await browser.context.newPage();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${server.origin}/?session=worker&maxTokens=12`);
    await page.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
    await page.evaluate(() => (window as unknown as TestPageWindow).chat!.send('Hello through a worker'));
    await page.locator('main[data-status="ready"] li').nth(1).waitFor();
    expect((await page.locator('li').nth(1).textContent())!.length).toBeGreaterThan(0);
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/^blob:/);
    // The page's own requests: had it fetched the answer, it would be here (as in the test below).
    expect(await chatRequests(page)).toEqual([]);
    // The worker was the request's alone and is gone with it.
    expect(page.workers()).toHaveLength(0);
    await page.close();
  }, 30_000);

  it('streams in the page where its Content-Security-Policy forbids workers', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?session=no-workers&maxTokens=12&csp`);
    await page.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
    await page.evaluate(() => (window as unknown as TestPageWindow).chat!.send('Hello without a worker'));
    await page.locator('main[data-status="ready"] li').nth(1).waitFor();
    expect((await page.locator('li').nth(1).textContent())!.length).toBeGreaterThan(0);
    expect(page.workers()).toHaveLength(0);
    expect(await chatRequests(page)).toEqual([`${server.origin}/api/helicone/chat/completions`]);
    await page.close();
  }, 30_000);

  it("stop() ends the worker's request: the partial answer stays and the gateway logs the request cancelled", async () => {
    const paced = await serveTestPage({ pace: { firstTokenMs: 0, tokensPerSecond: 200 } });
    const page = await browser.context.newPage();
    try {
      await page.goto(`${paced.origin}/?session=worker-stop&maxTokens=2000&long`);
      await page.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
      await page.evaluate(() => {
        const window_ = window as unknown as TestPageWindow & { sent?: Promise<void> };
        window_.sent = window_.chat!.send('Write a long essay');
      });
      await page.waitForFunction(
        () => (document.querySelector('li[data-role="assistant"]')?.textContent ?? '').length > 100,
      );
      expect(page.workers()).toHaveLength(1);
      const stopped = await page.evaluate(async () => {
        const window_ = window as unknown as TestPageWindow & { sent?: Promise<void> };
        window_.chat!.stop();
        await window_.sent;
        const state = window_.chat!.store.getState();
        const answer = state.messages.at(-1)!;
        return {
          status: state.status,
          stopped: answer.role === 'assistant' && answer.metadata.stopped,
          requestId: answer.role === 'assistant' ? answer.metadata.requestId : undefined,
          text: answer.parts.map((part) => ('text' in part ? part.text : '')).join(''),
        };
      });
      expect(stopped).toMatchObject({ status: 'ready', stopped: true });
      expect(stopped.text.length).toBeGreaterThan(100);
      await expect.poll(() => page.locator('li[data-role="assistant"]').textContent()).toBe(stopped.text);
      // The worker's fetch was aborted: the route let go of the gateway, which logged the request as cancelled.
      await expect.poll(() => paced.gateway.stats().openRequests).toBe(0);
      await expect
        .poll(async () => {
          const response = await fetch(`${paced.gateway.url}/v1/request/${stopped.requestId}`, {
            headers: { authorization: `Bearer ${paced.gateway.apiKey}` },
          });
          return response.ok
            ? ((await response.json()) as { data: { status: string } }).data.status
            : undefined;
        })
        .toBe('cancelled');
    } finally {
      await page.close();
      await paced.close();
    }
  }, 30_000);

  it("the worker's failures reach the chat typed: a cut mid-answer keeps the partial text, a refusal its status, and retry() then answers", async () => {
    // Paced, so the tokens before the cut reach the page before it.
    const paced = await serveTestPage({ pace: { firstTokenMs: 0, tokensPerSecond: 200 } });
    const page = await browser.context.newPage();
    try {
      await page.goto(`${paced.origin}/?session=worker-failures&maxTokens=40`);
      await page.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
      const attempt = (action: 'send' | 'retry') =>
        page.evaluate(async (action) => {
          const chat = (window as unknown as TestPageWindow).chat!;
          await (action === 'send' ? chat.send('Tell me about retries') : chat.retry());
          const { status, error, messages } = chat.store.getState();
          const answer = messages.at(-1)!;
          return {
            status,
            error: error && {
              name: error.name,
              message: error.message,
              type: (error as { type?: string }).type,
              status: (error as { status?: number }).status,
            },
            answered: answer.role === 'assistant',
            text: answer.parts.map((part) => ('text' in part ? part.text : '')).join(''),
          };
        }, action);

      paced.gateway.setFaults({ '*': { type: 'cut', afterTokens: 5, times: 1 } });
      const cut = await attempt('send');
      expect(cut).toMatchObject({
        status: 'error',
        answered: true,
        error: { name: 'StreamError', type: 'connection_cut' },
      });
      expect(cut.text.length).toBeGreaterThan(0);

      paced.gateway.setFaults({ '*': { type: 'status', status: 400, message: 'The provider refused it' } });
      // Every attempt failed: the gateway answers 500 with the provider's message.
      expect(await attempt('retry')).toMatchObject({
        status: 'error',
        error: { name: 'GatewayError', status: 500, message: 'The provider refused it' },
      });

      paced.gateway.setFaults({});
      const answered = await attempt('retry');
      expect(answered).toMatchObject({ status: 'ready', answered: true, error: undefined });
      expect(answered.text.length).toBeGreaterThan(cut.text.length);
    } finally {
      await page.close();
      await paced.close();
    }
  }, 30_000);
});
