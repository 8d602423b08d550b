/**
 * Counts what `npm test` ran. Test runners report through their machine-readable files; every other step
 * (format, lint, types, build, size) counts as one check. The last line CI reads is `formatTally()`.
 */

export type Counts = { passed: number; failed: number; skipped: number };

export type StepResult =
  | { name: string; kind: 'check'; exitCode: number }
  | { name: string; kind: 'tests'; exitCode: number; report: Counts | undefined };

/** Vitest's JSON reporter writes Jest's aggregated shape; only the fields read here are typed. */
type VitestJsonReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
};

export function countsFromVitestReport(json: unknown): Counts {
  if (typeof json !== 'object' || json === null) throw new TypeError('not a vitest JSON report');
  const report = json as VitestJsonReport;
  if (typeof report.numPassedTests !== 'number' || typeof report.numFailedTests !== 'number') {
    throw new TypeError('vitest JSON report without test counts');
  }
  // A file that fails to load (syntax error, failing hook) has no failing test of its own: count it once.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

export function tally(results: readonly StepResult[]): Counts {
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) {
    if (result.kind === 'check') {
      if (result.exitCode === 0) total.passed += 1;
      else total.failed += 1;
      continue;
    }
    const report = result.report;
    if (!report) {
      total.failed += 1; // the runner crashed before writing its report
      continue;
    }
    total.passed += report.passed;
    total.failed += report.failed;
    total.skipped += report.skipped;
    // A runner that exits non-zero with no failing test (unhandled error, coverage gate) still failed.
    if (result.exitCode !== 0 && report.failed === 0) total.failed += 1;
  }
  return total;
}

export function formatTally({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}
