export type UpstreamCall = {
  url: string;
  method: 'GET' | 'POST';
  headers: Headers | Record<string, string>;
  body?: string;
  /** The browser's request: when it goes away, the upstream call is aborted at once, body stream included. */
  clientSignal: AbortSignal | undefined;
  firstByteTimeoutMs: number;
  fetch: typeof fetch;
};

export type UpstreamResult =
  | { kind: 'response'; response: Response }
  | { kind: 'timeout' }
  | { kind: 'redirect'; status: number }
  | { kind: 'client-aborted' }
  | { kind: 'network-error'; error: unknown };

/** Calls the gateway, aborting it when the client leaves or when no response headers arrive in time. */
export async function callUpstream(call: UpstreamCall): Promise<UpstreamResult> {
  const controller = new AbortController();
  const { clientSignal } = call;
  if (clientSignal?.aborted) return { kind: 'client-aborted' };
  let timedOut = false;
  const abortForClient = () => controller.abort(clientSignal?.reason);
  clientSignal?.addEventListener('abort', abortForClient, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('first byte timeout'));
  }, call.firstByteTimeoutMs);
  try {
    // A redirect is not followed: the key must not travel to a host nobody configured.
    const init: RequestInit = {
      method: call.method,
      headers: call.headers,
      signal: controller.signal,
      redirect: 'manual',
    };
    if (call.body !== undefined) init.body = call.body;
    // Called unbound: browsers and workers throw "Illegal invocation" for fetch with another `this`.
    const fetchImplementation = call.fetch;
    const response = await fetchImplementation(call.url, init);
    // A browser's fetch reports a manual redirect as an `opaqueredirect` with status 0.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'redirect', status: response.status };
    }
    // `Response.error()` (status 0), or a custom fetch's status no Response may carry: nothing to pass on.
    if (response.status < 200 || response.status > 599) {
      await response.body?.cancel().catch(() => undefined);
      return {
        kind: 'network-error',
        error: new TypeError(`fetch gave a response with status ${response.status}`),
      };
    }
    return { kind: 'response', response };
  } catch (error) {
    clientSignal?.removeEventListener('abort', abortForClient);
    if (timedOut) return { kind: 'timeout' };
    if (clientSignal?.aborted) return { kind: 'client-aborted' };
    return { kind: 'network-error', error };
  } finally {
    clearTimeout(timer);
  }
}
