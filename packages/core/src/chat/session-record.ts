import { addMessage, createMessageTree, type MessageTree } from './message-tree';
import type { ChatMessage } from './types';

/**
 * The version of the stored session shape. Bump it when the shape changes, and turn entries of the previous
 * version into the new shape in `readSessionRecord`; until then an entry of another version is set aside.
 */
export const SESSION_SCHEMA_VERSION = 1;

/** A stored session that could be read; `dropped` counts the messages that had to be left out. */
export type SessionRecord = { name?: string; createdAt: number; tree: MessageTree; dropped: number };

type Loose = {
  version?: unknown;
  name?: unknown;
  createdAt?: unknown;
  tree?: { messages?: unknown; selected?: unknown };
} | null;

type LooseMessage = {
  id?: unknown;
  parentId?: unknown;
  role?: unknown;
  createdAt?: unknown;
  parts?: unknown;
  state?: unknown;
  metadata?: { requestedModel?: unknown };
} | null;

/** The fields each part type must have as strings. */
const partFields: Record<string, string> = {
  text: 'text',
  reasoning: 'text',
  refusal: 'text',
  image: 'url',
  'tool-call': 'toolCallId toolName arguments state',
};

const isPart = (part: Record<string, unknown> | null) => {
  const fields = partFields[part?.type as string];
  return typeof fields === 'string' && fields.split(' ').every((field) => typeof part![field] === 'string');
};

/** A stored message if it has the shape the store relies on, else `undefined`. */
function readMessage(value: LooseMessage): ChatMessage | undefined {
  const message = value as ChatMessage;
  const valid =
    typeof value?.id === 'string' &&
    value.id !== '' &&
    (value.parentId === null || typeof value.parentId === 'string') &&
    typeof value.createdAt === 'number' &&
    Array.isArray(value.parts) &&
    value.parts.every(isPart) &&
    (value.role === 'user' ||
      value.role === 'system' ||
      (value.role === 'assistant' && typeof value.metadata?.requestedModel === 'string'));
  if (!valid) return undefined;
  // A page closed mid-stream left a streaming answer behind: it ends where the stream was cut.
  return value.role !== 'assistant' || value.state === 'done'
    ? message
    : ({ ...message, state: 'done', metadata: { ...value.metadata, stopped: true } } as ChatMessage);
}

/**
 * Reads a stored session: `undefined` when there is none, the reason (a string) when it cannot be read (not
 * JSON, another version, no message list), else the session, where messages that lost their shape are left out
 * with their replies and counted.
 */
export function readSessionRecord(raw: string | null): SessionRecord | string | undefined {
  if (raw === null) return undefined;
  let entry: Loose;
  try {
    entry = JSON.parse(raw) as Loose;
  } catch {
    return 'it is not valid JSON';
  }
  if (entry?.version !== SESSION_SCHEMA_VERSION) {
    return `its schema version ${JSON.stringify(entry?.version)} is not ${SESSION_SCHEMA_VERSION}`;
  }
  const { messages, selected } = entry.tree ?? {};
  if (!Array.isArray(messages)) return 'it has no message list';
  const tree = createMessageTree();
  let dropped = 0;
  for (const value of messages as LooseMessage[]) {
    const message = readMessage(value);
    if (!message || !addMessage(tree, message)) dropped += 1;
  }
  for (const [key, childId] of Object.entries((selected ?? {}) as Record<string, string>)) {
    if (tree.children.get(key)?.includes(childId)) tree.selected.set(key, childId);
  }
  return {
    name: typeof entry.name === 'string' ? entry.name : undefined,
    createdAt: typeof entry.createdAt === 'number' ? entry.createdAt : Date.now(),
    tree,
    dropped,
  };
}
