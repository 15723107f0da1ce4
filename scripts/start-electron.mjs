// npm start: builds the desk and opens it in Electron. Looks for the Electron binary on disk
// without require('electron'), which in Electron 45 would start a download.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');
const platformBinary = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
}[process.platform];

/** Where the binary is, whether or not it exists; null on a platform Electron does not ship. */
function electronBinaryPath() {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformBinary;
  if (!relative) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
  return join(distDir, relative);
}

const binary = electronBinaryPath();
if (!binary || !existsSync(binary)) {
  console.error(
    `The Electron binary is not installed (looked for ${binary ?? `a ${process.platform} build`}). ` +
      'This happens when dependencies were installed offline or with ELECTRON_SKIP_BINARY_DOWNLOAD=1. ' +
      'To get it, run `npx install-electron` on a machine with network access (or reinstall the electron ' +
      'package with network access), then run `npm start` again. Meanwhile `npm run start:web` runs the ' +
      'same desk in a browser.',
  );
  process.exit(1);
}

const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) {
  console.error('The build failed; see above.');
  process.exit(build.status ?? 1);
}

// A terminal inside an Electron app (VS Code) may set this, which would make Electron act as Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
