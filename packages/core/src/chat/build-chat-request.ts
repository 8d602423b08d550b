import type { HeliconeOptions } from '../headers/helicone-options';
import { metadataHeaders } from '../headers/metadata-headers';
import type { ChatRequestBody, ChatTransportRequest } from '../transport/chat-transport';
import { buildRequestMessages } from './build-request-messages';
import type { ChatModelParameters, ChatOptions, ChatTurn } from './chat-options';
import type { ChatSessionInfo } from './chat-session-state';
import { throttleMs } from './throttle';
import type { ChatMessage, UserMessage } from './types';

/** The chat options that are OpenAI parameters, sent under their own names (the request-body test lists them all). */
const parameters: (keyof ChatModelParameters)[] = [
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'n',
  'seed',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'reasoning_effort',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'user',
];

const defaultPath = ({ index, step }: ChatTurn) => `/turn-${index}` + (step ? `/tool-${step}` : '');

/**
 * One request of the chat, for the session `turn.sessionId` named `name`: the OpenAI body (system message,
 * `history`, the branch the answer continues, oldest first; the model and OpenAI parameters; prompt fields) and
 * the Helicone options. Precedence of the Helicone options: `metadata` (sent as raw headers, which any typed
 * option of the same header replaces) < `helicone` < `cache`, `retry`, `rateLimitPolicy` and `properties` < the
 * last user message's properties; the session is always the store's: its id, `name` and this turn's path.
 */
export function buildChatRequest(
  options: ChatOptions & { model: string },
  name: string | undefined,
  turn: ChatTurn,
  history: readonly ChatMessage[],
  signal: AbortSignal,
): ChatTransportRequest & { helicone: { session: ChatSessionInfo } } {
  const lastUser = history.findLast((message): message is UserMessage => message.role === 'user');
  const sessionPath = options.session?.path;
  const path = typeof sessionPath === 'function' ? sessionPath(turn) : (sessionPath ?? defaultPath(turn));
  const {
    helicone: base,
    cache = base?.cache,
    retry = base?.retry,
    rateLimitPolicy = base?.rateLimitPolicy,
  } = options;
  const helicone = {
    ...base,
    cache,
    retry,
    rateLimitPolicy,
    properties: { ...base?.properties, ...options.properties, ...lastUser?.properties },
    session: { id: turn.sessionId, name, path },
  } satisfies HeliconeOptions;

  const { stream = true, prompt } = options;
  // Undefined fields are left out of the JSON.
  const body: ChatRequestBody = {
    model: options.model,
    messages: [
      ...(options.system ? [{ role: 'system' as const, content: options.system }] : []),
      ...buildRequestMessages(history),
    ],
    stream,
    stream_options: stream ? { include_usage: true } : undefined,
    prompt_id: prompt?.id,
    inputs: prompt?.inputs,
    environment: prompt?.environment,
    version_id: prompt?.versionId,
  };
  for (const parameter of parameters) body[parameter] = options[parameter];
  return {
    body,
    helicone,
    headers: options.metadata && metadataHeaders(options.metadata),
    signal,
    batchMs: throttleMs(options.throttle),
  };
}
