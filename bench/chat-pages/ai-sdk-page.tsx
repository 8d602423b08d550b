import { useChat, type UseChatHelpers } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useEffect } from 'react';
import type { AiSdkMessage } from './ai-sdk-message';
import { exposeBench } from './bench-page';
import { MessageList, mountChat } from './chat-frame';

const params = new URLSearchParams(location.search);
const tokens = Number(params.get('tokens'));
// `experimental_throttle` in ms; left out, useChat re-renders on every chunk (its default).
const throttle = params.has('throttle') ? Number(params.get('throttle')) : undefined;
const transport = new DefaultChatTransport<AiSdkMessage>({
  api: '/api/ai-sdk/chat',
  body: { max_tokens: tokens },
});
const latest: { chat?: UseChatHelpers<AiSdkMessage>; onFinish?: (message: AiSdkMessage) => void } = {};

function Chat() {
  const chat = useChat<AiSdkMessage>({
    transport,
    experimental_throttle: throttle,
    onFinish: ({ message }) => latest.onFinish?.(message),
  });
  useEffect(() => {
    latest.chat = chat;
  });
  return <MessageList messages={chat.messages} />;
}

exposeBench(async (prompt) => {
  const finished = new Promise<AiSdkMessage>((resolve) => {
    latest.onFinish = resolve;
  });
  await latest.chat!.sendMessage({ text: prompt });
  const answer = await finished;
  if (answer.role !== 'assistant') throw new Error('no answer');
  return {
    text: answer.parts.map((part) => (part.type === 'text' ? part.text : '')).join(''),
    completionTokens: answer.metadata?.completionTokens ?? 0,
  };
});

mountChat(<Chat />);
