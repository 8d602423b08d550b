import type { Fault, Faults } from '../types';

/** A copy of the faults, so counting down `times` never touches the caller's objects. */
export function copyFaults(faults: Faults | undefined): Faults {
  return Object.fromEntries(
    Object.entries(faults ?? {}).map(([provider, fault]) => [provider, { ...fault }]),
  );
}

/**
 * The fault that applies to the next attempt on `provider` (its own entry, else `'*'`), counting down `times`
 * when the fault has one; undefined when the provider should answer normally.
 */
export function takeFault(faults: Faults, provider: string): Fault | undefined {
  const fault = faults[provider] ?? faults['*'];
  if (fault === undefined) return undefined;
  if (fault.times !== undefined) {
    if (fault.times <= 0) return undefined;
    fault.times -= 1;
  }
  return fault;
}

const faultTypes = new Set(['status', 'timeout', 'cut', 'malformed']);

/** Checks the JSON a client sends to `POST /__dev/faults`; returns an error message or the faults. */
export function validateFaults(value: unknown): Faults | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'Body must be an object of provider → fault.';
  for (const [provider, fault] of Object.entries(value as Record<string, unknown>)) {
    if (typeof fault !== 'object' || fault === null) return `Fault for ${provider} must be an object.`;
    const { type, status, times, afterTokens } = fault as Record<string, unknown>;
    if (typeof type !== 'string' || !faultTypes.has(type))
      return `Fault for ${provider}: type must be status, timeout, cut or malformed.`;
    if (
      type === 'status' &&
      (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
    ) {
      return `Fault for ${provider}: status must be an integer from 400 to 599.`;
    }
    for (const [name, number] of [
      ['times', times],
      ['afterTokens', afterTokens],
    ] as const) {
      if (number !== undefined && (typeof number !== 'number' || !Number.isInteger(number) || number < 0)) {
        return `Fault for ${provider}: ${name} must be an integer >= 0.`;
      }
    }
  }
  return value as Faults;
}
