import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

const bytes = (text: string) => new TextEncoder().encode(text);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('counts arrays and objects together, up to the limit and one past it', () => {
    expect(nestsDeeperThan(bytes(nested(3)), 3)).toBe(false);
    expect(nestsDeeperThan(bytes(nested(4)), 3)).toBe(true);
    expect(nestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a":[{"b":[[1]]}]}'), 4)).toBe(true);
    // Siblings do not add up: depth goes back down at each close.
    expect(nestsDeeperThan(bytes('[[1],[2],[3],[4],[5]]'), 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const content = JSON.stringify({ content: `${'['.repeat(500)} "quoted" \\ {{{` });
    expect(nestsDeeperThan(bytes(content), 1)).toBe(false);
    expect(nestsDeeperThan(bytes('["\\"[[[[", ["x"]]'), 2)).toBe(false);
    expect(nestsDeeperThan(bytes('["\\\\", [["x"]]]'), 2)).toBe(true);
  });

  it('passes multi-byte text and stops at the limit on a 10,000-level body', () => {
    expect(nestsDeeperThan(bytes('{"a":"日本語 [ { émoji 😀"}'), 1)).toBe(false);
    expect(nestsDeeperThan(bytes(nested(10_000)), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(bytes(nested(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
  });
});
