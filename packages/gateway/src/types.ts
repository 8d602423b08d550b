import type { UpstreamOptions } from './providers/upstream-options';

/** How fast the offline generator answers. */
export type Pace = {
  /** Wait before the first token, in ms. */
  firstTokenMs: number;
  /** Tokens per second after the first; `Infinity` (or 0) sends them as fast as the socket takes them. */
  tokensPerSecond: number;
};

/**
 * A provider failure to emulate. `times` limits it to the next N attempts on that provider (then it answers
 * normally again), so retries and fallbacks can be seen recovering; without it the fault stays.
 */
export type Fault =
  | { type: 'status'; status: number; message?: string; times?: number }
  | { type: 'timeout'; times?: number }
  | { type: 'cut'; afterTokens?: number; times?: number }
  | { type: 'malformed'; afterTokens?: number; times?: number };

/** Faults by provider name (`openai`, `anthropic`, ...), or `'*'` for every provider. */
export type Faults = Record<string, Fault>;

export type GatewayStats = {
  /** Requests received and not yet answered in full (streams included). */
  openRequests: number;
  /** Requests answered since start, whatever the outcome. */
  completedRequests: number;
};

export type { UpstreamOptions };

export type LocalGatewayOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** SQLite file of the request log, or `':memory:'` (default). */
  database?: string;
  /** The key clients must send; a random one is made when left out. */
  apiKey?: string;
  /**
   * Answer from a real server instead of the offline generator: a URL of an OpenAI-compatible API (its `/v1`
   * base), or options (Anthropic's Messages API with `format: 'anthropic'`). Every Helicone behaviour still applies.
   */
  upstream?: string | UpstreamOptions;
  pace?: Partial<Pace>;
  faults?: Faults;
  /**
   * Multiplies every wait the gateway schedules (retry backoff, rate-limit windows, cache TTL). Default 1. The
   * scheduled delays it logs and the `Helicone-RateLimit-Reset` it sends stay the real, unscaled ones.
   */
  timeScale?: number;
  /**
   * Streamed requests and the cache (HELICONE.md §2.2 [conflict]): `'replay'` (default) caches streams and
   * replays their chunks; `'skip'` never caches a streamed request, as one version of the worker does.
   */
  streamCache?: 'replay' | 'skip';
  /**
   * Error body when every attempt failed (HELICONE.md §3.2 [conflict]): `'gateway'` (default), the worker's
   * `{success:false, error:{code, message, details, param}}`; `'docs'`, the documented `{error:{message, type, code}}`.
   */
  errorFormat?: 'gateway' | 'docs';
  /** How long a provider fault of type `timeout` keeps the gateway waiting, in ms before `timeScale`. Default 30000. */
  providerTimeoutMs?: number;
  /** A JSON file of prompts for the prompt store: `{ "prompts": [{ "id"?, "name", "promptBody", "environments"? }] }`. */
  prompts?: string;
  /** Enables `POST /__dev/faults` (it needs the key, like every endpoint). Off by default. */
  dev?: boolean;
  /** Where warnings go (a malformed rate-limit policy, ...). Default `console.warn`. */
  onWarning?: (message: string) => void;
};

export type LocalGateway = {
  /** The gateway's origin, e.g. `http://127.0.0.1:54321`; the OpenAI base URL is `${url}/v1`. */
  url: string;
  apiKey: string;
  /** Ends open streams, stops the server and closes the database. */
  close(): Promise<void>;
  /** Replaces the faults in force. */
  setFaults(faults: Faults): void;
  stats(): GatewayStats;
};
