/**
 * The OpenAI wire types this kit reads and writes. Core's own copy (no dependency on the `openai` package), kept
 * loose where providers differ: every field a provider may leave out is optional, and unknown fields pass through.
 */

export type FinishReason =
  'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | (string & {});

/**
 * Token counts. `prompt_tokens` includes cached reads and cache writes; `completion_tokens` includes reasoning.
 * Helicone's gateway adds `cache_write_tokens` (and its 5m/1h split) to `prompt_tokens_details`; DeepSeek also
 * sends `prompt_cache_hit_tokens`/`prompt_cache_miss_tokens` at the top level.
 */
export type Usage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: {
    cached_tokens?: number;
    audio_tokens?: number;
    cache_write_tokens?: number;
    cache_write_details?: { write_5m_tokens?: number; write_1h_tokens?: number };
  } | null;
  completion_tokens_details?: {
    reasoning_tokens?: number;
    audio_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  } | null;
  prompt_cache_hit_tokens?: number;
  prompt_cache_miss_tokens?: number;
};

export type ToolCall = {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
};

/** One fragment of a tool call in a stream; `index` says which call it belongs to (it may start at 1). */
export type ToolCallDelta = {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
};

export type Annotation = {
  type: 'url_citation' | (string & {});
  url_citation?: { url: string; title?: string; start_index?: number; end_index?: number; content?: string };
  [key: string]: unknown;
};

/** OpenRouter-style structured reasoning (`reasoning.text`, `reasoning.summary`, `reasoning.encrypted`). */
export type ReasoningDetail = {
  type: string;
  index?: number;
  text?: string;
  summary?: string;
  data?: string;
  signature?: string | null;
  format?: string;
  id?: string | null;
  [key: string]: unknown;
};

export type ChatCompletionRole = 'assistant' | 'user' | 'system' | 'developer' | 'tool' | (string & {});

export type ChatCompletionMessage = {
  role: ChatCompletionRole;
  content: string | null;
  refusal?: string | null;
  /** Reasoning text, from `reasoning` or DeepSeek's `reasoning_content`. */
  reasoning?: string | null;
  reasoning_details?: ReasoningDetail[];
  tool_calls?: ToolCall[];
  annotations?: Annotation[];
};

export type ChatCompletionDelta = {
  role?: ChatCompletionRole;
  content?: string | null;
  refusal?: string | null;
  reasoning?: string | null;
  reasoning_content?: string | null;
  reasoning_details?: ReasoningDetail[];
  tool_calls?: ToolCallDelta[];
  annotations?: Annotation[];
};

export type ChatCompletionChunkChoice = {
  index: number;
  delta: ChatCompletionDelta;
  finish_reason: FinishReason | null;
  logprobs?: unknown;
};

export type ChatCompletionChunk = {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: ChatCompletionChunkChoice[];
  usage?: Usage | null;
  system_fingerprint?: string | null;
  service_tier?: string | null;
};

/** A legacy `/v1/completions` stream chunk. */
export type TextCompletionChunk = {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  choices: { index: number; text: string; finish_reason: FinishReason | null; logprobs?: unknown }[];
  usage?: Usage | null;
  system_fingerprint?: string | null;
};

export type CompletionChunk = ChatCompletionChunk | TextCompletionChunk;

export type ChatCompletionChoice = {
  index: number;
  message: ChatCompletionMessage;
  finish_reason: FinishReason | null;
  logprobs?: unknown;
  /** Only for legacy text completions: the generated text (also given as `message.content`). */
  text?: string;
};

/**
 * A finished completion. Legacy text completions use the same shape with `object: 'text_completion'`, the text in
 * both `choices[].text` and `choices[].message.content`, so callers can handle both alike.
 */
export type ChatCompletion = {
  id: string;
  object: 'chat.completion' | 'text_completion';
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: Usage;
  system_fingerprint?: string | null;
  service_tier?: string | null;
};
