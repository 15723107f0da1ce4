// vitest globalSetup for the integration tests: one private CUPS scheduler with the card queue for
// the whole run (test/harness/cups.ts), its address handed to the tests with inject('cups').
import type { TestProject } from 'vitest/node';
import { addCardQueue, CARD_QUEUE, startCups, type CupsHarness } from './cups';

export interface ProvidedCups {
  server: string;
  outputDir: string;
  queue: string;
  startMs: number;
  /** Why there is no scheduler (CUPS not installed): the CUPS tests fail with it. */
  error: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cups: ProvidedCups;
  }
}

export default async function setup(project: TestProject) {
  let harness: CupsHarness | null = null;
  try {
    harness = await startCups();
    await addCardQueue(harness.server);
    project.provide('cups', {
      server: harness.server,
      outputDir: harness.outputDir,
      queue: CARD_QUEUE,
      startMs: harness.startMs,
      error: null,
    });
  } catch (error) {
    project.provide('cups', {
      server: '',
      outputDir: '',
      queue: CARD_QUEUE,
      startMs: 0,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return async () => {
    await harness?.stop();
  };
}
