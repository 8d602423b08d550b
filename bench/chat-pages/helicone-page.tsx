import { HeliconeProvider, useHeliconeChat, type UseHeliconeChatResult } from '@helicone-kit/react';
import { useEffect } from 'react';
import { exposeBench } from './bench-page';
import { MessageList, mountChat } from './chat-frame';
import { benchModel, longAnswerFormat } from './long-answer';

const params = new URLSearchParams(location.search);
const tokens = Number(params.get('tokens'));
const responseFormat = longAnswerFormat(tokens);
// `throttle`: `frame`, or ms; left out, the hook's default (50 ms).
const throttleParam = params.get('throttle');
const throttle =
  throttleParam === null ? undefined : throttleParam === 'frame' ? 'frame' : Number(throttleParam);
const latest: { chat?: UseHeliconeChatResult } = {};

function Chat() {
  const chat = useHeliconeChat({
    model: benchModel,
    max_tokens: tokens,
    response_format: responseFormat,
    session: { id: params.get('session') ?? 'bench' },
    throttle,
  });
  useEffect(() => {
    latest.chat = chat;
  });
  return <MessageList messages={chat.messages} />;
}

exposeBench(async (prompt) => {
  const chat = latest.chat!;
  await chat.send(prompt);
  const answer = chat.store.getState().messages.at(-1);
  if (answer?.role !== 'assistant') throw new Error('no answer');
  return {
    text: answer.parts.map((part) => (part.type === 'text' ? part.text : '')).join(''),
    completionTokens: answer.metadata.usage?.completionTokens ?? 0,
  };
});

mountChat(
  <HeliconeProvider api="/api/helicone">
    <Chat />
  </HeliconeProvider>,
);
