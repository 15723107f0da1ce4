// Rebuilds the native modules (better-sqlite3, pcsclite, node-hid) for Electron's ABI, but only
// where an Electron binary is actually installed. On CI and on machines installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 it does nothing, so the Node build the tests use stays intact.
// A failed rebuild deletes a module's build/ folder (measured with @electron/rebuild 4.2.1), so the
// folders are copied aside first and put back when the rebuild fails.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = process.cwd();
const electronDir = join(root, 'node_modules', 'electron');
const binary = {
  linux: 'dist/electron',
  win32: 'dist/electron.exe',
  darwin: 'dist/Electron.app/Contents/MacOS/Electron',
}[process.platform];

if (process.env.CI || !binary || !existsSync(join(electronDir, binary))) {
  console.log('[rebuild-for-electron] no Electron binary installed: native modules keep their Node build.');
  process.exit(0);
}

const modules = ['better-sqlite3', 'pcsclite'].filter((m) => existsSync(join(root, 'node_modules', m)));
const backups = modules.map((m) => {
  const build = join(root, 'node_modules', m, 'build');
  const backup = `${build}.node-backup`;
  if (existsSync(build)) cpSync(build, backup, { recursive: true });
  return { build, backup };
});

// npm passes nodedir=/usr under `npm run`; the Electron rebuild would then silently produce a
// Node-ABI binary, so that setting is removed for the child.
const env = { ...process.env };
delete env.npm_config_nodedir;
const result = spawnSync('npx', ['--no-install', 'electron-rebuild', '--only', modules.join(',')], {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
});

for (const { build, backup } of backups) {
  if (!existsSync(backup)) continue;
  if (result.status !== 0) {
    rmSync(build, { recursive: true, force: true });
    cpSync(backup, build, { recursive: true });
  }
  rmSync(backup, { recursive: true, force: true });
}
if (result.status !== 0) {
  console.warn(
    '[rebuild-for-electron] the Electron rebuild failed; the Node build was restored, so the web host and tests still work.',
  );
}
