import { expect } from 'vitest';
import { HeaderValueError } from '../errors/header-value-error';

/** Runs `run`, which must throw a `HeaderValueError`, and returns that error for the test to inspect. */
export function errorOf(run: () => unknown): HeaderValueError {
  try {
    run();
  } catch (error) {
    expect(HeaderValueError.isInstance(error)).toBe(true);
    return error as HeaderValueError;
  }
  throw new Error('expected a HeaderValueError');
}
