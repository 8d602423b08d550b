import { createMockTransport, textSteps } from '@helicone-kit/core/testing';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useHeliconeChat } from './use-helicone-chat';
import { chatWrapper } from './__tests__/chat-wrapper';

describe('send({ images })', () => {
  it('sends URLs as they are, and reads files into data URLs (jsdom cannot decode images: no downscaling here)', async () => {
    const transport = createMockTransport([{ steps: textSteps('I see two images.') }]);
    const { result } = renderHook(() => useHeliconeChat({ model: 'gpt-4o-mini', transport }), {
      wrapper: chatWrapper('/api/helicone'),
    });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    await act(() =>
      result.current.send({
        content: 'What is in these?',
        images: [
          { url: 'https://example.com/cat.jpg', detail: 'low' },
          new Blob([bytes], { type: 'image/png' }),
        ],
      }),
    );
    expect(transport.requests[0]!.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'low' } },
          // The ten bytes above, base64-encoded by hand.
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgr/AA==' } },
        ],
      },
    ]);
    expect(result.current.messages[0]!.parts).toHaveLength(3);
  });
});
