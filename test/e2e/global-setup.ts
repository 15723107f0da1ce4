import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The e2e tests run against the built renderer; build it unless the caller already did. */
export default function globalSetup(): void {
  if (process.env.FRONTDESK_E2E_SKIP_BUILD === '1' && existsSync('out/renderer/index.html')) return;
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0)
    throw new Error('electron-vite build failed: the e2e tests need the built renderer.');
}
