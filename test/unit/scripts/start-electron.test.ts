import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
// An empty Electron dist folder: the test sees "no binary" even where one is installed.
const emptyDist = mkdtempSync(join(tmpdir(), 'frontdesk-no-electron-'));
afterAll(() => rmSync(emptyDist, { recursive: true, force: true }));

describe('npm start without the Electron binary', () => {
  const run = spawnSync(process.execPath, ['scripts/start-electron.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist },
    timeout: 20_000,
  });

  it('exits with 1', () => {
    expect(run.status).toBe(1);
  });

  it('says in one paragraph what is missing, how to get it, and what works meanwhile', () => {
    const message = run.stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^The Electron binary is not installed/);
    expect(message).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(message).toContain('npx install-electron');
    expect(message).toContain('npm run start:web');
    expect(run.stdout).toBe('');
  });

  it('shows no stack trace and builds nothing', () => {
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.stdout).not.toContain('vite');
  });
});
