import type { ErrorFormat } from './behaviours/error-body';
import type { CacheStore } from './behaviours/cache-store';
import type { PromptStore } from './behaviours/prompt-store';
import type { RateLimiter } from './behaviours/rate-limiter';
import type { RequestLog } from './log/request-log';
import type { Provider } from './providers/types';
import type { Faults, Pace } from './types';

/** An answer in progress: aborting it ends its stream, and `done` settles once its log row is written. */
export type OpenRequest = { abort(): void; done: Promise<void> };

/** Everything the request handlers share. */
export type GatewayState = {
  apiKey: string;
  log: RequestLog;
  pace: Pace;
  faults: Faults;
  timeScale: number;
  dev: boolean;
  streamCache: 'replay' | 'skip';
  errorFormat: ErrorFormat;
  providerTimeoutMs: number;
  provider: Provider;
  cache: CacheStore;
  rateLimiter: RateLimiter;
  prompts: PromptStore;
  warn(message: string): void;
  /** Warns once per gateway for a given message (a misuse repeated on every request, ...). */
  warnOnce(message: string): void;
  open: Set<OpenRequest>;
  completedRequests: number;
};
