import { describe, expect, it } from 'vitest';
import { parseGatewayError } from '../../errors/parse-gateway-error';
import { StreamError } from '../../errors/stream-error';
import { createMockTransport, textSteps, type MockResponse } from '../../testing';
import type { ChatTransport, ChatTransportEvent, ChatTransportRequest } from '../../transport/chat-transport';
import { deferred, makeStore, textOf, waitFor } from './helpers';

/** The mock transport's answers, each one held before the route's response until `accept()`. */
function gatedTransport(responses: MockResponse[]) {
  const mock = createMockTransport(responses);
  let gate = deferred();
  const transport: ChatTransport = {
    async *send(request: ChatTransportRequest): AsyncGenerator<ChatTransportEvent> {
      await gate.promise;
      yield* mock.send(request);
    },
  };
  return {
    transport,
    requests: mock.requests,
    accept: () => {
      gate.resolve();
      gate = deferred();
    },
  };
}

const serverError = () =>
  parseGatewayError(500, JSON.stringify({ error: { message: 'provider exploded', type: 'server_error' } }));

describe('chat store: the draft of send() is cleared once the route accepts, and given back if no answer came', () => {
  it('keeps the draft while the request waits, and clears it when the route answers', async () => {
    const { transport, accept } = gatedTransport([{ steps: textSteps('Answer') }]);
    const store = makeStore({ transport });
    store.getState().setDraft('from the draft');
    const sending = store.getState().send();
    expect(textOf(store.getState().messages[0])).toBe('from the draft');
    expect(store.getState().status).toBe('submitted');
    expect(store.getState().draft).toBe('from the draft');

    accept();
    await sending;
    expect(store.getState().draft).toBe('');
    expect(store.getState().messages.map(textOf)).toEqual(['from the draft', 'Answer']);
  });

  it('a request refused before any answer leaves the text in the draft; a retry that succeeds clears it', async () => {
    const store = makeStore({
      transport: createMockTransport([{ error: serverError() }, { steps: textSteps('Second try') }]),
    });
    store.getState().setDraft('keep me');
    await store.getState().send();
    expect(store.getState().status).toBe('error');
    expect(store.getState().draft).toBe('keep me');
    expect(store.getState().messages.map(textOf)).toEqual(['keep me']);

    await store.getState().retry();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().draft).toBe('');
    expect(store.getState().messages.map(textOf)).toEqual(['keep me', 'Second try']);
  });

  it('accepted, then failed before any token: the text returns to the empty draft', async () => {
    const store = makeStore({
      transport: createMockTransport([
        { steps: [{ type: 'error', error: new StreamError({ message: 'cut', type: 'connection_cut' }) }] },
      ]),
    });
    store.getState().setDraft('say it again');
    await store.getState().send();
    expect(store.getState().status).toBe('error');
    expect(store.getState().draft).toBe('say it again');
  });

  it('accepted, then failed after part of the answer: the draft stays cleared (the message and answer stay)', async () => {
    const store = makeStore({
      transport: createMockTransport([
        { steps: [...textSteps('Half'), { type: 'error', error: new StreamError({ message: 'cut' }) }] },
      ]),
    });
    store.getState().setDraft('question');
    await store.getState().send();
    expect(store.getState().status).toBe('error');
    expect(store.getState().draft).toBe('');
    expect(store.getState().messages.map(textOf)).toEqual(['question', 'Half']);
  });

  it('never overwrites what the user typed meanwhile', async () => {
    const { transport, accept } = gatedTransport([
      { steps: [{ type: 'error', error: new StreamError({ message: 'cut' }) }] },
      { steps: [{ type: 'error', error: new StreamError({ message: 'cut' }) }] },
    ]);
    const store = makeStore({ transport });
    // Edited before the route accepted: not cleared.
    store.getState().setDraft('first');
    const first = store.getState().send();
    store.getState().setDraft('first, and more');
    accept();
    await first;
    expect(store.getState().draft).toBe('first, and more');

    // Typed after the draft was cleared, before the failure: not replaced by the sent text.
    store.getState().setDraft('second');
    const second = store.getState().send();
    accept();
    await waitFor(store, (state) => state.draft === '');
    store.getState().setDraft('third');
    await second;
    expect(store.getState().status).toBe('error');
    expect(store.getState().draft).toBe('third');
  });

  it('stop() before the route answered keeps the text in the draft', async () => {
    const { transport, requests } = gatedTransport([{ steps: textSteps('never') }]);
    const store = makeStore({ transport });
    store.getState().setDraft('changed my mind');
    const sending = store.getState().send();
    store.getState().stop();
    await sending;
    expect(requests).toHaveLength(0);
    expect(store.getState().status).toBe('ready');
    expect(store.getState().draft).toBe('changed my mind');
  });

  it('send(text) leaves the draft alone, whatever the outcome', async () => {
    const store = makeStore({
      transport: createMockTransport([
        { error: serverError() },
        { steps: textSteps('Fine') },
        { steps: textSteps('Also fine') },
      ]),
    });
    await store.getState().send('explicit');
    expect(store.getState().draft).toBe('');
    store.getState().setDraft('typed');
    await store.getState().retry();
    await store.getState().send('another');
    expect(store.getState().status).toBe('ready');
    expect(store.getState().draft).toBe('typed');
  });
});
