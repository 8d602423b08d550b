import { addMessage, type MessageTree } from './message-tree';
import type { ChatMessage } from './types';

/**
 * Adds to `into` what another writer of the same session (another tab) stored in `from`: trees only grow, so the
 * union of the nodes by id loses nothing. A node both hold keeps the version that got further (a settled answer
 * over a streaming one, more tool results); a message this tab is streaming is never replaced (a stored copy of
 * it reads back as stopped, with part of its text). `into` keeps what it shows: a parent it selects a child of
 * keeps that child, and a child added unselected comes after the shown first one; `from`'s selection is taken
 * for the other parents, or for every parent with `adoptSelection` (the other tab moved between branches while
 * this one was idle).
 */
export function mergeTrees(into: MessageTree, from: MessageTree, adoptSelection?: boolean): void {
  // `from.nodes` lists parents before children, as `addMessage` builds it.
  for (const message of from.nodes.values()) {
    const current = into.nodes.get(message.id);
    if (!current) addMessage(into, message);
    else if (!isStreaming(current) && progress(message) > progress(current)) {
      into.nodes.set(message.id, message);
    }
  }
  for (const [key, childId] of from.selected) {
    if (into.children.get(key)?.includes(childId) && (adoptSelection || !into.selected.has(key))) {
      into.selected.set(key, childId);
    }
  }
}

const isStreaming = (message: ChatMessage) => message.role === 'assistant' && message.state === 'streaming';

/**
 * How far a version of a message got: stored copies only grow (text and tool-call arguments arrive, tool calls
 * get their input and results), so the one with more in its parts got further.
 */
const progress = (message: ChatMessage) => JSON.stringify(message.parts).length;
