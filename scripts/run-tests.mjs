// npm test: lint, format, typecheck, the Electron security check, unit + integration (real SQLite,
// real pcscd), the Electron shell against its stand-in, end to end in Chromium. Every step runs even when an earlier one fails; the last line is "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
const only = process.argv.slice(2);
const wants = (name) => only.length === 0 || only.includes(name);

function run(name, command, args, options = {}) {
  console.log(`\n━━ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `━━ ${name}: ${child.status === 0 ? 'ok' : `FAILED (exit ${child.status ?? child.signal})`} in ${seconds} s`,
  );
  return child.status === 0;
}

/** A step that is one check (lint, format, typecheck): counts as one test. */
function check(name, command, args) {
  const ok = run(name, command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numPendingTests ?? 0) };
}

function vitest(name, projects, wrapper = []) {
  const file = `test-results/vitest-${name}.json`;
  rmSync(file, { force: true });
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ];
  const [command, ...rest] = wrapper.length ? [...wrapper, 'npx', ...args] : ['npx', ...args];
  const ok = run(name, command, rest);
  const counts = vitestCounts(file) ?? { passed: 0, failed: 1 };
  if (!ok && counts.failed === 0) counts.failed = 1; // the runner itself failed (e.g. a file did not load)
  results.push({ name, ...counts });
}

mkdirSync('test-results', { recursive: true });
if (wants('lint')) check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
if (wants('format')) check('format', 'npx', ['prettier', '--check', '.']);
if (wants('typecheck')) {
  check('typecheck main', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
  check('typecheck renderer', 'npx', ['vue-tsc', '-p', 'tsconfig.web.json', '--noEmit']);
}
// Electronegativity over the shell, offline; findings must be explained in its accepted.json.
if (wants('security')) check('electron security', 'node', ['scripts/electronegativity/check.mjs']);
if (wants('unit')) vitest('unit', ['unit', 'renderer', 'integration', 'shell']);
if (wants('pcsc') && existsSync('scripts/pcscd-harness.sh')) {
  vitest('pcsc', ['pcsc'], ['bash', 'scripts/pcscd-harness.sh', '--']);
}
if (wants('e2e')) {
  const file = 'test-results/e2e-results.json';
  rmSync(file, { force: true });
  // The readers specs tap virtual cards through the real pcscd: the whole run goes inside the harness.
  const harness = existsSync('scripts/pcscd-harness.sh') ? ['bash', 'scripts/pcscd-harness.sh', '--'] : [];
  const [command, ...args] = [...harness, 'npx', 'playwright', 'test'];
  const ok = run('e2e', command, args);
  let counts = { passed: 0, failed: 1 };
  if (existsSync(file)) {
    const stats = JSON.parse(readFileSync(file, 'utf8')).stats;
    counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected + stats.skipped };
  }
  if (!ok && counts.failed === 0) counts.failed = 1;
  results.push({ name: 'e2e', ...counts });
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.name.padEnd(20)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
