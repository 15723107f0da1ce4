// Shared set-up for the PC/SC integration tests: a started backend with both vpcd readers attached,
// virtual cards, and clean-up after each test. Needs pcscd with vpcd: run through
// scripts/pcscd-harness.sh (see test/harness/pcscd.ts).
import { afterEach, beforeAll } from 'vitest';
import { createPcscBackend, type PcscBackendOptions } from '../../../src-main/core/readers/pcsc/pcsc-backend';
import type { ReaderBackend } from '../../../src-main/core/readers/reader-backend';
import { isPcscdRunning, pcscdHarness, startPcscd } from '../../harness/pcscd';
import {
  createVirtualCard,
  VPCD_READER_0,
  VPCD_READER_1,
  type VirtualCard,
  type VirtualCardOptions,
} from '../../harness/virtual-card';
import { isReaderStatus, recordBackend, type BackendRecorder } from './backend-recorder';

export const READER_0 = `pcsc:${VPCD_READER_0}`;
export const READER_1 = `pcsc:${VPCD_READER_1}`;

const cleanups: Array<() => Promise<void>> = [];

// Outside the harness, fail at once with the command to use (these tests never skip).
beforeAll(() => {
  pcscdHarness();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  // A test that stopped pcscd and failed half-way must not take the next tests with it.
  if (pcscdHarness().ownsPcscd && !isPcscdRunning()) await startPcscd();
});

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createBackend(options: PcscBackendOptions = {}): {
  backend: ReaderBackend;
  recorder: BackendRecorder;
} {
  const backend = createPcscBackend({ apduTimeoutMs: 1000, ...options });
  const recorder = recordBackend(backend);
  cleanups.push(async () => {
    recorder.stop();
    await backend.stop();
  });
  return { backend, recorder };
}

/** Waits until both vpcd readers are attached and idle (from event index `from` on). */
export async function readersReady(recorder: BackendRecorder, from = 0, timeoutMs = 5000): Promise<void> {
  for (const id of [READER_0, READER_1]) {
    await recorder.waitFor(
      (event) => isReaderStatus(event) && event.status.id === id && event.status.state === 'idle',
      {
        from,
        timeoutMs,
      },
    );
  }
}

export async function startedBackend(options: PcscBackendOptions = {}) {
  const started = createBackend(options);
  started.backend.start();
  await readersReady(started.recorder);
  return started;
}

export function virtualCard(options: VirtualCardOptions): VirtualCard {
  const card = createVirtualCard(options);
  cleanups.push(() => card.close());
  return card;
}

/** Inserts the card and resolves once it has answered its first APDU (the UID read). */
export async function tap(card: VirtualCard): Promise<void> {
  const answered = card.nextApdu();
  await card.insert();
  await answered;
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
