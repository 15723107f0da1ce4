import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit } from '../../src-main/core/ops/audit';
import { verifyAudit } from '../../src-main/core/ops/audit-chain-check';
import { createAuditMonitor } from '../../src-main/core/ops/audit-monitor';
import { openDatabase } from '../../src-main/core/store/database';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const quiet = { error: () => {} };
const clock = { now: () => Date.now() };

/**
 * The audit chain's cost at desk start-up with `events` events: the whole chain walked at once, a
 * first start (no checkpoint: walked in steps off the start-up path) and a restart from the
 * checkpoint (only the cheap checks on the start-up path, the older events swept in the background).
 */
export async function benchAuditCheck(events: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-audit-'));
  try {
    const path = join(dir, 'desk.sqlite');
    let db = openDatabase(path);
    db.transaction(() => {
      for (let i = 0; i < events; i++) {
        appendAudit(db, {
          id: `event-${i}`,
          at: '2026-11-24T09:00:00.000Z',
          hlc: `0000000000${i}`,
          deskId: 'desk-bench',
          operatorId: 'operator-1',
          action: 'holder.view',
          recordType: 'holder',
          recordId: `holder-${i % 997}`,
          details: { reason: 'lookup', n: i },
        });
      }
    })();
    // As a desk written before the checkpoint existed: nothing verified yet.
    db.prepare(`UPDATE audit_chain SET verified_seq = 0, verified_hash = ? WHERE id = 1`).run('0'.repeat(64));
    db.close();

    const figures: Record<string, number> = {};
    db = openDatabase(path);
    let t0 = process.hrtime.bigint();
    const full = verifyAudit(db);
    figures.fullWalkMs = ms(t0);
    if (!full.ok) throw new Error(`bench chain broken: ${full.reason}`);

    const first = createAuditMonitor(db, { clock, logger: quiet });
    t0 = process.hrtime.bigint();
    const firstDone = first.start();
    figures.firstStartBlockingMs = ms(t0);
    await firstDone;
    figures.firstStartUntilOkMs = ms(t0);
    if (first.status().state !== 'ok') throw new Error('first start did not verify');
    db.close();

    db = openDatabase(path);
    const again = createAuditMonitor(db, { clock, logger: quiet });
    t0 = process.hrtime.bigint();
    const againDone = again.start();
    figures.restartBlockingMs = ms(t0);
    figures.restartStateIsOk = again.status().state === 'ok' ? 1 : 0;
    await againDone;
    figures.restartWithSweepMs = ms(t0);
    db.close();
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function printAuditCheck(events: number): Promise<void> {
  const f = await benchAuditCheck(events);
  const r = (n: number | undefined) => (n ?? NaN).toFixed(1);
  console.log(`\nAudit chain at start-up, ${events} events`);
  console.log(`  whole chain walked at once:           ${r(f.fullWalkMs)} ms`);
  console.log(
    `  first start (no checkpoint):          ${r(f.firstStartBlockingMs)} ms blocking, 'ok' after ${r(f.firstStartUntilOkMs)} ms`,
  );
  console.log(
    `  restart from the checkpoint:          ${r(f.restartBlockingMs)} ms blocking (state ${f.restartStateIsOk ? "'ok'" : 'not ok'}), background sweep done after ${r(f.restartWithSweepMs)} ms`,
  );
}
