import { Profiler, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { HeliconeProvider } from '../../helicone-provider';
import { useHeliconeChat } from '../../use-helicone-chat';
import type { UseHeliconeChatResult } from '../../use-helicone-chat-types';

/** What the page hands to the test driving it. */
export type TestPageWindow = Window & {
  chat?: UseHeliconeChatResult;
  /** React commits of the chat so far (a `Profiler` around it). */
  commits: number;
  /** Milliseconds React spent rendering those commits. */
  renderMs: number;
};

const page = window as unknown as TestPageWindow;
page.commits = 0;
page.renderMs = 0;

const params = new URLSearchParams(location.search);
const session = params.get('session') ?? 'tabs';
const maxTokens = Number(params.get('maxTokens') ?? '20');
// `throttle`: `frame`, or ms; left out, the hook's default.
const throttleParam = params.get('throttle');
const throttle =
  throttleParam === null
    ? {}
    : { throttle: throttleParam === 'frame' ? ('frame' as const) : Number(throttleParam) };
// The local gateway's prose ends after a paragraph or two; a JSON answer with a long string runs to `maxTokens`.
const longAnswer = params.has('long')
  ? {
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'essay',
          schema: { type: 'object', properties: { essay: { type: 'string', minLength: maxTokens * 10 } } },
        },
      },
    }
  : {};

function Chat() {
  const chat = useHeliconeChat({
    model: 'gpt-4o-mini',
    max_tokens: maxTokens,
    session: { id: session },
    ...longAnswer,
    ...throttle,
  });
  useEffect(() => {
    page.chat = chat;
  });
  return (
    <main data-status={chat.status}>
      <ol>
        {chat.messages.map((message) => (
          <li key={message.id} data-role={message.role}>
            {message.parts.map((part) => ('text' in part ? part.text : '')).join('')}
          </li>
        ))}
      </ol>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <HeliconeProvider api="/api/helicone">
    <Profiler
      id="chat"
      onRender={(_id, _phase, actualDuration) => {
        page.commits += 1;
        page.renderMs += actualDuration;
      }}
    >
      <Chat />
    </Profiler>
  </HeliconeProvider>,
);
