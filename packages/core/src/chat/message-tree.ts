import type { BranchInfo, ChatMessage } from './types';

/**
 * Every message of a conversation, branches included. Nothing is ever removed: edit and regenerate add
 * siblings, and `selected` remembers which sibling each parent shows. The maps are changed in place by the
 * functions below (the session owns the tree); messages and child lists are immutable and replaced.
 */
export type MessageTree = {
  readonly nodes: Map<string, ChatMessage>;
  /** Child ids per parent id (`''` for the conversation's first messages), in creation order. */
  readonly children: Map<string, readonly string[]>;
  /**
   * The selected child per parent id; absent (or not a child) means the first child, so a child added without
   * being selected (another tab's) never takes the place of the one shown.
   */
  readonly selected: Map<string, string>;
};

export const createMessageTree = (): MessageTree => ({
  nodes: new Map(),
  children: new Map(),
  selected: new Map(),
});

/** The key of a message's parent in `children` and `selected`. */
export const parentKey = (message: ChatMessage): string => message.parentId ?? '';

/**
 * Adds a message under its parent, selecting it when `select` is set. Adds nothing, and returns false, when
 * the id is taken or the parent is not in the tree.
 */
export function addMessage(tree: MessageTree, message: ChatMessage, select?: boolean): boolean {
  const key = parentKey(message);
  if (tree.nodes.has(message.id) || (key && !tree.nodes.has(key))) return false;
  tree.nodes.set(message.id, message);
  tree.children.set(key, [...(tree.children.get(key) ?? []), message.id]);
  if (select) tree.selected.set(key, message.id);
  return true;
}

/** Siblings and the shown one under a parent that has children. */
function branchesUnder(tree: MessageTree, key: string): BranchInfo {
  const ids = tree.children.get(key)!;
  return { ids, index: Math.max(ids.indexOf(tree.selected.get(key)!), 0) };
}

/** The conversation as shown and sent (from the first message down the selected branches), with its branches. */
export function selectedPath(tree: MessageTree): {
  messages: ChatMessage[];
  branches: Record<string, BranchInfo>;
} {
  const messages: ChatMessage[] = [];
  const branches: Record<string, BranchInfo> = {};
  for (let key = ''; tree.children.has(key);) {
    const branch = branchesUnder(tree, key);
    key = branch.ids[branch.index]!;
    messages.push(tree.nodes.get(key)!);
    branches[key] = branch;
  }
  return { messages, branches };
}

export function branchesOf(tree: MessageTree, messageId: string): BranchInfo | undefined {
  const message = tree.nodes.get(messageId);
  return message && branchesUnder(tree, parentKey(message));
}

/**
 * Makes `messageId` and every one of its ancestors the shown sibling, so the path to it becomes the shown one.
 * Returns that path, oldest first (what a request answering this message sends).
 */
export function selectPathTo(tree: MessageTree, messageId: string): ChatMessage[] {
  const path: ChatMessage[] = [];
  for (let message = tree.nodes.get(messageId); message; message = tree.nodes.get(message.parentId!)) {
    path.unshift(message);
    tree.selected.set(parentKey(message), message.id);
  }
  return path;
}
