import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContext, runInContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IntakeMessage, IntakeRequest } from './run-intake';
import type { startIntake as StartIntake } from './start-intake';

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end('data: {"hello":"world"}\n\n');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/chat/completions`;
});
afterAll(() => server.close());

const request = (): IntakeRequest => ({
  url,
  init: { method: 'POST', headers: [], body: '{}', credentials: 'same-origin' },
  batchMs: 0,
});

/** Runs one request through a fresh copy of the module (its worker state is per page) until it ends. */
async function run(startIntake: typeof StartIntake, fetchImpl?: typeof fetch) {
  const messages: IntakeMessage[] = [];
  await new Promise<void>((resolve) => {
    startIntake(
      request(),
      (message) => {
        messages.push(message);
        if ('end' in message || 'fail' in message) resolve();
      },
      fetchImpl,
    );
  });
  return messages;
}

const freshModule = async () => {
  vi.resetModules();
  return (await import('./start-intake')).startIntake;
};

/** A stand-in for the browser's `Worker`: records what it is sent and lets the test act as the worker. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage?: (event: { data: unknown }) => void;
  onerror?: (event: { preventDefault(): void }) => void;
  sent: unknown[] = [];
  terminated = false;
  constructor(readonly script: string) {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

let blobs: Blob[] = [];
beforeEach(() => {
  FakeWorker.made = [];
  blobs = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('location', { href: 'http://app.test/chat' });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:intake-${blobs.length}`;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('startIntake', () => {
  it("runs the request in a worker whose program is runIntake's own source, self-contained", async () => {
    const startIntake = await freshModule();
    const messages: IntakeMessage[] = [];
    const ended = new Promise<void>((resolve) =>
      startIntake({ ...request(), url: '/api/chat' }, (message) => {
        messages.push(message);
        if ('end' in message) resolve();
      }),
    );
    const [worker] = FakeWorker.made;
    // A relative route is resolved against the page before it crosses into the worker.
    expect(worker!.sent).toEqual([{ ...request(), url: 'http://app.test/api/chat' }]);

    // The worker's script, run where nothing but the globals a worker has exists: the page's module scope is gone.
    const scope: Record<string, unknown> = {};
    const context = createContext({
      self: scope,
      fetch: (_target: string, init: RequestInit) => fetch(url, init),
      TextDecoder,
      AbortController,
      setTimeout,
      clearTimeout,
    });
    runInContext(await blobs[0]!.text(), context);
    scope.postMessage = (data: unknown) => worker!.onmessage!({ data });
    (scope.onmessage as (event: { data: unknown }) => void)({ data: worker!.sent[0] });
    await ended;
    expect(messages.map((message) => Object.keys(message)[0])).toEqual(['head', 'text', 'end']);
    expect(messages[1]).toEqual({ text: 'data: {"hello":"world"}\n\n' });
    expect(worker!.terminated).toBe(true);
  });

  it('runs the request in the page when the worker fails to load (a policy that forbids it), and every later one', async () => {
    const startIntake = await freshModule();
    const first = run(startIntake);
    FakeWorker.made[0]!.onerror!({ preventDefault() {} });
    expect((await first).map((message) => Object.keys(message)[0])).toEqual(['head', 'text', 'end']);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    await run(startIntake);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('runs the request in the page when no worker can be made', async () => {
    vi.stubGlobal('Worker', undefined);
    const messages = await run(await freshModule());
    expect(messages.map((message) => Object.keys(message)[0])).toEqual(['head', 'text', 'end']);
  });

  it('fails a request its worker had begun answering when the worker breaks', async () => {
    const startIntake = await freshModule();
    const messages: IntakeMessage[] = [];
    startIntake(request(), (message) => messages.push(message));
    const [worker] = FakeWorker.made;
    worker!.onmessage!({ data: { head: { status: 200, headers: [] } } });
    worker!.onerror!({ preventDefault() {} });
    expect(messages).toEqual([{ head: { status: 200, headers: [] } }, { fail: expect.any(TypeError) }]);
  });

  it('aborting terminates the worker, which ends its request', async () => {
    const startIntake = await freshModule();
    const abort = startIntake(request(), () => {});
    abort();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('runs the request in the page with a fetch of your own (a function cannot cross into a worker)', async () => {
    const startIntake = await freshModule();
    const own = vi.fn((target: RequestInfo | URL, init?: RequestInit) => fetch(target, init));
    expect((await run(startIntake, own)).at(-1)).toEqual({ end: true });
    expect(own).toHaveBeenCalledOnce();
    expect(FakeWorker.made).toHaveLength(0);
  });

  it('reads a body a fetch does not stream (React Native gives none) as one piece of text', async () => {
    const startIntake = await freshModule();
    const whole = () =>
      Promise.resolve({
        status: 200,
        headers: new Headers({ 'content-type': 'application/x-ndjson' }),
        body: null,
        text: () => Promise.resolve('{"n":1}\n[DONE]\n'),
      } as unknown as Response);
    const messages = await run(startIntake, whole);
    expect(messages.slice(1)).toEqual([{ text: '{"n":1}\n[DONE]\n' }, { end: true }]);
  });
});
