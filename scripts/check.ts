/**
 * `npm test`: every check, in CI order, continuing past failures so one run shows them all.
 * Prints a summary and, as its last line, `N passed, N failed` (also written to .reports/tally.txt).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countsFromVitestReport, formatTally, tally, type Counts, type StepResult } from './tally';

export type Step = {
  name: string;
  command: string;
  /** Set for test runners: where their JSON report lands, relative to the working directory. */
  vitestReport?: string;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const defaultSteps: Step[] = [
  { name: 'format', command: 'prettier --check .' },
  { name: 'lint', command: 'eslint . --max-warnings 0' },
  { name: 'types', command: 'tsc -b' },
  { name: 'build', command: 'npm run build' },
  { name: 'packages', command: 'npm exec --workspaces -- publint --strict' },
  { name: 'size', command: 'tsx scripts/size-check.ts' },
  {
    name: 'tests',
    command: 'vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json',
    vitestReport: '.reports/vitest.json',
  },
];

function run(command: string, cwd: string): Promise<number> {
  const bin = path.join(root, 'node_modules', '.bin');
  return new Promise((resolve) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readReport(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return countsFromVitestReport(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

export async function runChecks(
  steps: readonly Step[],
  cwd = root,
): Promise<{ counts: Counts; line: string }> {
  const results: StepResult[] = [];
  mkdirSync(path.join(cwd, '.reports'), { recursive: true });
  for (const step of steps) {
    console.log(`\n▶ ${step.name}: ${step.command}`);
    const started = Date.now();
    if (step.vitestReport) rmSync(path.join(cwd, step.vitestReport), { force: true });
    const exitCode = await run(step.command, cwd);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (step.vitestReport) {
      const report = readReport(path.join(cwd, step.vitestReport));
      results.push({ name: step.name, kind: 'tests', exitCode, report });
      const counts = report ? formatTally(report) : 'no report';
      console.log(`${exitCode === 0 ? '✔' : '✘'} ${step.name} (${counts}, ${seconds}s)`);
    } else {
      results.push({ name: step.name, kind: 'check', exitCode });
      console.log(`${exitCode === 0 ? '✔' : '✘'} ${step.name} (${seconds}s)`);
    }
  }
  const counts = tally(results);
  const line = formatTally(counts);
  console.log('\nSummary');
  for (const result of results) console.log(`  ${result.exitCode === 0 ? 'ok  ' : 'FAIL'} ${result.name}`);
  writeFileSync(path.join(cwd, '.reports', 'tally.txt'), line + '\n');
  console.log(line);
  return { counts, line };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `--plan file.json` runs another list of steps (the planted-failure test uses it).
  const planIndex = process.argv.indexOf('--plan');
  const planFile = planIndex >= 0 ? process.argv[planIndex + 1] : undefined;
  const steps = planFile ? (JSON.parse(readFileSync(planFile, 'utf8')) as Step[]) : defaultSteps;
  const { counts } = await runChecks(steps, planFile ? path.dirname(path.resolve(planFile)) : root);
  process.exitCode = counts.failed > 0 ? 1 : 0;
}
