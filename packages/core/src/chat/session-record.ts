import { addMessage, createMessageTree, type MessageTree } from './message-tree';
import type { ChatMessage } from './types';

/**
 * The version of the stored shapes (a session, and the session list). Bump it when one changes, and turn entries
 * of the previous version into the new shape in `readSessionRecord`; until then a session of another version is
 * set aside (a list of another version starts again: it is only a summary).
 */
export const SESSION_SCHEMA_VERSION = 1;

/**
 * A stored session as read. `problem`: why the entry could not be read at all (its tree is then empty);
 * `dropped`: how many messages that lost their shape were left out, with their replies.
 */
export type SessionRecord = {
  problem?: string;
  name?: string;
  createdAt?: number;
  tree: MessageTree;
  dropped: number;
};

type Loose = Record<string, unknown> | null;

/** The fields each part type must have as strings. */
const partFields: Record<string, string> = {
  text: 'text',
  reasoning: 'text',
  refusal: 'text',
  image: 'url',
  'tool-call': 'toolCallId toolName arguments state',
};

/** Own keys only: a stored part typed `constructor` or `toString` is broken, not a TypeError that stops loading. */
const isPart = (part: Loose) =>
  Object.hasOwn(partFields, part?.type as string) &&
  partFields[part!.type as string]!.split(' ').every((field) => typeof part![field] === 'string');

/** A stored message if it has the shape the store relies on, else `undefined`. */
function readMessage(value: Loose): ChatMessage | undefined {
  const message = value as ChatMessage;
  const valid =
    typeof value?.id === 'string' &&
    value.id !== '' &&
    Array.isArray(value.parts) &&
    value.parts.every(isPart) &&
    (value.role === 'assistant'
      ? typeof (value.metadata as Loose)?.requestedModel === 'string'
      : value.role === 'user' || value.role === 'system');
  if (!valid) return undefined;
  // A page closed mid-stream left a streaming answer behind: it ends where the stream was cut.
  return message.role !== 'assistant' || message.state === 'done'
    ? message
    : { ...message, state: 'done', metadata: { ...message.metadata, stopped: true } };
}

/**
 * Reads a stored session (`null`: none, an empty tree). An entry that is not JSON, or not a session of this
 * schema version (another version, no message list), has a `problem`; messages that lost their shape are left
 * out with their replies.
 */
export function readSessionRecord(raw: string | null): SessionRecord {
  const tree = createMessageTree();
  let dropped = 0;
  let entry: Loose;
  try {
    // No entry (`null`) parses as `null`: an empty session.
    if ((entry = JSON.parse(raw!) as Loose) === null) return { tree, dropped };
  } catch {
    return { tree, dropped, problem: 'not JSON' };
  }
  const { messages, selected } = (entry?.tree ?? {}) as Loose & {};
  if (entry?.version !== SESSION_SCHEMA_VERSION || !Array.isArray(messages)) {
    return { tree, dropped, problem: `not schema version ${SESSION_SCHEMA_VERSION}` };
  }
  for (const value of messages as Loose[]) {
    const message = readMessage(value);
    if (!message || !addMessage(tree, message)) dropped++;
  }
  for (const [key, childId] of Object.entries((selected ?? {}) as Record<string, string>)) {
    if (tree.children.get(key)?.includes(childId)) tree.selected.set(key, childId);
  }
  return {
    tree,
    dropped,
    name: typeof entry.name === 'string' ? entry.name : undefined,
    createdAt: typeof entry.createdAt === 'number' ? entry.createdAt : undefined,
  };
}
