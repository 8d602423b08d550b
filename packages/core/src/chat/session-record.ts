import { isRecord } from '../internal/is-record';
import { deserializeTree, type MessageTree, type SerializedTree } from './message-tree';
import type { ChatMessage, ChatMessagePart } from './types';

/** Bump when the stored shape changes, and add a migration from the previous version to `migrations`. */
export const SESSION_SCHEMA_VERSION = 1;

/** One session as stored. */
export type StoredSession = {
  version: typeof SESSION_SCHEMA_VERSION;
  id: string;
  name?: string;
  createdAt: number;
  updatedAt: number;
  tree: SerializedTree;
};

/** What reading a stored session gave: the session, and what had to be dropped or set aside, to warn about. */
export type ReadSessionResult =
  | { kind: 'missing' }
  | { kind: 'ok'; id: string; name?: string; createdAt: number; tree: MessageTree; dropped: number }
  | { kind: 'unreadable'; reason: string };

/**
 * Older schema versions upgrade here, one step at a time (`migrations[n]` turns version n into n + 1). Version 1
 * is the first, so the table is empty; entries without a version are treated as unreadable.
 */
const migrations: Record<number, (entry: Record<string, unknown>) => Record<string, unknown>> = {};

const isString = (value: unknown): value is string => typeof value === 'string';
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function isPart(value: unknown): value is ChatMessagePart {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'text':
    case 'reasoning':
    case 'refusal':
      return isString(value.text);
    case 'image':
      return isString(value.url);
    case 'tool-call':
      return (
        isString(value.toolCallId) &&
        isString(value.toolName) &&
        isString(value.arguments) &&
        ['input-streaming', 'input-available', 'output-available', 'output-error'].includes(
          value.state as string,
        )
      );
    default:
      return false;
  }
}

/** A stored message if it has the shape the store relies on, else `undefined`. */
function readMessage(value: unknown): ChatMessage | undefined {
  if (!isRecord(value)) return undefined;
  const { id, parentId, role, createdAt, parts } = value;
  if (
    !isString(id) ||
    id === '' ||
    !(parentId === null || isString(parentId)) ||
    !isFiniteNumber(createdAt)
  ) {
    return undefined;
  }
  if (!Array.isArray(parts) || !parts.every(isPart)) return undefined;
  if (role === 'user' || role === 'system') return value as ChatMessage;
  if (role !== 'assistant' || !isRecord(value.metadata) || !isString(value.metadata.requestedModel))
    return undefined;
  const message = value as ChatMessage & { role: 'assistant' };
  // A page closed mid-stream left a streaming answer behind: it ends where the stream was cut.
  if (message.state !== 'done')
    return { ...message, state: 'done', metadata: { ...message.metadata, stopped: true } };
  return message;
}

/**
 * Reads a stored session: a missing entry, a readable one (messages that lost their shape are dropped with their
 * replies, and counted), or an unreadable one (not JSON, an unknown version, no message list) with the reason.
 */
export function readSessionRecord(raw: string | null, expectedId: string): ReadSessionResult {
  if (raw === null) return { kind: 'missing' };
  let entry: unknown;
  try {
    entry = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', reason: 'it is not valid JSON' };
  }
  if (!isRecord(entry)) return { kind: 'unreadable', reason: 'it is not an object' };
  let version = entry.version;
  while (isFiniteNumber(version) && version < SESSION_SCHEMA_VERSION && migrations[version]) {
    entry = migrations[version]!(entry as Record<string, unknown>);
    version = (entry as Record<string, unknown>).version;
  }
  if (version !== SESSION_SCHEMA_VERSION) {
    return {
      kind: 'unreadable',
      reason: `its schema version ${JSON.stringify(version)} is not ${SESSION_SCHEMA_VERSION}`,
    };
  }
  const record = entry as Record<string, unknown>;
  const tree = record.tree;
  if (!isRecord(tree) || !Array.isArray(tree.messages)) {
    return { kind: 'unreadable', reason: 'it has no message list' };
  }
  const messages: ChatMessage[] = [];
  let invalid = 0;
  for (const value of tree.messages as unknown[]) {
    const message = readMessage(value);
    if (message) messages.push(message);
    else invalid += 1;
  }
  const selected: Record<string, string> = {};
  if (isRecord(tree.selected)) {
    for (const [parent, child] of Object.entries(tree.selected))
      if (isString(child)) selected[parent] = child;
  }
  const { tree: messageTree, dropped } = deserializeTree({ messages, selected });
  return {
    kind: 'ok',
    id: isString(record.id) ? record.id : expectedId,
    ...(isString(record.name) ? { name: record.name } : {}),
    createdAt: isFiniteNumber(record.createdAt) ? record.createdAt : Date.now(),
    tree: messageTree,
    dropped: invalid + dropped,
  };
}
