import type { BranchInfo, ChatMessage } from './types';

const rootKey = '';

/**
 * Every message of a conversation, branches included. Nothing is ever removed: edit and regenerate add
 * siblings, and `selected` remembers which sibling each parent shows. The maps are mutated in place by the
 * functions below (the store owns the tree); the message objects themselves are immutable and replaced.
 */
export type MessageTree = {
  readonly nodes: Map<string, ChatMessage>;
  /** Child ids per parent id (`''` for the conversation's first messages), in creation order. */
  readonly children: Map<string, string[]>;
  /** The selected child per parent id; absent means the newest child. */
  readonly selected: Map<string, string>;
};

/** A tree in plain JSON: every message (parents before children) and the selected child per parent. */
export type SerializedTree = {
  messages: ChatMessage[];
  selected: Record<string, string>;
};

export function createMessageTree(): MessageTree {
  return { nodes: new Map(), children: new Map(), selected: new Map() };
}

const keyOf = (parentId: string | null) => parentId ?? rootKey;

/** Adds a message under its parent and, unless told otherwise, selects it. */
export function addMessage(tree: MessageTree, message: ChatMessage, select = true): void {
  if (tree.nodes.has(message.id)) throw new Error(`Message ${message.id} is already in the tree`);
  if (message.parentId !== null && !tree.nodes.has(message.parentId)) {
    throw new Error(`Parent ${message.parentId} of message ${message.id} is not in the tree`);
  }
  tree.nodes.set(message.id, message);
  const key = keyOf(message.parentId);
  const siblings = tree.children.get(key);
  if (siblings) siblings.push(message.id);
  else tree.children.set(key, [message.id]);
  if (select) tree.selected.set(key, message.id);
}

/** Puts a new version of a message (same id, same parent) in place of the old one. */
export function replaceMessage(tree: MessageTree, message: ChatMessage): void {
  if (!tree.nodes.has(message.id)) throw new Error(`Message ${message.id} is not in the tree`);
  tree.nodes.set(message.id, message);
}

function selectedChild(tree: MessageTree, parentKey: string): string | undefined {
  const children = tree.children.get(parentKey);
  if (!children || children.length === 0) return undefined;
  const selected = tree.selected.get(parentKey);
  return selected !== undefined && children.includes(selected) ? selected : children[children.length - 1];
}

/** The conversation as shown and sent: from the first message down the selected branches. */
export function selectedPath(tree: MessageTree): ChatMessage[] {
  const path: ChatMessage[] = [];
  let id = selectedChild(tree, rootKey);
  while (id !== undefined) {
    const message = tree.nodes.get(id);
    if (!message) break;
    path.push(message);
    id = selectedChild(tree, id);
  }
  return path;
}

/** The message and its ancestors, oldest first (what a request answering this message sends). */
export function pathTo(tree: MessageTree, messageId: string): ChatMessage[] {
  const path: ChatMessage[] = [];
  let message = tree.nodes.get(messageId);
  while (message) {
    path.push(message);
    message = message.parentId === null ? undefined : tree.nodes.get(message.parentId);
  }
  return path.reverse();
}

export function branchesOf(tree: MessageTree, messageId: string): BranchInfo | undefined {
  const message = tree.nodes.get(messageId);
  if (!message) return undefined;
  const key = keyOf(message.parentId);
  const ids = tree.children.get(key) ?? [message.id];
  const selected = selectedChild(tree, key);
  return { ids, index: Math.max(0, ids.indexOf(selected ?? message.id)) };
}

/** Makes `messageId` the shown sibling of its parent (its own selected descendants come with it). */
export function selectBranch(tree: MessageTree, messageId: string): void {
  const message = tree.nodes.get(messageId);
  if (!message) throw new Error(`Message ${messageId} is not in the tree`);
  tree.selected.set(keyOf(message.parentId), messageId);
}

/** Makes `messageId` and every one of its ancestors the shown sibling: the path to it becomes the shown one. */
export function selectPathTo(tree: MessageTree, messageId: string): void {
  for (const message of pathTo(tree, messageId)) tree.selected.set(keyOf(message.parentId), message.id);
}

export function serializeTree(tree: MessageTree): SerializedTree {
  return { messages: [...tree.nodes.values()], selected: Object.fromEntries(tree.selected) };
}

/**
 * Rebuilds a tree from JSON that has already been checked message by message. A message whose parent is
 * missing is dropped with its descendants; the count of dropped messages is returned so the caller can warn.
 */
export function deserializeTree(serialized: SerializedTree): { tree: MessageTree; dropped: number } {
  const tree = createMessageTree();
  let dropped = 0;
  for (const message of serialized.messages) {
    if (tree.nodes.has(message.id) || (message.parentId !== null && !tree.nodes.has(message.parentId))) {
      dropped += 1;
      continue;
    }
    addMessage(tree, message, false);
  }
  for (const [parentKey, childId] of Object.entries(serialized.selected)) {
    if (tree.children.get(parentKey)?.includes(childId)) tree.selected.set(parentKey, childId);
  }
  return { tree, dropped };
}
