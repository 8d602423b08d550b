import {
  formatModel,
  ModelStringError,
  parseModel,
  type ModelTarget,
  type ParsedModel,
} from '@helicone-kit/core';
import { compileModelPattern, matchesModelPattern, type ModelPattern } from './model-pattern';

export type ModelCheck =
  | { ok: true; model: string }
  | { ok: false; reason: 'invalid' | 'too-many'; message: string }
  | { ok: false; reason: 'not-allowed'; message: string; target: ModelTarget };

export type ModelAllowList = {
  patterns: readonly ModelPattern[] | undefined;
  /** Parses a body's `model`, checks every fallback entry, and gives the gateway's form (`formatModel`). */
  check: (model: string) => ModelCheck;
};

/**
 * Most models one model string may list (the first and its fallbacks). The gateway tries them in turn, so each
 * one more is another upstream attempt one request can cause; checked before parsing.
 */
export const MAX_FALLBACK_ENTRIES = 16;

function countEntries(model: string): number {
  let count = 1;
  for (let index = model.indexOf(','); index !== -1; index = model.indexOf(',', index + 1)) count += 1;
  return count;
}

/** Error messages echo the model; a megabyte of it is not echoed back whole. */
const MAX_MESSAGE_LENGTH = 500;
const shorten = (message: string) =>
  message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;

function describeTarget(target: ModelTarget): string {
  return formatModel({ entries: [target] });
}

/** `patterns` undefined: every well-formed model string is allowed. */
export function createModelAllowList(patterns: readonly ModelPattern[] | undefined): ModelAllowList {
  return {
    patterns,
    check(model) {
      if (countEntries(model) > MAX_FALLBACK_ENTRIES) {
        return {
          ok: false,
          reason: 'too-many',
          message: `The model string lists more than ${MAX_FALLBACK_ENTRIES} models.`,
        };
      }
      try {
        return checkParsed(parseModel(model));
      } catch (error) {
        // parseModel's errors, and formatModel's for a first entry `helicone/<provider>` (read as the prefix).
        if (ModelStringError.isInstance(error)) {
          return { ok: false, reason: 'invalid', message: shorten(error.message) };
        }
        throw error;
      }
    },
  };

  function checkParsed(parsed: ParsedModel): ModelCheck {
    if (patterns !== undefined) {
      for (const target of parsed.targets) {
        if (!patterns.some((pattern) => matchesModelPattern(pattern, target))) {
          return {
            ok: false,
            reason: 'not-allowed',
            target,
            message: shorten(
              `The model ${JSON.stringify(describeTarget(target))} is not allowed on this route.`,
            ),
          };
        }
      }
    }
    return { ok: true, model: formatModel(parsed) };
  }
}

export function compileModelPatterns(sources: readonly string[]): ModelPattern[] | string {
  const patterns: ModelPattern[] = [];
  for (const source of sources) {
    const pattern = compileModelPattern(source);
    if (typeof pattern === 'string') return pattern;
    patterns.push(pattern);
  }
  return patterns;
}
