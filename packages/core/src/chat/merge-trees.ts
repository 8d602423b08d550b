import { addMessage, replaceMessage, type MessageTree } from './message-tree';
import type { ChatMessage } from './types';

/**
 * Adds to `into` what another writer of the same session (another tab) stored in `from`: trees only grow, so the
 * union of the nodes by id loses nothing. A node both hold keeps the version that got further (a settled answer
 * over a streaming one, more tool results); a message this tab is streaming is never replaced. `into` keeps what it shows: a parent it already selects a child of
 * keeps that child (pinned if it was the implicit newest one); `from`'s selection is taken for the other parents,
 * or for every parent with `adoptSelection` (the other tab moved between branches while this one was idle).
 * Returns whether `into` changed.
 */
export function mergeTrees(into: MessageTree, from: MessageTree, adoptSelection = false): boolean {
  let changed = false;
  // `from.nodes` lists parents before children (as `deserializeTree` and `addMessage` build it).
  for (const message of from.nodes.values()) {
    const current = into.nodes.get(message.id);
    if (current === undefined) {
      if (message.parentId !== null && !into.nodes.has(message.parentId)) continue;
      pinShownChild(into, message.parentId ?? '');
      addMessage(into, message, false);
      changed = true;
    } else if (current !== message && !streamingHere(current) && gotFurther(message, current)) {
      replaceMessage(into, message);
      changed = true;
    }
  }
  for (const [parentKey, childId] of from.selected) {
    if (!into.children.get(parentKey)?.includes(childId)) continue;
    if (into.selected.get(parentKey) === childId) continue;
    if (!adoptSelection && into.selected.has(parentKey)) continue;
    into.selected.set(parentKey, childId);
    changed = true;
  }
  return changed;
}

/**
 * A message streaming in `into` is being written by this tab's request: a stored copy of it (read back as
 * stopped, with part of its text) never replaces it.
 */
const streamingHere = (message: ChatMessage) => message.role === 'assistant' && message.state === 'streaming';

/** Without a selection a parent shows its newest child: a child added by the merge must not take its place. */
function pinShownChild(tree: MessageTree, parentKey: string) {
  const children = tree.children.get(parentKey);
  const newest = children?.at(-1);
  if (newest !== undefined && !tree.selected.has(parentKey)) tree.selected.set(parentKey, newest);
}

/** Whether `candidate` got further than `current` (settled, then tool results, then parts, then text). */
function gotFurther(candidate: ChatMessage, current: ChatMessage): boolean {
  const left = progress(candidate);
  const right = progress(current);
  const differing = left.findIndex((value, index) => value !== right[index]);
  return differing >= 0 && left[differing]! > right[differing]!;
}

function progress(message: ChatMessage): number[] {
  if (message.role !== 'assistant') return [0, 0, 0, 0];
  let results = 0;
  let text = 0;
  for (const part of message.parts) {
    if (part.type === 'tool-call') {
      if (part.state === 'output-available' || part.state === 'output-error') results += 1;
    } else if (part.type !== 'image') text += part.text.length;
  }
  return [message.state === 'done' ? 1 : 0, results, message.parts.length, text];
}
