import { describe, expect, it, vi } from 'vitest';
import { createId } from './create-id';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createId', () => {
  it('is a v4 UUID, also where crypto.randomUUID is missing (a page over plain http)', () => {
    expect(createId()).toMatch(uuid);
    // `randomUUID` sits on the prototype: an own `undefined` hides it, as an insecure context does.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    const create = vi.spyOn(URL, 'createObjectURL');
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    try {
      const [first, second] = [createId(), createId()];
      expect(first).toMatch(uuid);
      expect(second).toMatch(uuid);
      expect(second).not.toBe(first);
      expect(create).toHaveBeenCalledTimes(2);
      expect(revoke.mock.calls.map(([url]) => url)).toEqual(create.mock.results.map(({ value }) => value));
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
      create.mockRestore();
      revoke.mockRestore();
    }
    expect(typeof crypto.randomUUID).toBe('function');
  });
});
