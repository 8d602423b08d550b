/**
 * The `size` step of `npm test`: runs size-limit (the budgets in `.size-limit.json`), prints each bundle, and also
 * holds the chat hook to at most half of the peer's `useChat`, bundled the same way in the same run, so the
 * comparison never rests on a figure written down once. Exits non-zero when a budget or the ratio fails.
 */
import { spawnSync } from 'node:child_process';

type SizeResult = { name: string; passed: boolean; size: number; sizeLimit?: number };

const ours = '@helicone-kit/react { useHeliconeChat }';
const peer = 'peer, for comparison: @ai-sdk/react';

const run = spawnSync('size-limit', ['--json'], { encoding: 'utf8', shell: true });
let results: SizeResult[];
try {
  results = JSON.parse(run.stdout) as SizeResult[];
} catch {
  console.error(run.stdout, run.stderr);
  console.error('size-limit gave no JSON report.');
  process.exit(1);
}

const failures: string[] = [];
for (const { name, passed, size, sizeLimit } of results) {
  // An entry without a budget (the peer) is only measured.
  const held = sizeLimit === undefined || passed;
  const limit = sizeLimit === undefined ? '' : ` (budget ${sizeLimit} B)`;
  console.log(`${held ? 'ok  ' : 'FAIL'} ${String(size).padStart(6)} B  ${name}${limit}`);
  if (!held) failures.push(`${name}: ${size} B, over its budget of ${sizeLimit} B`);
}

const hook = results.find(({ name }) => name.startsWith(ours));
const useChat = results.find(({ name }) => name.startsWith(peer));
if (!hook || !useChat) {
  failures.push(`size-limit has no "${ours}" or "${peer}" entry to compare`);
} else {
  const ratio = hook.size / useChat.size;
  console.log(`useHeliconeChat / useChat: ${ratio.toFixed(3)} (at most 0.5)`);
  if (ratio > 0.5) failures.push(`useHeliconeChat is ${ratio.toFixed(3)} of useChat's size, more than half`);
}

for (const failure of failures) console.error(failure);
process.exit(failures.length > 0 || run.status !== 0 ? 1 : 0);
