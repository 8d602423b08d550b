import { formatRateLimitPolicy } from '@helicone-kit/core';
import type { Budget, Budgets } from '../options/handler-options';

const MIN_WINDOW_SECONDS = 60;
const MAX_WINDOW_SECONDS = 31_536_000;

/** Why a budget cannot be sent as a Helicone policy, or undefined when it can. */
export function budgetProblem(budget: unknown): string | undefined {
  if (typeof budget !== 'object' || budget === null) return 'must be { cents, windowSeconds }.';
  const { cents, windowSeconds } = budget as Partial<Budget>;
  if (typeof cents !== 'number' || !Number.isSafeInteger(cents) || cents <= 0) {
    return 'needs `cents`, a whole number of US cents greater than 0.';
  }
  if (
    typeof windowSeconds !== 'number' ||
    !Number.isSafeInteger(windowSeconds) ||
    windowSeconds < MIN_WINDOW_SECONDS ||
    windowSeconds > MAX_WINDOW_SECONDS
  ) {
    return `needs \`windowSeconds\`, a whole number from ${MIN_WINDOW_SECONDS} to ${MAX_WINDOW_SECONDS}.`;
  }
  return undefined;
}

export type BudgetPolicyResult =
  { kind: 'policy'; policy: string } | { kind: 'none' } | { kind: 'invalid'; reason: string };

/** The user's budget as Helicone's spend policy, `<cents>;w=<seconds>;u=cents;s=user`, enforced per `Helicone-User-Id`. */
export function budgetPolicyFor(budgets: Budgets, userId: string): BudgetPolicyResult {
  const budget = typeof budgets === 'function' ? budgets(userId) : budgets;
  if (budget === undefined) return { kind: 'none' };
  const problem = budgetProblem(budget);
  if (problem !== undefined) return { kind: 'invalid', reason: problem };
  return {
    kind: 'policy',
    policy: formatRateLimitPolicy({
      quota: budget.cents,
      windowSeconds: budget.windowSeconds,
      unit: 'cents',
      segment: 'user',
    }),
  };
}
