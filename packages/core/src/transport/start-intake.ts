import { runIntake, type IntakeMessage, type IntakeRequest } from './run-intake';

/**
 * The worker's program: runs the one request it is sent through `intake` (`runIntake`'s own source) and posts what
 * it tells. Self-contained for the same reason as `runIntake`.
 */
function serveIntake(intake: typeof runIntake) {
  const scope = self as unknown as Worker;
  scope.onmessage = function (event: MessageEvent<IntakeRequest>) {
    intake(
      event.data,
      function (message) {
        try {
          scope.postMessage(message);
        } catch {
          // An error that cannot be cloned goes as its text.
          scope.postMessage({ fail: String((message as { fail: unknown }).fail) });
        }
      },
      fetch,
    );
  };
}

/** The workers' script, made once; `null` once a worker could not start (the page's policy forbids them). */
let script: string | null | undefined;

/**
 * Runs `request` in a worker of its own, so the page's main thread never wakes for a network chunk, only for the
 * batches the worker posts; `abort` terminates the worker, which ends its request. Runs it in the page instead with
 * `fetchImpl` (a `fetch` of your own cannot cross into a worker), and where no worker can start: no `Worker` (a
 * server, a test environment), or a Content-Security-Policy without `worker-src blob:`, whether `new Worker`
 * throws or the worker fails to load. Returns `abort`.
 */
export function startIntake(
  request: IntakeRequest,
  post: (message: IntakeMessage) => void,
  fetchImpl?: typeof fetch,
): () => void {
  let abort: () => void;
  const inPage = () => (abort = runIntake(request, post, fetchImpl ?? fetch));
  if (fetchImpl || script === null) return inPage();
  try {
    // Bundlers that keep function names (esbuild's `keepNames`, which tsx uses) call a `__name` helper inside them.
    script ??= URL.createObjectURL(
      new Blob([`var __name=function(f){return f};(${String(serveIntake)})(${String(runIntake)})`], {
        type: 'text/javascript',
      }),
    );
    const worker = new Worker(script);
    let heard = false;
    worker.onmessage = ({ data }: MessageEvent<IntakeMessage>) => {
      heard = true;
      if ('end' in data || 'fail' in data) worker.terminate();
      post(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (heard) return post({ fail: new TypeError('The intake worker stopped') });
      script = null;
      inPage();
    };
    // The worker's base URL is its blob's: a relative route is resolved against the page first.
    worker.postMessage({ ...request, url: new URL(request.url, globalThis.location.href).href });
    abort = () => worker.terminate();
  } catch {
    script = null;
    inPage();
  }
  return () => abort();
}
