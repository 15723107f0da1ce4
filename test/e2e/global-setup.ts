import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { addCardQueue, startCups } from '../harness/cups';

/** Where the run's private CUPS scheduler listens, for specs that print (test/harness/cups.ts). */
export const CUPS_SERVER_ENV = 'FRONTDESK_E2E_CUPS_SERVER';

/**
 * The e2e tests run against the built renderer; build it unless the caller already did. A private
 * CUPS scheduler with the cups-pdf card queue is started once for the run (about 0.15 s) and stopped
 * after it; the workers find it in the environment.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.FRONTDESK_E2E_SKIP_BUILD !== '1' || !existsSync('out/renderer/index.html')) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0)
      throw new Error('electron-vite build failed: the e2e tests need the built renderer.');
  }
  try {
    const cups = await startCups();
    await addCardQueue(cups.server);
    process.env[CUPS_SERVER_ENV] = cups.server;
    process.env.FRONTDESK_E2E_CUPS_OUTPUT = cups.outputDir;
    return () => cups.stop();
  } catch (error) {
    // Only the printing specs need it: they fail with this reason, the others run.
    process.env.FRONTDESK_E2E_CUPS_ERROR = error instanceof Error ? error.message : String(error);
    return async () => {};
  }
}
