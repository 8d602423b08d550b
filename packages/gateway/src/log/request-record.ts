export type RequestStatus = 'success' | 'error' | 'cancelled';

/** One row of the request log, as written when the answer is complete (or cancelled, or failed). */
export type RequestRecord = {
  requestId: string;
  path: string;
  createdAt: number;
  completedAt: number;
  timeToFirstTokenMs: number | null;
  status: RequestStatus;
  httpStatus: number;
  stream: boolean;
  requestedModel: string | null;
  model: string | null;
  provider: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
  /** Prompt tokens read from the provider's prompt cache (`prompt_tokens_details.cached_tokens`). */
  promptCacheReadTokens: number | null;
  /** Prompt tokens written to the provider's prompt cache (`cache_write_tokens`). */
  promptCacheWriteTokens: number | null;
  costUsd: number | null;
  cacheHit: boolean;
  cacheEnabled: boolean;
  userId: string | null;
  sessionId: string | null;
  sessionPath: string | null;
  sessionName: string | null;
  properties: Record<string, string>;
  promptId: string | null;
  /** Null when `Helicone-Omit-Request: true`. */
  requestBody: string | null;
  /** Null when `Helicone-Omit-Response: true`. */
  responseBody: string | null;
  error: string | null;
  /** Every provider try, in order, with its status and the retry wait scheduled after it. */
  attempts: unknown[];
};

/** A stored row, with the feedback that may have come later. */
export type StoredRequest = RequestRecord & {
  latencyMs: number;
  totalTokens: number | null;
  feedbackRating: boolean | null;
  feedbackAt: number | null;
};
