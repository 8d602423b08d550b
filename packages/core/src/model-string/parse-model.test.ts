import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelStringError } from '../errors/model-string-error';
import { formatModel } from './format-model';
import { parseModel } from './parse-model';
import type { ModelEntry, ModelTarget } from './types';

describe('parseModel', () => {
  it('reads the examples of the Helicone docs and the seed', () => {
    expect(parseModel('helicone/gpt-4')).toMatchObject({
      prefix: 'helicone/',
      targets: [{ name: 'gpt-4', online: false }],
      excludedProviders: [],
    });
    expect(parseModel('helicone/claude-3.5-haiku/anthropic').targets).toEqual([
      { kind: 'model', name: 'claude-3.5-haiku', online: false, provider: 'anthropic' },
    ]);
    const fallback = parseModel('helicone/gpt-4o-mini/openai,claude-3-5-sonnet-20241022/anthropic');
    expect(fallback.targets.map((t) => [t.name, t.provider])).toEqual([
      ['gpt-4o-mini', 'openai'],
      ['claude-3-5-sonnet-20241022', 'anthropic'],
    ]);
    expect(formatModel(fallback)).toBe('gpt-4o-mini/openai,claude-3-5-sonnet-20241022/anthropic');

    const excluded = parseModel('gpt-4o-mini,!openrouter');
    expect(excluded.prefix).toBeUndefined();
    expect(excluded.targets).toEqual([{ kind: 'model', name: 'gpt-4o-mini', online: false }]);
    expect(excluded.excludedProviders).toEqual(['openrouter']);

    expect(parseModel('gpt-4o/azure/clm1a2b3c').targets[0]).toEqual({
      kind: 'model',
      name: 'gpt-4o',
      online: false,
      provider: 'azure',
      deploymentId: 'clm1a2b3c',
    });
    expect(parseModel('gpt-4o:online').targets[0]).toMatchObject({ name: 'gpt-4o', online: true });
    expect(parseModel('gpt-4o/openai,claude-sonnet-4').targets).toHaveLength(2);
  });

  it('trims entries and keeps ids with dots, colons and @', () => {
    const parsed = parseModel(
      ' claude-3.5-haiku / anthropic , ft:gpt-4o-mini:org::abc123/openai ,  claude-3-5-haiku@20241022/vertex ',
    );
    expect(formatModel(parseModel('gpt-4o\n'))).toBe('gpt-4o');
    expect(formatModel(parsed)).toBe(
      'claude-3.5-haiku/anthropic,ft:gpt-4o-mini:org::abc123/openai,claude-3-5-haiku@20241022/vertex',
    );
  });

  it('writes the gateway form without the LiteLLM prefix', () => {
    expect(formatModel(parseModel('helicone/gpt-4'))).toBe('gpt-4');
    expect(formatModel(parseModel('helicone/gpt-4o:online/openai,!azure'))).toBe(
      'gpt-4o:online/openai,!azure',
    );
  });

  it.each([
    ['', /it is empty/],
    ['   ', /it is empty/],
    ['gpt-4o,', /entry 2 \(""\) is empty/],
    [',gpt-4o', /entry 1 \(""\) is empty/],
    ['gpt-4o,  ,claude', /entry 2 \(""\) is empty/],
    ['gpt-4o,!', /entry 2 \("!"\) excludes no provider/],
    ['gpt-4o, ! ', /entry 2 \("!"\) excludes no provider/],
    ['/openai', /entry 1 \("\/openai"\) has no model name/],
    ['gpt 4o', /cannot appear in a model id: "gpt 4o"/],
    ['gpt-4o\r\nX-Evil: 1', /cannot appear in a model id/],
    ['gpt-4o/open ai', /invalid provider name "open ai"/],
    ['gpt-4o/', /empty provider/],
    ['gpt-4o/azure/', /empty deployment id/],
    ['a/b/c/d', /too many "\/" parts/],
    ['gpt-4o,!open/router', /invalid provider name/],
    ['gpt-4o"', /cannot appear/],
    [':online', /has no model name/],
  ])('rejects %j with a ModelStringError', (text, message) => {
    let caught: unknown;
    try {
      parseModel(text);
    } catch (error) {
      caught = error;
    }
    expect(ModelStringError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });

  it('names the failing entry by position', () => {
    try {
      parseModel('gpt-4o,claude-3.5-haiku/anthropic,bad name');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelStringError);
      expect(error).toMatchObject({ entryIndex: 2, entry: 'bad name' });
    }
  });

  it('refuses to write a first entry "helicone/<provider>", which would read back as the LiteLLM prefix', () => {
    const parsed = parseModel('helicone/helicone/openai,gpt-4o');
    expect(parsed.prefix).toBe('helicone/');
    expect(parsed.entries[0]).toEqual({ kind: 'model', name: 'helicone', online: false, provider: 'openai' });
    let caught: unknown;
    try {
      formatModel(parsed);
    } catch (error) {
      caught = error;
    }
    expect(ModelStringError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ entryIndex: 0, entry: 'helicone/openai' });
    expect((caught as Error).message).toMatch(/LiteLLM prefix/);
    // Anywhere but first, or without a provider, or online, the name is not ambiguous.
    expect(formatModel(parseModel('gpt-4o,helicone/openai'))).toBe('gpt-4o,helicone/openai');
    expect(formatModel(parseModel('helicone'))).toBe('helicone');
    expect(formatModel(parseModel('helicone:online/openai'))).toBe('helicone:online/openai');
    expect(formatModel(parseModel('!openai,helicone/openai'))).toBe('!openai,helicone/openai');
  });

  it('rejects a model that is not a string', () => {
    expect(() => parseModel(42 as unknown as string)).toThrow(/must be a string/);
  });
});

const nameArbitrary = fc
  .oneof(
    { weight: 9, arbitrary: fc.stringMatching(/^[A-Za-z0-9._@+-][A-Za-z0-9._:@+-]{0,30}$/) },
    { weight: 1, arbitrary: fc.constant('helicone') },
  )
  .filter((name) => !name.endsWith(':online'));

/** A first entry `helicone/<provider>` reads back as LiteLLM's prefix: formatModel refuses to write it. */
const isAmbiguous = (entries: readonly ModelEntry[]) => {
  const first = entries[0];
  return (
    first?.kind === 'model' && first.name === 'helicone' && !first.online && first.provider !== undefined
  );
};
const providerArbitrary = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
const targetArbitrary: fc.Arbitrary<ModelTarget> = fc
  .record({
    name: nameArbitrary,
    online: fc.boolean(),
    provider: fc.option(providerArbitrary, { nil: undefined }),
    deploymentId: fc.option(fc.stringMatching(/^[A-Za-z0-9._:@-]{1,20}$/), { nil: undefined }),
  })
  .map(({ name, online, provider, deploymentId }) => {
    const target: ModelTarget = { kind: 'model', name, online };
    if (provider !== undefined) {
      target.provider = provider;
      if (deploymentId !== undefined) target.deploymentId = deploymentId;
    }
    return target;
  });
const entryArbitrary: fc.Arbitrary<ModelEntry> = fc.oneof(
  { weight: 4, arbitrary: targetArbitrary },
  { weight: 1, arbitrary: providerArbitrary.map((provider) => ({ kind: 'exclude' as const, provider })) },
);

describe('model string round trip (property)', () => {
  it('parseModel(formatModel(entries)) gives the same entries, with or without the prefix', () => {
    fc.assert(
      fc.property(
        fc.array(entryArbitrary, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (entries, prefixed) => {
          if (isAmbiguous(entries)) {
            expect(() => formatModel({ entries })).toThrow(ModelStringError);
            return;
          }
          const text = (prefixed ? 'helicone/' : '') + formatModel({ entries });
          const parsed = parseModel(text);
          expect(parsed.entries).toEqual(entries);
          expect(parsed.prefix).toBe(prefixed ? 'helicone/' : undefined);
          expect(formatModel(parsed)).toBe(formatModel({ entries }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any string either parses to a stable form or throws a ModelStringError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let formatted: string;
        try {
          formatted = formatModel(parseModel(text));
        } catch (error) {
          expect(ModelStringError.isInstance(error)).toBe(true);
          return;
        }
        expect(formatModel(parseModel(formatted))).toBe(formatted);
      }),
      { numRuns: 1000 },
    );
  });
});
