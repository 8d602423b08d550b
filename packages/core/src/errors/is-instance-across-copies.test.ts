import { describe, expect, it, vi } from 'vitest';
import { ChatActionError } from './chat-action-error';
import { GatewayError } from './gateway-error';
import { HeaderValueError } from './header-value-error';
import { HeliconeKitError } from './helicone-kit-error';
import { ModelStringError } from './model-string-error';
import { StreamError } from './stream-error';

/** A second, separately evaluated copy of the error modules: what two versions of the package in one bundle give. */
async function loadSecondCopy() {
  vi.resetModules();
  const [base, gateway, stream, modelString, headerValue, chatAction] = await Promise.all([
    import('./helicone-kit-error'),
    import('./gateway-error'),
    import('./stream-error'),
    import('./model-string-error'),
    import('./header-value-error'),
    import('./chat-action-error'),
  ]);
  return {
    HeliconeKitError: base.HeliconeKitError,
    GatewayError: gateway.GatewayError,
    StreamError: stream.StreamError,
    ModelStringError: modelString.ModelStringError,
    HeaderValueError: headerValue.HeaderValueError,
    ChatActionError: chatAction.ChatActionError,
  };
}

describe('isInstance across two copies of the package', () => {
  it('recognises errors made by the other copy, where instanceof does not', async () => {
    const copy = await loadSecondCopy();
    expect(copy.GatewayError).not.toBe(GatewayError);
    expect(copy.HeliconeKitError).not.toBe(HeliconeKitError);

    const fromCopy = {
      HeliconeKitError: new copy.HeliconeKitError('base'),
      GatewayError: new copy.GatewayError({ status: 500 }),
      StreamError: new copy.StreamError({ message: 'cut' }),
      ModelStringError: new copy.ModelStringError({ model: 'a b', reason: 'bad' }),
      HeaderValueError: new copy.HeaderValueError({ field: 'userId', reason: 'bad' }),
      ChatActionError: new copy.ChatActionError('send', 'busy', 'a request is running'),
    };
    const here = {
      HeliconeKitError,
      GatewayError,
      StreamError,
      ModelStringError,
      HeaderValueError,
      ChatActionError,
    } as const;

    for (const [name, error] of Object.entries(fromCopy)) {
      const ownClass = here[name as keyof typeof here];
      expect(error instanceof ownClass, name).toBe(false);
      expect(error instanceof HeliconeKitError, name).toBe(false);
      expect(ownClass.isInstance(error), name).toBe(true);
      expect(HeliconeKitError.isInstance(error), name).toBe(true);
    }
    // And the other way round: the copy's isInstance recognises this copy's errors.
    expect(copy.StreamError.isInstance(new StreamError({ message: 'x' }))).toBe(true);
    expect(copy.HeliconeKitError.isInstance(new HeaderValueError({ field: 'f', reason: 'r' }))).toBe(true);
  });

  it('tells the subclasses apart across copies', async () => {
    const copy = await loadSecondCopy();
    const gatewayError = new copy.GatewayError({ status: 429 });
    expect(StreamError.isInstance(gatewayError)).toBe(false);
    expect(ModelStringError.isInstance(gatewayError)).toBe(false);
    expect(HeaderValueError.isInstance(gatewayError)).toBe(false);
    expect(ChatActionError.isInstance(gatewayError)).toBe(false);
    expect(GatewayError.isInstance(new copy.HeliconeKitError('base'))).toBe(false);
    expect(HeliconeKitError.isInstance(new Error('plain'))).toBe(false);
    for (const value of [null, undefined, 'helicone-kit.error', 42, true]) {
      expect(HeliconeKitError.isInstance(value), String(value)).toBe(false);
    }
  });

  it('marks an instance for every class it descends from, a subclass of a subclass too', () => {
    class AppGatewayError extends GatewayError {}
    const error = new AppGatewayError({ status: 502 });
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(HeliconeKitError.isInstance(error)).toBe(true);
    expect(AppGatewayError.isInstance(error)).toBe(true);
    expect(StreamError.isInstance(error)).toBe(false);
  });
});
