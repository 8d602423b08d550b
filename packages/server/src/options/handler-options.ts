/** What `authorize` grants a call: the only source of `Helicone-User-Id`, plus trusted properties. */
export type Authorization = {
  /** Sent as `Helicone-User-Id`, and written into the body's `user` field. */
  userId?: string;
  /** Sent as `Helicone-Property-<name>`; they win over the same properties from `defaults` and the browser. */
  properties?: Record<string, string>;
};

/** The app's own auth: the user for this call, or a `Response` (401, 403, ...) that refuses it. */
export type Authorize = (
  request: Request,
) => Authorization | Response | undefined | Promise<Authorization | Response | undefined>;

/**
 * Who may rate a request: the app checks that the request id belongs to the user `authorize` returned (Helicone
 * does not know the app's users). `true` (or `undefined`) lets the rating through, `false` answers 403, a
 * `Response` is the answer.
 */
export type AuthorizeFeedback = (
  requestId: string,
  authorization: Authorization,
) => boolean | Response | undefined | Promise<boolean | Response | undefined>;

/** Where an operation goes when the AI gateway does not serve it (embeddings, legacy text completions). */
export type OperationTarget = {
  /** An OpenAI-compatible base URL, with or without `/v1`, e.g. Helicone's OpenAI proxy `https://oai.helicone.ai/v1`. */
  baseURL: string;
  /**
   * The provider's key, sent as `Authorization`; the Helicone key then goes in `Helicone-Auth`, as Helicone's
   * legacy proxies expect. Without it the Helicone key is sent as `Authorization`, as the AI gateway expects.
   */
  providerApiKey?: string;
};

export type Operations = {
  /** `POST {base}/completions`; `false` answers 404. */
  completions?: OperationTarget | false;
  /** `POST {base}/embeddings`; `false` answers 404. */
  embeddings?: OperationTarget | false;
};

/** The `Helicone-*` headers a browser may send. Anything else starting with `Helicone-` is dropped. */
export type ClientMay = {
  /** Property names (`Helicone-Property-<name>`, case-insensitive) a browser may set, or `'*'` for any. Default `[]`. */
  properties?: readonly string[] | '*';
  /** `Helicone-Session-Id`, `-Path` and `-Name`. Default `true`. */
  session?: boolean;
  /** `Helicone-Cache-Enabled` on or off. Default `false`. */
  cache?: boolean;
  /** `Helicone-Retry-Enabled` and the `helicone-retry-*` settings. Default `false`. */
  retry?: boolean;
  /** `Helicone-Prompt-Id`. Default `false`. */
  promptId?: boolean;
  /** Helicone's `plugins` body field (web search, ...), which adds cost per call; dropped otherwise. Default `false`. */
  plugins?: boolean;
  /** `Helicone-RateLimit-Policy`, only when the server sets none (no `budgets`, no default policy). Default `false`. */
  rateLimitPolicy?: boolean;
};

export type Budget = {
  /** The spend allowed per window, in US cents (Helicone's `u=cents`). */
  cents: number;
  /** The window, in seconds: 60 to 31536000 (Helicone's `w`). */
  windowSeconds: number;
};

/** One budget for every user, or one per user id (`undefined`: no budget for that user). */
export type Budgets = Budget | ((userId: string) => Budget | undefined);

export type Limits = {
  /** Largest request body accepted, in bytes; larger gets 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Most chat messages per request; more gets 400. Default 1000. */
  maxMessages?: number;
  /** How long to wait for the gateway's response headers, in ms; then 504. Default 300000 (5 minutes). */
  firstByteTimeoutMs?: number;
  /** Most choices one call may ask for (`n`, and `best_of` for text completions); more gets 400. Default 8. */
  maxChoices?: number;
  /** How long the whole request body may take to arrive, in ms; then 408. Default 30000. */
  bodyTimeoutMs?: number;
};

export type Logger = {
  warn: (message: string) => void;
  error: (message: string) => void;
};
