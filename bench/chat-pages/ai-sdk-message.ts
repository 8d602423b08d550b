import type { UIMessage } from 'ai';

/** The AI SDK's message in this bench: its route adds the gateway's completion tokens when the answer finishes. */
export type AiSdkMessage = UIMessage<{ completionTokens?: number }>;
