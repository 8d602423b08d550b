import { describe, expect, it } from 'vitest';
import { readHeliconeOptions } from './read-helicone-options';

describe('readHeliconeOptions', () => {
  it('ignores only a property whose name core refuses, and never repeats that name in the warning', () => {
    const warnings: string[] = [];
    const longName = 'a'.repeat(200);
    const { options } = readHeliconeOptions(
      {
        [`helicone-property-${longName}`]: 'x',
        'helicone-property-environment': 'production',
        'helicone-user-id': 'bob',
        'helicone-cache-enabled': 'true',
      },
      (message) => warnings.push(message),
    );
    expect(options).toEqual({
      properties: { environment: 'production' },
      userId: 'bob',
      cache: { enabled: true },
    });
    expect(warnings).toEqual([
      'Ignored header Helicone-Property-<name>: the property name is longer than 128 characters.',
    ]);
  });
});
