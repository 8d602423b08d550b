import { describe, expect, it } from 'vitest';
import { createMockTransport, textSteps } from '../../testing';
import { deferred, makeStore, textOf, waitFor } from './helpers';

describe('chat store: branches', () => {
  it('edit() adds a sibling user message and answers it; only the selected branch is sent; nothing is deleted', async () => {
    const transport = createMockTransport([
      { steps: textSteps('Paris.') },
      { steps: textSteps('It has 2 million people.') },
      { steps: textSteps('Rome.') },
    ]);
    const store = makeStore({ transport });
    await store.getState().send('Capital of France?');
    await store.getState().send('Population?');
    const [firstQuestion, firstAnswer, secondQuestion, secondAnswer] = store.getState().messages;

    await store.getState().edit(firstQuestion!.id, 'Capital of Italy?');

    const state = store.getState();
    expect(state.messages.map(textOf)).toEqual(['Capital of Italy?', 'Rome.']);
    expect(state.messages[0]!.parentId).toBeNull();
    expect(state.branches[state.messages[0]!.id]).toEqual({
      ids: [firstQuestion!.id, state.messages[0]!.id],
      index: 1,
    });
    expect(transport.requests[2]!.body.messages).toEqual([{ role: 'user', content: 'Capital of Italy?' }]);

    // The first branch, with its own follow-up, is still there and comes back whole.
    store.getState().selectBranch(state.messages[0]!.id, 0);
    expect(store.getState().messages).toEqual([firstQuestion, firstAnswer, secondQuestion, secondAnswer]);
    expect(store.getState().messages[0]).toBe(firstQuestion);
    expect(store.getState().branches[firstQuestion!.id]).toEqual({
      ids: [firstQuestion!.id, state.messages[0]!.id],
      index: 0,
    });
  });

  it('regenerate() adds a sibling answer to the same question and keeps the old one', async () => {
    const transport = createMockTransport([
      { steps: textSteps('First try') },
      { steps: textSteps('Second try') },
    ]);
    const store = makeStore({ transport });
    await store.getState().send('Joke?');
    const oldAnswer = store.getState().messages[1]!;

    await store.getState().regenerate();

    const [question, newAnswer] = store.getState().messages;
    expect(textOf(newAnswer)).toBe('Second try');
    expect(newAnswer!.parentId).toBe(question!.id);
    expect(store.getState().getBranches(newAnswer!.id)).toEqual({
      ids: [oldAnswer.id, newAnswer!.id],
      index: 1,
    });
    expect(transport.requests[1]!.body.messages).toEqual([{ role: 'user', content: 'Joke?' }]);
    expect(transport.requests[1]!.helicone.session?.path).toBe('/turn-1');
    store.getState().selectBranch(oldAnswer.id);
    expect(store.getState().messages[1]).toBe(oldAnswer);
  });

  it('regenerate() keeps the old answer shown, submitted and streaming, until the new answer’s first chunk', async () => {
    const gate = deferred();
    const transport = createMockTransport([
      { steps: textSteps('Old') },
      { steps: [{ type: 'wait', until: gate.promise }, ...textSteps('New')] },
    ]);
    const store = makeStore({ transport });
    await store.getState().send('Q');
    const old = store.getState().messages[1];
    const regenerating = store.getState().regenerate();
    expect(store.getState().status).toBe('submitted');
    expect(store.getState().messages[1]).toBe(old);
    await waitFor(store, (state) => state.status === 'streaming');
    expect(store.getState().messages[1]).toBe(old);
    gate.resolve();
    await regenerating;
    expect(store.getState().messages.map(textOf)).toEqual(['Q', 'New']);
    expect(store.getState().branches[store.getState().messages[1]!.id]?.ids[0]).toBe(old!.id);
  });

  it('regenerate(messageId) of an earlier answer answers that question again, on its own branch', async () => {
    const transport = createMockTransport([
      { steps: textSteps('A1') },
      { steps: textSteps('A2') },
      { steps: textSteps('A1 again') },
    ]);
    const store = makeStore({ transport });
    await store.getState().send('Q1');
    await store.getState().send('Q2');
    const firstAnswer = store.getState().messages[1]!;
    await store.getState().regenerate(firstAnswer.id);
    expect(store.getState().messages.map(textOf)).toEqual(['Q1', 'A1 again']);
    expect(transport.requests[2]!.body.messages).toEqual([{ role: 'user', content: 'Q1' }]);
  });

  it('regenerate() after a request that failed before any answer answers the last question', async () => {
    const transport = createMockTransport([
      { steps: textSteps('A1') },
      { error: new TypeError('fetch failed') },
      { steps: textSteps('A2') },
    ]);
    const store = makeStore({ transport });
    await store.getState().send('Q1');
    await store.getState().send('Q2');
    expect(store.getState().messages.map(textOf)).toEqual(['Q1', 'A1', 'Q2']);
    await store.getState().regenerate();
    expect(store.getState().messages.map(textOf)).toEqual(['Q1', 'A1', 'Q2', 'A2']);
    expect(transport.requests[2]!.body.messages.at(-1)).toEqual({ role: 'user', content: 'Q2' });
  });

  it('regenerate, edit and retry of a message off the shown branch show the branch they answer', async () => {
    const transport = createMockTransport([
      { steps: textSteps('Paris.') },
      { steps: textSteps('Rome.') },
      { steps: textSteps('Paris, again.') },
      { steps: textSteps('Lyon.') },
      { error: new Error('upstream down') },
      { steps: textSteps('Berlin.') },
    ]);
    const store = makeStore({ transport });
    await store.getState().send('Capital of France?');
    const [france, paris] = store.getState().messages;
    await store.getState().edit(france!.id, 'Capital of Italy?');
    const [italy] = store.getState().messages;
    expect(store.getState().messages.map(textOf)).toEqual(['Capital of Italy?', 'Rome.']);

    // The France branch is not shown: regenerating its answer shows it with the new answer.
    await store.getState().regenerate(paris!.id);
    expect(store.getState().messages.map(textOf)).toEqual(['Capital of France?', 'Paris, again.']);
    expect(store.getState().branches[store.getState().messages[1]!.id]!.ids).toHaveLength(2);

    // Editing the (now hidden) Italy question answers the edit on the shown branch.
    store.getState().selectBranch(france!.id);
    store.getState().selectBranch(italy!.id);
    expect(store.getState().messages.map(textOf)).toEqual(['Capital of Italy?', 'Rome.']);
    await store.getState().edit(france!.id, 'Second city of France?');
    expect(store.getState().messages.map(textOf)).toEqual(['Second city of France?', 'Lyon.']);

    // An edited answer off the shown branch is shown too.
    await store.getState().edit(paris!.id, 'Paris (edited)');
    expect(store.getState().messages.map(textOf)).toEqual(['Capital of France?', 'Paris (edited)']);

    // A failed request, then another branch shown: retry shows the branch it answers.
    await store.getState().send('And Germany?');
    expect(store.getState().status).toBe('error');
    store.getState().selectBranch(italy!.id);
    await store.getState().retry();
    expect(store.getState().messages.map(textOf)).toEqual([
      'Capital of France?',
      'Paris (edited)',
      'And Germany?',
      'Berlin.',
    ]);
    expect(transport.requests).toHaveLength(6);
  });

  it('edit() of an answer adds an edited sibling and sends nothing', async () => {
    const transport = createMockTransport([{ steps: textSteps('Wrong') }]);
    const store = makeStore({ transport });
    await store.getState().send('Q');
    const original = store.getState().messages[1]!;
    await store.getState().edit(original.id, 'Right');
    const edited = store.getState().messages[1]!;
    expect(textOf(edited)).toBe('Right');
    expect(edited.role === 'assistant' && edited.metadata.edited).toBe(true);
    expect(store.getState().branches[edited.id]?.ids).toEqual([original.id, edited.id]);
    expect(transport.requests).toHaveLength(1);
  });

  it('edit() to a blank text with nothing else left is refused, for an answer as for a question', async () => {
    const store = makeStore({ transport: createMockTransport([{ steps: textSteps('Only text') }]) });
    await store.getState().send('Q');
    const [question, answer] = store.getState().messages;
    for (const message of [question!, answer!]) {
      await expect(store.getState().edit(message.id, '  ')).rejects.toMatchObject({
        reason: 'empty-message',
        action: 'edit',
      });
    }
    expect(store.getState().messages).toEqual([question, answer]);
    expect(store.getState().branches[answer!.id]?.ids).toEqual([answer!.id]);
  });

  it('with n > 1 each choice is a sibling branch of the same answer; choice 0 is shown', async () => {
    const usage = { prompt_tokens: 10, completion_tokens: 6, total_tokens: 16 };
    const transport = createMockTransport([
      {
        steps: [
          { type: 'text', text: 'Red', choice: 0 },
          { type: 'text', text: 'Blue', choice: 1 },
          { type: 'text', text: 'Green', choice: 2 },
          { type: 'text', text: ' apple', choice: 0 },
          { type: 'finish', choice: 0 },
          { type: 'finish', choice: 1 },
          { type: 'finish', reason: 'length', choice: 2 },
          { type: 'usage', usage },
        ],
      },
      { steps: textSteps('Fine') },
    ]);
    const store = makeStore({ transport, n: 3 });
    await store.getState().send('A colour?');

    const [question, shown] = store.getState().messages;
    expect(transport.requests[0]!.body.n).toBe(3);
    expect(textOf(shown)).toBe('Red apple');
    const branches = store.getState().branches[shown!.id]!;
    expect(branches.ids).toHaveLength(3);
    expect(branches.index).toBe(0);
    const siblings = branches.ids.map((id) => {
      store.getState().selectBranch(id);
      return store.getState().messages[1]!;
    });
    expect(siblings.map(textOf)).toEqual(['Red apple', 'Blue', 'Green']);
    expect(siblings.map((message) => message.parentId)).toEqual([question!.id, question!.id, question!.id]);
    expect(
      siblings.map((message) =>
        message.role === 'assistant' ? [message.metadata.choiceIndex, message.metadata.finishReason] : null,
      ),
    ).toEqual([
      [0, 'stop'],
      [1, 'stop'],
      [2, 'length'],
    ]);
    // One request, one usage: counted once.
    expect(store.getState().totals.totalTokens).toBe(16);

    // The conversation continues from the branch that is shown ("Green").
    await store.getState().send('Why?');
    expect(transport.requests[1]!.body.messages).toEqual([
      { role: 'user', content: 'A colour?' },
      { role: 'assistant', content: 'Green' },
      { role: 'user', content: 'Why?' },
    ]);
  });

  it('settled messages keep their identity while another answer streams 100 more chunks', async () => {
    const transport = createMockTransport([
      { steps: textSteps('First answer') },
      {
        steps: [
          { type: 'text', text: 'x' },
          ...Array.from({ length: 100 }, () => ({ type: 'text' as const, text: 'y' })),
        ],
      },
    ]);
    const store = makeStore({ transport });
    await store.getState().send('One');
    const settled = store.getState().messages.slice();
    const seen: (typeof settled)[] = [];
    store.subscribe((state) => seen.push(state.messages.slice()));
    await store.getState().send('Two');

    const streamingSnapshots = seen.filter((messages) => messages.length === 4);
    expect(streamingSnapshots.length).toBeGreaterThanOrEqual(101);
    for (const messages of seen) {
      expect(Object.is(messages[0], settled[0])).toBe(true);
      expect(Object.is(messages[1], settled[1])).toBe(true);
    }
    // The user message of the second turn also keeps its identity through the stream.
    const secondQuestion = streamingSnapshots[0]![2];
    for (const messages of streamingSnapshots) expect(Object.is(messages[2], secondQuestion)).toBe(true);
    expect(textOf(store.getState().messages[3])).toBe('x' + 'y'.repeat(100));
  });
});
