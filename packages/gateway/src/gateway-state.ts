import type { RequestLog } from './log/request-log';
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
  warn(message: string): void;
  open: Set<OpenRequest>;
  completedRequests: number;
};
