import { generateChat } from '../generator/generate-chat';
import { delay } from '../http/delay';
import { chatCompletionBody } from '../routes/chat-json';
import { completionBody, offlineCompletionChunks } from '../routes/completion-output';
import { embeddingBody } from '../routes/embedding-output';
import { offlineChatChunks, tokenInterval } from '../routes/offline-chat-chunks';
import { generateCompletion } from '../generator/generate-completion';
import type { Pace } from '../types';
import type { Provider } from './types';

/** The built-in generator as a provider: deterministic answers at `pace`, no network. */
export function createOfflineProvider(pace: () => Pace): Provider {
  return async ({ operation, body, attempt, stream, signal, variant }) => {
    const model = attempt.providerModelId;
    if (operation === 'embedding') return embeddingBody(body, attempt);
    if (operation === 'completion') {
      const generated = generateCompletion(body, model, variant);
      if (stream)
        return {
          ok: true,
          kind: 'stream',
          chunks: offlineCompletionChunks(generated, model, pace(), signal),
        };
      const json = completionBody(generated, model);
      if (!(await delay(pace().firstTokenMs + tokenInterval(pace()) * generated.completionTokens, signal))) {
        return { ok: false, status: 499, message: 'Client closed the request' };
      }
      return { ok: true, kind: 'json', body: json };
    }
    const generated = generateChat(body, {
      model,
      reasoning: attempt.model?.capabilities.reasoning ?? false,
      variant,
    });
    if (stream)
      return { ok: true, kind: 'stream', chunks: offlineChatChunks(generated, model, pace(), signal) };
    const json = chatCompletionBody(generated, model);
    const tokens = json.usage.completion_tokens;
    if (!(await delay(pace().firstTokenMs + tokenInterval(pace()) * Math.max(0, tokens - 1), signal))) {
      return { ok: false, status: 499, message: 'Client closed the request' };
    }
    return { ok: true, kind: 'json', body: json };
  };
}
