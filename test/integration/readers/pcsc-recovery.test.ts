// The backend recovers by itself when pcscd stops, restarts, or is not running at start.
// Run through the harness: bash scripts/pcscd-harness.sh -- npx vitest run --project pcsc
import { describe, expect, it } from 'vitest';
import { startPcscd, stopPcscd } from '../../harness/pcscd';
import { ATR_MIFARE_CLASSIC_1K } from '../../harness/virtual-card';
import { isBackendStatus, isRead, isReaderStatus, isRemoved, type BackendRecorder } from './backend-recorder';
import { createBackend, hex, READER_0, readersReady, sleep, startedBackend, virtualCard } from './pcsc-setup';

async function expectTapRead(recorder: BackendRecorder, uid: Uint8Array): Promise<void> {
  const from = recorder.events.length;
  const card = virtualCard({ atr: ATR_MIFARE_CLASSIC_1K, uid });
  await card.insert();
  const { read } = await recorder.waitFor(isRead, { from });
  expect(hex(read.bytes)).toBe(hex(uid));
  await card.close();
  await recorder.waitFor(isRemoved, { from });
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('PC/SC backend: recovery', () => {
  it(
    'goes down when pcscd is killed, comes back up when it restarts, and reads the next tap',
    { timeout: 60_000 },
    async () => {
      const { backend, recorder } = await startedBackend();
      await expectTapRead(recorder, Uint8Array.of(1, 1, 1, 1));
      // A card on the reader when pcscd dies: its 'removed' still comes, once.
      const resting = virtualCard({ atr: ATR_MIFARE_CLASSIC_1K, uid: Uint8Array.of(2, 2, 2, 2) });
      const beforeResting = recorder.events.length;
      await resting.insert();
      await recorder.waitFor(isRead, { from: beforeResting });

      const beforeStop = recorder.events.length;
      await stopPcscd();
      const down = await recorder.waitFor(isBackendStatus, { from: beforeStop });
      expect(down.status.state).toBe('down');
      expect(down.status.message).toMatch(/pcscd/);
      expect(Date.parse(down.status.retryAt ?? '')).toBeGreaterThan(Date.now() - 1000);
      await recorder.waitFor(isRemoved, { from: beforeStop });
      expect(backend.readers().map((reader) => reader.state)).toEqual(['gone', 'gone']);

      // While pcscd is away: retries with back-off, and no core spinning.
      const cpu = process.cpuUsage();
      await sleep(2000);
      expect(backend.status().state).toBe('down');
      expect(cpuMsSince(cpu)).toBeLessThan(300);
      const attempts = recorder.events
        .slice(beforeStop)
        .filter((event) => isBackendStatus(event) && event.status.state === 'down');
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect(attempts.length).toBeLessThanOrEqual(5);

      const beforeStart = recorder.events.length;
      await startPcscd();
      await recorder.waitFor((event) => isBackendStatus(event) && event.status.state === 'up', {
        from: beforeStart,
        timeoutMs: 8000,
      });
      await readersReady(recorder, beforeStart);
      await expectTapRead(recorder, Uint8Array.of(3, 3, 3, 3));
      expect(recorder.removals(READER_0)).toHaveLength(3);
      expect(recorder.reads(READER_0)).toHaveLength(3);
    },
  );

  it(
    'starts while pcscd is absent, reports it down with a retry time, and recovers once pcscd starts',
    { timeout: 60_000 },
    async () => {
      await stopPcscd();
      const { backend, recorder } = createBackend();
      backend.start();
      const down = await recorder.waitFor(isBackendStatus);
      expect(down.status).toMatchObject({ backend: 'pcsc', state: 'down' });
      expect(down.status.message).toMatch(/not running/);
      expect(down.status.retryAt).toBeDefined();
      expect(backend.readers()).toEqual([]);

      await sleep(1500);
      const beforeStart = recorder.events.length;
      await startPcscd();
      await recorder.waitFor((event) => isBackendStatus(event) && event.status.state === 'up', {
        from: beforeStart,
        timeoutMs: 8000,
      });
      await readersReady(recorder, beforeStart);
      expect(backend.readers().map((reader) => reader.id)).toContain(READER_0);
      await expectTapRead(recorder, Uint8Array.of(4, 4, 4, 4));
    },
  );

  it(
    'survives pcscd restarting while a card is being read by a card that never answers',
    { timeout: 60_000 },
    async () => {
      const { recorder } = await startedBackend({ apduTimeoutMs: 300 });
      const silent = virtualCard({
        atr: ATR_MIFARE_CLASSIC_1K,
        uid: Uint8Array.of(5, 5, 5, 5),
        handler: () => null,
      });
      await silent.insert();
      await recorder.waitFor(
        (event) => isReaderStatus(event) && /did not answer/.test(event.status.lastError?.message ?? ''),
      );
      const beforeRestart = recorder.events.length;
      await stopPcscd();
      await startPcscd();
      await recorder.waitFor((event) => isBackendStatus(event) && event.status.state === 'up', {
        from: beforeRestart,
        timeoutMs: 8000,
      });
      await readersReady(recorder, beforeRestart);
      await expectTapRead(recorder, Uint8Array.of(6, 6, 6, 6));
    },
  );
});
