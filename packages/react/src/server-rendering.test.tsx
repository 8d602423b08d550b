// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Browser APIs the package must not touch on the server: each read is recorded. */
const browserApis = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'addEventListener',
  'createImageBitmap',
];
const touched: string[] = [];
const saved = new Map<string, PropertyDescriptor | undefined>();

beforeAll(() => {
  for (const name of browserApis) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
});
afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
});

describe('server rendering', () => {
  it('imports and renders with react-dom/server without touching a browser API', async () => {
    const { renderToString } = await import('react-dom/server');
    const { HeliconeProvider, useChatSessions, useFeedback, useHeliconeChat, useModels } =
      await import('./index');

    function Chat() {
      const chat = useHeliconeChat({ model: 'gpt-4o-mini', session: { id: 'ssr', name: 'Server' } });
      const models = useModels();
      const { sessions } = useChatSessions();
      const { rating } = useFeedback('00000000-0000-4000-8000-000000000000');
      return (
        <main data-status={chat.status}>
          {`${chat.messages.length} messages, draft "${chat.draft}", session ${chat.session.id} (${chat.session.name}), ` +
            `model ${chat.model}, ${sessions.length} stored, models ${models.status}, rating ${String(rating)}`}
        </main>
      );
    }
    const html = renderToString(
      <HeliconeProvider api="/api/helicone">
        <Chat />
      </HeliconeProvider>,
    );
    expect(html).toBe(
      '<main data-status="ready">0 messages, draft &quot;&quot;, session ssr (Server), ' +
        'model gpt-4o-mini, 0 stored, models pending, rating undefined</main>',
    );
    // `typeof window` checks do read `window`; nothing may go further than that.
    expect(touched.filter((name) => name !== 'window')).toEqual([]);
  });
});
