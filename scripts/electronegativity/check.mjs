// npm test's Electron security check: Electronegativity over src-main, offline, and a failure for
// every finding not explained in accepted.json (and for every explanation no longer needed).
// The tool fetches translations and Electron's release list from the network at every run; here
// those requests fail at once instead of waiting for a timeout, so the check is fast and gives the
// same answer with or without a network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const started = performance.now();
const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const Module = require('node:module');

const offline = () => Promise.reject(new Error('offline: the security check never uses the network'));
offline.head = offline;
const load = Module._load;
Module._load = function loadOffline(request, parent, isMain) {
  return request === 'got' ? offline : load.call(this, request, parent, isMain);
};
// Its translations come with the package; the failed download only prints a line about it.
const log = console.log;
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
};

const config = JSON.parse(readFileSync(join(import.meta.dirname, 'accepted.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
const run = require('@doyensec/electronegativity/dist/runner.js');

const input = join(root, 'src-main');
const result = await run({
  input,
  customScan: [],
  excludeFromScan: config.excludedChecks.map((c) => c.check.toLowerCase()),
  isRelative: true,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});

const key = (check, file) => `${check} ${file}`;
const accepted = new Map(config.accepted.map((a) => [key(a.check, a.file), a]));
const seen = new Set();
const unexplained = [];
for (const issue of result.issues) {
  const id = key(issue.id, issue.file);
  if (accepted.has(id)) seen.add(id);
  else unexplained.push(issue);
}
const stale = [...accepted.keys()].filter((id) => !seen.has(id));
const seconds = ((performance.now() - started) / 1000).toFixed(1);

log(
  `Electronegativity ${config.electronegativity} over src-main for Electron ${electronVersion}: ` +
    `${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ` +
    `${result.issues.length - unexplained.length} explained in scripts/electronegativity/accepted.json (${seconds} s)`,
);
for (const error of result.errors) log(`  could not parse ${error.file}: ${error.message ?? error}`);
for (const issue of unexplained) {
  log(
    `NOT EXPLAINED ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${issue.file}:${issue.location.line}`,
  );
  log(`  ${issue.description} ${issue.shortenedURL}`);
}
for (const id of stale) log(`NO LONGER FOUND ${id}: remove it from accepted.json`);
const failed = unexplained.length > 0 || stale.length > 0 || result.errors.length > 0;
log(failed ? 'security check FAILED' : 'security check passed');
process.exit(failed ? 1 : 0);
