import { describe, expect, it } from 'vitest';
import { byteByByte, collect, encode, streamOf } from '../__tests__/fixtures';
import { readServerSentEvents } from './read-server-sent-events';

describe('readServerSentEvents', () => {
  it('reads LF, CRLF and CR line ends alike, skipping comments and keep-alives', async () => {
    for (const lineEnd of ['\n', '\r\n', '\r']) {
      const text = [
        ': keep-alive',
        '',
        'event: update',
        'id: 7',
        'data: one',
        'data: two',
        '',
        ':',
        '',
        'data: three',
        '',
        '',
      ].join(lineEnd);
      const events = await collect(readServerSentEvents(byteByByte(encode(text))));
      expect(events, JSON.stringify(lineEnd)).toEqual([
        { event: 'update', id: '7', data: 'one\ntwo' },
        { event: undefined, id: undefined, data: 'three' },
      ]);
    }
  });

  it('reads fields as the SSE spec does: one space after the colon dropped, a field alone, unknown ones skipped', async () => {
    const text = [
      'data:tight',
      'data:  two spaces',
      'data',
      'retry: 3000',
      'unknown: field',
      'id: bad\0id',
      'event',
      '',
      'event: named',
      'id: 9',
      '',
      'data: after an event with no data: name and id start again',
      '',
      '',
    ].join('\n');
    const events = await collect(readServerSentEvents(byteByByte(encode(text))));
    expect(events).toEqual([
      { event: undefined, id: undefined, data: 'tight\n two spaces\n' },
      { event: undefined, id: undefined, data: 'after an event with no data: name and id start again' },
    ]);
  });

  it('keeps a multi-byte character split across reads', async () => {
    const bytes = encode('data: 925 ÷ 5 = 185 🙂\n\n');
    const divide = bytes.indexOf(0xc3); // ÷ is C3 B7
    const emoji = bytes.indexOf(0xf0); // 🙂 is four bytes
    const events = await collect(
      readServerSentEvents(streamOf(bytes, [divide + 1, emoji + 1, emoji + 3]).stream),
    );
    expect(events.map((event) => event.data)).toEqual(['925 ÷ 5 = 185 🙂']);
  });

  it('delivers the last event when the body ends without its blank line', async () => {
    const events = await collect(readServerSentEvents(streamOf(encode('data: a\n\ndata: last')).stream));
    expect(events.map((event) => event.data)).toEqual(['a', 'last']);
  });

  it('cancels the body when the consumer stops early', async () => {
    const { stream, state } = streamOf(encode('data: 1\n\ndata: 2\n\ndata: 3\n\n'), [10, 20], {
      keepOpen: true,
    });
    for await (const event of readServerSentEvents(stream)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(state.cancelled).toBe(true);
    expect(stream.locked).toBe(false);
  });

  it('does not cancel a body it read to the end', async () => {
    const { stream, state } = streamOf(encode('data: 1\n\n'));
    await collect(readServerSentEvents(stream));
    expect(state.cancelled).toBe(false);
  });

  it('stops with the abort reason and cancels the body when the signal aborts', async () => {
    const controller = new AbortController();
    const { stream, state } = streamOf(encode('data: 1\n\ndata: 2\n\n'), [9], { keepOpen: true });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of readServerSentEvents(stream, { signal: controller.signal })) {
        seen.push(event.data);
        controller.abort(new Error('user stopped'));
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['1']);
    expect((error as Error).message).toBe('user stopped');
    expect(state.cancelled).toBe(true);
  });

  it('does not yield events already read once the signal aborts', async () => {
    const controller = new AbortController();
    const { stream } = streamOf(encode('data: 1\n\ndata: 2\n\ndata: 3\n\n'));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of readServerSentEvents(stream, { signal: controller.signal })) {
        seen.push(event.data);
        controller.abort(new Error('stop'));
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['1']);
    expect((error as Error).message).toBe('stop');
  });

  it('refuses to start on an aborted signal', async () => {
    const { stream } = streamOf(encode('data: 1\n\n'));
    const generator = readServerSentEvents(stream, { signal: AbortSignal.abort(new Error('already')) });
    await expect(generator.next()).rejects.toThrow('already');
  });
});
