/** One request for the intake: `fetch`'s arguments, the URL absolute (a worker has no page to resolve against). */
export type IntakeRequest = {
  url: string;
  init: { method: string; headers: [string, string][]; body: string; credentials: RequestCredentials };
  /** At most one `text` message per this many milliseconds (0: one per network chunk). */
  batchMs: number;
};

/**
 * What the intake tells of its request, in this order: the response's `head`, its body as decoded `text` (each
 * message holding everything that arrived since the last), then `end`, or `fail` (what `fetch` or the body threw)
 * at any point.
 */
export type IntakeMessage =
  | { head: { status: number; headers: [string, string][] } }
  | { text: string }
  | { end: true }
  | { fail: unknown };

/**
 * Fetches `request` and reads its body, handing `post` the text in batches: the first piece at once, then at most
 * one batch per `batchMs`, however many network chunks arrive meanwhile. Returns `abort`, which ends the request
 * (the route then aborts upstream) and posts nothing more.
 *
 * It runs in a worker, so the page's main thread never wakes for a network chunk, or in the page where no worker
 * can start. The worker's copy is this function's own source (`String(runIntake)`), so it must reach nothing
 * outside itself but its arguments and globals, and it is written without syntax a transpiler would turn into a
 * call to a helper (no async, spread, destructuring or `for...of`).
 */
export function runIntake(
  request: IntakeRequest,
  post: (message: IntakeMessage) => void,
  fetchImpl: typeof fetch,
): () => void {
  const controller = new AbortController();
  const decoder = new TextDecoder();
  let pending = '';
  let sentAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let over = false;
  const flush = function () {
    clearTimeout(timer);
    timer = undefined;
    sentAt = Date.now();
    if (pending) post({ text: pending });
    pending = '';
  };
  const finish = function (message: IntakeMessage) {
    if (over) return;
    flush();
    over = true;
    post(message);
  };
  fetchImpl(request.url, Object.assign({ signal: controller.signal }, request.init))
    .then(function (response) {
      post({ head: { status: response.status, headers: Array.from(response.headers) } });
      // A fetch without streamed bodies (React Native's) gives the text whole.
      if (!response.body) {
        return response.text().then(function (text) {
          pending += text;
        });
      }
      const reader = response.body.getReader();
      const pump = function (): Promise<void> | undefined {
        return reader.read().then(function (chunk) {
          if (over || chunk.done) return void (pending += decoder.decode());
          pending += decoder.decode(chunk.value, { stream: true });
          const wait = sentAt + request.batchMs - Date.now();
          if (wait <= 0) flush();
          else timer = timer || setTimeout(flush, wait);
          return pump();
        });
      };
      return pump();
    })
    .then(
      function () {
        finish({ end: true });
      },
      function (error: unknown) {
        finish({ fail: error });
      },
    );
  return function () {
    over = true;
    clearTimeout(timer);
    controller.abort();
  };
}
