import type { HeliconeOptions } from '@helicone-kit/core';
import type {
  Authorize,
  AuthorizeFeedback,
  Budgets,
  ClientMay,
  Limits,
  Logger,
  Operations,
} from './handler-options';

export type HeliconeHandlerOptions = {
  /** The Helicone key. Default `process.env.HELICONE_API_KEY`; missing is an error at creation. */
  apiKey?: string;
  /** The AI gateway, with or without `/v1`. Default `HELICONE_BASE_URL`, else `https://ai-gateway.helicone.ai/v1`. */
  baseURL?: string;
  /** Helicone's REST API. Default `HELICONE_API_BASE`, else `https://api.helicone.ai` (`https://eu.api.helicone.ai` for an EU key, `sk-helicone-eu-…`). */
  apiBaseURL?: string;
  /** Where the route is mounted. Default `/api/helicone`. */
  basePath?: string;
  /** Per-operation base URL and auth for embeddings and text completions. */
  operations?: Operations;
  /** Allowed models: exact ids and `*` patterns. Default: any model. */
  models?: readonly string[];
  authorize?: Authorize;
  /** Who may rate which request (`POST {base}/feedback`). Default: every caller `authorize` lets in may rate any id. */
  authorizeFeedback?: AuthorizeFeedback;
  /** Helicone options applied to every call; they win over the browser's. */
  defaults?: HeliconeOptions;
  clientMay?: ClientMay;
  budgets?: Budgets;
  limits?: Limits;
  /** Origins allowed to call the route cross-site (CORS), or a function that decides. Default: same-origin only. */
  allowedOrigins?: readonly string[] | ((origin: string) => boolean);
  /** The fetch used to reach Helicone (tests, custom runtimes). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Where the route reports upstream failures; every line is redacted. Default: `console`. */
  logger?: Logger;
};
