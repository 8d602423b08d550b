import { delay } from '../http/delay';
import type { Provider, ProviderRequest, ProviderResult } from '../providers/types';
import type { Fault, Faults } from '../types';
import type { Attempt } from './attempts';
import { takeFault } from './faults';
import { isRetryable } from './retry-delays';

/** One try of one provider, as kept in the log (`attempts` column) and in error `details`. */
export type AttemptOutcome = {
  source: string;
  provider: string;
  model: string;
  status: number;
  message?: string;
  /** The wait scheduled before the next try of the same attempt (unscaled ms), when a retry follows. */
  retryDelayMs?: number;
};

export type AttemptSuccess = {
  ok: true;
  attempt: Attempt;
  result: Extract<ProviderResult, { ok: true }>;
  /** A fault that breaks the answer once it flows: `cut` or `malformed`. */
  fault: Extract<Fault, { type: 'cut' | 'malformed' }> | undefined;
  outcomes: AttemptOutcome[];
};

export type AttemptFailure = { ok: false; outcomes: AttemptOutcome[]; aborted: boolean };

export type RunAttemptsOptions = {
  attempts: readonly Attempt[];
  provider: Provider;
  request: Omit<ProviderRequest, 'attempt'>;
  faults: Faults;
  /** Unscaled waits before each retry (from `retryDelays`). */
  retryDelays: readonly number[];
  timeScale: number;
  /** How long a provider that never answers is waited for (unscaled ms). */
  providerTimeoutMs: number;
};

async function tryOnce(
  options: RunAttemptsOptions,
  attempt: Attempt,
): Promise<{ result: ProviderResult; fault: Fault | undefined }> {
  const fault = takeFault(options.faults, attempt.provider);
  if (fault?.type === 'status') {
    const message = fault.message ?? `${attempt.provider} answered ${fault.status} (local gateway fault).`;
    return { result: { ok: false, status: fault.status, message }, fault };
  }
  if (fault?.type === 'timeout') {
    await delay(options.providerTimeoutMs * options.timeScale, options.request.signal);
    return {
      result: { ok: false, status: 408, message: `${attempt.provider} timed out (local gateway fault).` },
      fault,
    };
  }
  return { result: await options.provider({ ...options.request, attempt }), fault };
}

/**
 * Tries each attempt in fallback order; each one is retried per `Helicone-Retry-*` on 408, 429 and 5xx, waiting
 * the scheduled delays (scaled by `timeScale`). The first success wins; otherwise every outcome is returned so
 * the caller can answer with Helicone's error body.
 */
export async function runAttempts(options: RunAttemptsOptions): Promise<AttemptSuccess | AttemptFailure> {
  const outcomes: AttemptOutcome[] = [];
  const { signal } = options.request;
  for (const attempt of options.attempts) {
    for (let retry = 0; ; retry++) {
      if (signal.aborted) return { ok: false, outcomes, aborted: true };
      const { result, fault } = await tryOnce(options, attempt);
      const base = { source: attempt.source, provider: attempt.provider, model: attempt.providerModelId };
      if (result.ok) {
        outcomes.push({ ...base, status: 200 });
        const breaking = fault?.type === 'cut' || fault?.type === 'malformed' ? fault : undefined;
        return { ok: true, attempt, result, fault: breaking, outcomes };
      }
      const outcome: AttemptOutcome = { ...base, status: result.status, message: result.message };
      outcomes.push(outcome);
      const wait = options.retryDelays[retry];
      if (wait === undefined || !isRetryable(result.status)) break;
      outcome.retryDelayMs = wait;
      if (!(await delay(wait * options.timeScale, signal))) return { ok: false, outcomes, aborted: true };
    }
  }
  return { ok: false, outcomes, aborted: signal.aborted };
}
