import { Profiler, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { renders } from './bench-page';

type MessageLike = {
  id: string;
  role: string;
  parts: readonly { type: string; text?: string }[];
};

/** The one renderer both pages use: a plain list, each message the text of its text parts. */
export function MessageList({ messages }: { messages: readonly MessageLike[] }) {
  return (
    <ol>
      {messages.map((message) => (
        <li key={message.id} data-role={message.role}>
          {message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('')}
        </li>
      ))}
    </ol>
  );
}

/** Mounts `chat` inside a `Profiler` that counts its commits into `renders`. */
export function mountChat(chat: ReactNode): void {
  createRoot(document.getElementById('root')!).render(
    <Profiler
      id="chat"
      onRender={(_id, _phase, actualDuration) => {
        renders.commits += 1;
        renders.ms += actualDuration;
      }}
    >
      {chat}
    </Profiler>,
  );
}
