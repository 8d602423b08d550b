import type { IncomingMessage, ServerResponse } from 'node:http';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { convertToModelMessages, streamText } from 'ai';
import type { AiSdkMessage } from './ai-sdk-message';
import { benchModel, longAnswerFormat } from './long-answer';

type Upstream = { url: string; apiKey: string };

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return JSON.parse(text);
}

/**
 * The AI SDK's side of the bench, written as its docs show: `streamText` through the OpenAI-compatible provider,
 * answered with `toUIMessageStreamResponse()`, here for `node:http`. The provider sends the same
 * `response_format` as the kit's page does, so both clients get the same answer from the local gateway.
 */
export function createAiSdkRoute(upstream: Upstream) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { messages, max_tokens: maxTokens } = (await readJson(request)) as {
      messages: AiSdkMessage[];
      max_tokens: number;
    };
    const provider = createOpenAICompatible({
      name: 'local-gateway',
      baseURL: `${upstream.url}/v1`,
      apiKey: upstream.apiKey,
      includeUsage: true,
      transformRequestBody: (body) => ({ ...body, response_format: longAnswerFormat(maxTokens) }),
    });
    const result = streamText({
      model: provider.chatModel(benchModel),
      messages: await convertToModelMessages(messages),
      maxOutputTokens: maxTokens,
    });
    const answer = result.toUIMessageStreamResponse<AiSdkMessage>({
      messageMetadata: ({ part }) =>
        part.type === 'finish' ? { completionTokens: part.totalUsage.outputTokens } : undefined,
    });
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    const reader = answer.body!.getReader();
    response.on('close', () => void reader.cancel().catch(() => undefined));
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      response.write(chunk.value);
    }
    response.end();
  };
}
