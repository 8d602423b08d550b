import { describe, expect, it } from 'vitest';
import { addMessage, branchesOf, createMessageTree, selectedPath, selectPathTo } from './message-tree';
import { readSessionRecord, SESSION_SCHEMA_VERSION } from './session-record';
import type { ChatMessage } from './types';

const user = (id: string, parentId: string | null): ChatMessage => ({
  id,
  parentId,
  role: 'user',
  createdAt: 0,
  parts: [{ type: 'text', text: id }],
});

const shownIds = (tree: ReturnType<typeof createMessageTree>) =>
  selectedPath(tree).messages.map((message) => message.id);

describe('message tree', () => {
  it('follows the selected child of each parent; without one, the first (a child added unselected stays hidden)', () => {
    const tree = createMessageTree();
    addMessage(tree, user('a', null));
    addMessage(tree, user('b1', 'a'));
    addMessage(tree, user('c', 'b1'));
    addMessage(tree, user('b2', 'a'));
    expect(shownIds(tree)).toEqual(['a', 'b1', 'c']);
    addMessage(tree, user('b3', 'a'), true);
    expect(shownIds(tree)).toEqual(['a', 'b3']);
    expect(selectedPath(tree).branches).toEqual({
      a: { ids: ['a'], index: 0 },
      b3: { ids: ['b1', 'b2', 'b3'], index: 2 },
    });
    tree.selected.set('a', 'b1');
    // b1's own selected descendants come back with it.
    expect(shownIds(tree)).toEqual(['a', 'b1', 'c']);
    expect(branchesOf(tree, 'b2')).toEqual({ ids: ['b1', 'b2', 'b3'], index: 0 });
    expect(selectPathTo(tree, 'b2').map((message) => message.id)).toEqual(['a', 'b2']);
    expect(shownIds(tree)).toEqual(['a', 'b2']);
  });

  it('adds nothing for a message whose parent is unknown, or a duplicate id', () => {
    const tree = createMessageTree();
    expect(addMessage(tree, user('a', null))).toBe(true);
    expect(addMessage(tree, user('x', 'missing'))).toBe(false);
    expect(addMessage(tree, user('a', 'a'))).toBe(false);
    expect(shownIds(tree)).toEqual(['a']);
    expect(tree.children.get('a')).toBeUndefined();
  });

  it('round-trips through its stored form, dropping orphans, duplicates and selections of unknown children', () => {
    const tree = createMessageTree();
    addMessage(tree, user('a', null));
    addMessage(tree, user('b1', 'a'));
    addMessage(tree, user('b2', 'a'));
    tree.selected.set('a', 'b1');
    const stored = (messages: ChatMessage[], selected: Record<string, string>) =>
      readSessionRecord(
        JSON.stringify({ version: SESSION_SCHEMA_VERSION, createdAt: 5, tree: { messages, selected } }),
      );

    const copy = stored([...tree.nodes.values()], Object.fromEntries(tree.selected));
    expect(copy.problem).toBeUndefined();
    expect(copy.dropped).toBe(0);
    expect(copy.createdAt).toBe(5);
    expect(selectedPath(copy.tree)).toEqual(selectedPath(tree));

    const damaged = stored([user('a', null), user('orphan', 'gone'), user('a', null)], { a: 'nobody' });
    expect(damaged.dropped).toBe(2);
    expect(shownIds(damaged.tree)).toEqual(['a']);
  });

  it('reads a missing entry as an empty session, and says why an entry cannot be read', () => {
    const none = readSessionRecord(null);
    expect(none.problem).toBeUndefined();
    expect(none.tree.nodes.size).toBe(0);
    expect(readSessionRecord('{"version":').problem).toBe('not JSON');
    expect(readSessionRecord('false').problem).toBe('not schema version 1');
    expect(readSessionRecord('{"version":2,"tree":{"messages":[]}}').problem).toBe('not schema version 1');
    const noList = readSessionRecord(JSON.stringify({ version: SESSION_SCHEMA_VERSION, tree: {} }));
    expect(noList.problem).toBe('not schema version 1');
    expect(noList.tree.nodes.size).toBe(0);
  });
});
