// npm run package:check: packages the desk offline and checks what a user would receive.
// It asserts the fuses, the native modules unpacked with their binaries, and that no test code and
// no source maps ship. electron-builder normally downloads Electron; here it packages against a stub Electron folder
// (a shell script carrying Electron's fuse wire, locales/en-US.pak, resources/), so the real
// electron-builder.yml is used unchanged, fuses included, and then read back from the result.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const started = performance.now();
const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const keep = process.argv.includes('--keep');
const build = !process.argv.includes('--no-build');

// The fuse wire as @electron/fuses looks for it: sentinel, wire version 1, length, one byte a fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  ['runAsNode', false],
  ['enableCookieEncryption', true],
  ['enableNodeOptionsEnvironmentVariable', false],
  ['enableNodeCliInspectArguments', false],
  ['enableEmbeddedAsarIntegrityValidation', true],
  ['onlyLoadAppFromAsar', true],
  ['loadBrowserProcessSpecificV8Snapshot', null],
  ['grantFileProtocolExtraPrivileges', false],
];
// Electron's own defaults, so every configured fuse has to be flipped to pass.
const STUB_WIRE = '10110001';
const NATIVE_MODULES = ['better-sqlite3', 'pcsclite', 'node-hid'];
const MUST_NOT_SHIP = [
  '/src-main',
  '/src-renderer',
  '/src-shared',
  '/test',
  '/node_modules/electron/',
  '/node_modules/vite/',
  '/node_modules/electron-builder/',
];

class CheckFailed extends Error {}

function fail(message, output = '') {
  if (output) console.error(output);
  throw new CheckFailed(message);
}

function run(label, args) {
  console.log(`... ${label}`);
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    // CI=1: plain log lines instead of progress bars.
    env: { ...process.env, CI: '1' },
  });
  if (result.status !== 0)
    fail(`${label} exited with ${result.status}`, `${result.stdout}\n${result.stderr}`);
  console.log(`ok  ${label}`);
}

function loadTool(name) {
  try {
    return require(name);
  } catch {
    return fail(`${name} is not in node_modules (it comes with electron-builder): run npm ci.`);
  }
}

function makeStubElectron(dir) {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'));
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  const script = ['#!/bin/sh', `# stub Electron for package:check, fuse wire ${FUSE_SENTINEL}`].join('\n');
  const wire = Buffer.concat([Buffer.from(script), Buffer.from([1, FUSES.length]), Buffer.from(STUB_WIRE)]);
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([wire, Buffer.from('\necho "stub Electron: nothing to run"\n')]),
    { mode: 0o755 },
  );
}

function report(seconds) {
  for (const { label, isOk } of checks) console.log(`${isOk ? 'ok ' : 'NOT'} ${label}`);
  const failed = checks.filter((c) => !c.isOk).length;
  if (failed > 0) throw new CheckFailed(`${failed} of ${checks.length} checks failed (${seconds} s)`);
  console.log(`package:check passed: ${checks.length} checks in ${seconds} s`);
}

const work = mkdtempSync(join(tmpdir(), 'frontdesk-package-check-'));
const stub = join(work, 'electron-stub');
const output = join(work, 'dist');
const checks = [];
const check = (label, isOk) => checks.push({ label, isOk });

try {
  const asar = loadTool('@electron/asar');
  const { getCurrentFuseWire } = loadTool('@electron/fuses');
  if (build)
    run('electron-vite build', [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  makeStubElectron(stub);
  run('electron-builder --linux dir (stub Electron, no rebuild, no publish)', [
    join(root, 'node_modules/electron-builder/cli.js'),
    '--linux',
    'dir',
    `-c.electronDist=${stub}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${output}`,
    '--publish',
    'never',
  ]);

  const appDir = join(output, 'linux-unpacked');
  const archive = join(appDir, 'resources', 'app.asar');
  if (!existsSync(archive)) fail(`no ${archive} was produced`);
  const files = new Set(asar.listPackage(archive, {}).map((f) => f.replaceAll('\\', '/')));
  for (const file of [
    '/package.json',
    '/out/main/index.js',
    '/out/preload/preload.cjs',
    '/out/renderer/index.html',
  ]) {
    check(`app.asar contains ${file}`, files.has(file));
  }
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString());
  check(`package.json main (${manifest.main}) is in app.asar`, files.has(`/${manifest.main}`));
  for (const prefix of MUST_NOT_SHIP) {
    check(
      `app.asar has nothing under ${prefix}`,
      ![...files].some((f) => f === prefix || f.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)),
    );
  }

  // What a desk receives is the app, not its development: no test code, no source maps.
  const appFiles = [...files].filter((f) => !f.startsWith('/node_modules/'));
  const unpackedDir = join(appDir, 'resources', 'app.asar.unpacked');
  const unpackedFiles = existsSync(unpackedDir)
    ? readdirSync(unpackedDir, { recursive: true }).map((f) => `/${String(f).replaceAll('\\', '/')}`)
    : [];
  const testFiles = appFiles.filter((f) =>
    /(^|\/)(test|tests|__tests__|e2e|harness)\/|\.(test|spec)\.[cm]?[jt]sx?$/.test(f),
  );
  check(
    `app.asar has no test files outside node_modules${testFiles.length ? ` (${testFiles.slice(0, 3).join(', ')})` : ''}`,
    testFiles.length === 0,
  );
  const maps = [...files, ...unpackedFiles].filter((f) => f.endsWith('.map'));
  check(
    `no source maps ship${maps.length ? ` (${maps.length}, e.g. ${maps.slice(0, 3).join(', ')})` : ''}`,
    maps.length === 0,
  );
  const outCode = appFiles
    .filter((f) => f.startsWith('/out/') && /\.(c?js|mjs|html)$/.test(f))
    .map((f) => [f, asar.extractFile(archive, f.slice(1)).toString()]);
  const mapped = outCode.filter(([, code]) => code.includes('sourceMappingURL=')).map(([f]) => f);
  check(
    `no built file points at a source map${mapped.length ? ` (${mapped.join(', ')})` : ''}`,
    mapped.length === 0,
  );
  // The shell's tests swap electron for a stand-in; it, vitest and the test harness stay out of the build.
  const testCode = outCode
    .filter(([, code]) => /electron-stand-in|from\s*["']vitest["']|test\/harness\//.test(code))
    .map(([f]) => f);
  check(
    `no test code is bundled into out/${testCode.length ? ` (${testCode.join(', ')})` : ''}`,
    testCode.length === 0,
  );

  // Every package the main process imports must ship, or the desk dies at start-up; a native
  // module must be imported, not bundled, or its JS no longer finds its .node binary.
  const optional = Object.keys(manifest.optionalDependencies ?? {});
  const mainFiles = [...files].filter((f) => f.startsWith('/out/main/') && f.endsWith('.js'));
  const mainCode = mainFiles.map((f) => asar.extractFile(archive, f.slice(1)).toString()).join('\n');
  const imported = new Set(
    [...mainCode.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"([^".][^"]*)"/g)].map((m) => m[1]),
  );
  for (const specifier of imported) {
    if (specifier.startsWith('node:') || specifier === 'electron') continue;
    const name = specifier.startsWith('@')
      ? specifier.split('/').slice(0, 2).join('/')
      : specifier.split('/')[0];
    if (optional.includes(name) && !existsSync(join(root, 'node_modules', name))) {
      console.log(`    (optional ${name} is not installed here, so it cannot ship)`);
      continue;
    }
    check(`main's import "${specifier}" ships in app.asar`, files.has(`/node_modules/${name}/package.json`));
  }
  for (const name of NATIVE_MODULES) {
    check(`${name} is not bundled into out/main`, !mainCode.includes(`node_modules/${name}/`));
  }

  for (const name of NATIVE_MODULES.filter((m) => existsSync(join(root, 'node_modules', m)))) {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', name);
    const hasBinary =
      existsSync(unpacked) &&
      readdirSync(unpacked, { recursive: true }).some((f) => String(f).endsWith('.node'));
    check(`${name} is unpacked next to app.asar with its .node binary`, hasBinary);
  }

  const executable = readdirSync(appDir).find((f) => f !== 'locales' && f !== 'resources');
  const wire = await getCurrentFuseWire(join(appDir, executable ?? 'missing'));
  FUSES.forEach(([name, expected], index) => {
    if (expected === null) return;
    check(
      `fuse ${name} is ${expected ? 'on' : 'off'} in ${executable}`,
      wire[index] === (expected ? 49 : 48),
    );
  });
  report(((performance.now() - started) / 1000).toFixed(1));
} catch (error) {
  if (!(error instanceof CheckFailed)) throw error;
  console.error(`package:check FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
