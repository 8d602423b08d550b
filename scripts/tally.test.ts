import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countsFromVitestReport, formatTally, tally } from './tally';

const report = (passed: number, failed: number, testResults: unknown[] = []) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: 0,
  numTodoTests: 0,
  testResults,
});

describe('tally', () => {
  it('counts each non-test step as one check and adds the runner counts', () => {
    const counts = tally([
      { name: 'lint', kind: 'check', exitCode: 0 },
      { name: 'types', kind: 'check', exitCode: 2 },
      { name: 'tests', kind: 'tests', exitCode: 1, report: { passed: 40, failed: 2, skipped: 1 } },
    ]);
    expect(counts).toEqual({ passed: 41, failed: 3, skipped: 1 });
    expect(formatTally(counts)).toBe('41 passed, 3 failed, 1 skipped');
  });

  it('counts a runner without a report, or failing with no failed test, as a failure', () => {
    expect(tally([{ name: 'tests', kind: 'tests', exitCode: 1, report: undefined }]).failed).toBe(1);
    const crashed = tally([
      { name: 'tests', kind: 'tests', exitCode: 1, report: { passed: 5, failed: 0, skipped: 0 } },
    ]);
    expect(crashed).toEqual({ passed: 5, failed: 1, skipped: 0 });
  });

  it('reads vitest JSON, counting a file that failed to load once', () => {
    const counts = countsFromVitestReport(
      report(3, 1, [
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
        { status: 'failed', assertionResults: [{ status: 'failed' }] },
        { status: 'failed', assertionResults: [] },
      ]),
    );
    expect(counts).toEqual({ passed: 3, failed: 2, skipped: 0 });
    expect(() => countsFromVitestReport({})).toThrow(/without test counts/);
  });

  it('a planted failure makes the whole run fail with failed >= 1 and a non-zero exit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-tally-'));
    // A planted test runner writes a report with one failing test, as vitest would, and exits 1.
    writeFileSync(
      path.join(dir, 'planted-runner.cjs'),
      `require('fs').writeFileSync('planted.json', ${JSON.stringify(JSON.stringify(report(2, 1)))}); process.exit(1);`,
    );
    const plan = [
      { name: 'passing check', command: 'node -e "process.exit(0)"' },
      { name: 'planted failing check', command: 'node -e "process.exit(3)"' },
      { name: 'planted tests', command: 'node planted-runner.cjs', vitestReport: 'planted.json' },
    ];
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan));

    const checkScript = path.resolve(import.meta.dirname, 'check.ts');
    const tsx = path.resolve(import.meta.dirname, '../node_modules/.bin/tsx');
    const result = spawnSync(tsx, [checkScript, '--plan', path.join(dir, 'plan.json')], { encoding: 'utf8' });

    expect(result.status).not.toBe(0);
    const lastLine = result.stdout.trim().split('\n').at(-1);
    expect(lastLine).toBe('3 passed, 2 failed');
    expect(readFileSync(path.join(dir, '.reports', 'tally.txt'), 'utf8').trim()).toBe('3 passed, 2 failed');
  });
});
