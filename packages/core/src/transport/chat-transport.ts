import type { HeliconeOptions } from '../headers/helicone-options';
import type { ChatCompletion, CompletionChunk, ToolCall } from '../openai/types';
import type { HeliconeAnswerInfo } from '../response/read-answer-info';

export type ChatRequestContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

/** A message of an OpenAI chat request. */
export type ChatRequestMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | ChatRequestContentPart[] }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

/** Helicone's prompts (2.0): the gateway expands the prompt from these body fields. */
export type ChatPromptOptions = {
  id: string;
  inputs?: Record<string, unknown>;
  environment?: string;
  versionId?: string;
};

/** An OpenAI-compatible chat request body; the OpenAI parameters pass through as given. */
export type ChatRequestBody = {
  model: string;
  messages: ChatRequestMessage[];
  stream: boolean;
  prompt_id?: string;
  inputs?: Record<string, unknown>;
  environment?: string;
  version_id?: string;
  [parameter: string]: unknown;
};

export type ChatTransportRequest = {
  body: ChatRequestBody;
  /** Sent as `Helicone-*` headers (session, properties, cache, retry, rate-limit policy, ...). */
  helicone: HeliconeOptions;
  /**
   * Raw request headers from the chat's `metadata` (`Helicone-*` names as written). Sent before the `helicone`
   * options, so a typed option replaces a header of the same name in any casing; the route validates them all.
   */
  headers?: Record<string, string>;
  /** Aborted by `stop()`: the transport must end the request (the route then aborts upstream). */
  signal: AbortSignal;
  /**
   * The stream may be handed over in batches (`chunks` events), at most one per this many milliseconds; 0 or
   * left out: as it comes. The chat sets it from its `throttle`.
   */
  batchMs?: number;
};

/**
 * What a transport yields for one request: first `response` (what the chat records of the headers: request id,
 * provider, model, cache status; `readHeliconeResponse` gives it and more), then either the stream's chunks, one
 * at a time (`chunk`) or as many as arrived together (`chunks`, folded and shown at once), or one `completion`
 * (with `stream: false`; folded like a chunk whose deltas are the messages, so a raw body with DeepSeek's
 * `reasoning_content` or a legacy `text` works as well as `chatCompletionFromResponse`'s). A failed request
 * throws: `GatewayError` before the body, `StreamError` inside it, anything else for the network.
 */
export type ChatTransportEvent =
  | { type: 'response'; response: HeliconeAnswerInfo }
  | { type: 'chunk'; chunk: CompletionChunk }
  | { type: 'chunks'; chunks: CompletionChunk[] }
  | { type: 'completion'; completion: ChatCompletion };

/** How the chat store talks to a model: `createHttpTransport` for the route, `createMockTransport` in tests. */
export type ChatTransport = {
  send(request: ChatTransportRequest): AsyncIterable<ChatTransportEvent>;
};
