import { describe, expect, it } from 'vitest';
import {
  addMessage,
  branchesOf,
  createMessageTree,
  deserializeTree,
  pathTo,
  selectBranch,
  selectedPath,
  serializeTree,
} from './message-tree';
import type { ChatMessage } from './types';

const user = (id: string, parentId: string | null): ChatMessage => ({
  id,
  parentId,
  role: 'user',
  createdAt: 0,
  parts: [{ type: 'text', text: id }],
});

describe('message tree', () => {
  it('follows the selected child of each parent, defaulting to the newest', () => {
    const tree = createMessageTree();
    addMessage(tree, user('a', null));
    addMessage(tree, user('b1', 'a'));
    addMessage(tree, user('c', 'b1'));
    addMessage(tree, user('b2', 'a'));
    expect(selectedPath(tree).map((message) => message.id)).toEqual(['a', 'b2']);
    selectBranch(tree, 'b1');
    // b1's own selected descendants come back with it.
    expect(selectedPath(tree).map((message) => message.id)).toEqual(['a', 'b1', 'c']);
    expect(branchesOf(tree, 'b2')).toEqual({ ids: ['b1', 'b2'], index: 0 });
    expect(pathTo(tree, 'b2').map((message) => message.id)).toEqual(['a', 'b2']);
  });

  it('refuses a message whose parent is unknown, or a duplicate id', () => {
    const tree = createMessageTree();
    addMessage(tree, user('a', null));
    expect(() => addMessage(tree, user('x', 'missing'))).toThrow(/Parent missing/);
    expect(() => addMessage(tree, user('a', null))).toThrow(/already in the tree/);
  });

  it('round-trips through JSON and drops orphans and selections of unknown children', () => {
    const tree = createMessageTree();
    addMessage(tree, user('a', null));
    addMessage(tree, user('b1', 'a'));
    addMessage(tree, user('b2', 'a'));
    selectBranch(tree, 'b1');
    const json = JSON.parse(JSON.stringify(serializeTree(tree))) as ReturnType<typeof serializeTree>;
    const { tree: copy, dropped } = deserializeTree(json);
    expect(dropped).toBe(0);
    expect(selectedPath(copy)).toEqual(selectedPath(tree));

    const damaged = deserializeTree({
      messages: [user('a', null), user('orphan', 'gone'), user('a', null)],
      selected: { a: 'nobody' },
    });
    expect(damaged.dropped).toBe(2);
    expect(selectedPath(damaged.tree).map((message) => message.id)).toEqual(['a']);
  });
});
