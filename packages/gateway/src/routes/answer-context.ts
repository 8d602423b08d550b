import type { CachedAnswer } from '../behaviours/cache-store';
import type { AttemptSuccess } from '../behaviours/run-attempts';
import type { HeaderMap } from '../http/respond';
import type { RecordFields } from '../log/build-record';
import type { ProviderRequest } from '../providers/types';
import type { GatewayCall } from './gateway-call';

export type Operation = ProviderRequest['operation'];

export type Usage = {
  prompt_tokens?: number;
  completion_tokens?: number;
  completion_tokens_details?: { reasoning_tokens?: number };
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number };
  /** Where some providers' normalized usage puts the cache writes instead (HELICONE.md §5.1). */
  cache_write_tokens?: number;
};

/** What sending a provider's answer needs: the call, the winning attempt, and the after-answer steps. */
export type AnswerContext = {
  call: GatewayCall;
  operation: Operation;
  body: Record<string, unknown>;
  run: AttemptSuccess;
  /** Log fields known before the answer: models, provider, cache switch, attempts. */
  served: Partial<RecordFields>;
  headers: HeaderMap;
  /** Stores the answer in its cache slot (when the request writes the cache). */
  save(answer: Omit<CachedAnswer, 'provider' | 'model' | 'mode' | 'latencyMs'>): void;
  /** Adds the spend to a cents rate-limit bucket. */
  charge(cost: number | null): void;
};
