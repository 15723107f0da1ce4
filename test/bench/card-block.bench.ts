import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDesk } from '../../src-main/core/create-desk';
import { typed } from '../harness/test-desk';
import { benchDatabase } from './bench-db';
import { percentileRatio, summarise } from './stats';

/**
 * cards.block through the desk's API door (validate → authorise → one transaction with the block
 * record, the card and its mobile IDs, the outbox row and the audit event → the card as the screen
 * gets it), against its peer: a bare UPDATE of the card row in its own commit, without outbox or audit.
 * Taken in alternation on a copy of the demo database, so both see the same file and the same cache.
 */
export async function benchCardBlock(holders: number, blocks = 400): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-block-'));
  const path = join(dir, 'desk.sqlite');
  copyFileSync(benchDatabase(holders), path);
  const desk = createDesk({ databasePath: path, logger: { error: () => {} } });
  try {
    const db = desk.db;
    const cards = db.prepare('SELECT count(*) FROM cards').pluck().get() as number;
    const admin = typed(desk.connect());
    const hasOperators = (db.prepare('SELECT count(*) FROM operators').pluck().get() as number) > 0;
    if (!hasOperators) {
      await admin.must('setup.createFirstAdmin', {
        username: 'desk-admin',
        displayName: 'Bench Admin',
        password: 'correct horse battery staple',
        language: 'en',
      });
    } else {
      throw new Error('The bench database has operators already: use a fresh demo database.');
    }
    const ids = db
      .prepare(`SELECT id FROM cards WHERE state = 'active' AND kind != 'mobile_id' ORDER BY rowid LIMIT ?`)
      .pluck()
      .all(blocks * 2 + 50) as string[];
    if (ids.length < blocks * 2 + 50) throw new Error(`Only ${ids.length} active cards to block.`);
    const plain = db.prepare(
      `UPDATE cards SET state = 'blocked', block_reason = 'lost', state_changed_at = ?, updated_at = ? WHERE id = ?`,
    );
    // Warm-up: the first calls pay for statement preparation and page cache.
    for (const id of ids.slice(blocks * 2)) await admin.must('cards.block', { cardId: id, reason: 'lost' });

    const blockMs: number[] = [];
    const peerMs: number[] = [];
    for (let i = 0; i < blocks; i++) {
      let t0 = performance.now();
      await admin.must('cards.block', { cardId: ids[i]!, reason: 'lost' });
      blockMs.push(performance.now() - t0);
      const now = new Date().toISOString();
      t0 = performance.now();
      plain.run(now, now, ids[blocks + i]!);
      peerMs.push(performance.now() - t0);
    }
    const b = summarise(blockMs);
    const p = summarise(peerMs);
    const ratio = percentileRatio(blockMs, peerMs, 95);
    console.log(
      `\ncards.block commit among ${cards.toLocaleString('en')} cards (${holders.toLocaleString('en')} holders), ${blocks} blocks, WAL, synchronous as the desk runs`,
    );
    console.log(
      `  cards.block (API call: block record, card, outbox, audit)  p50 ${b.p50.toFixed(2)} ms  p95 ${b.p95.toFixed(2)} ms  max ${b.max.toFixed(2)} ms`,
    );
    console.log(
      `  peer: plain UPDATE of the card row, own commit             p50 ${p.p50.toFixed(2)} ms  p95 ${p.p95.toFixed(2)} ms  max ${p.max.toFixed(2)} ms`,
    );
    console.log(
      `  ratio at p95: ${ratio.ratio.toFixed(1)}× (95% interval ${ratio.low.toFixed(1)}–${ratio.high.toFixed(1)}×)`,
    );
    admin.raw.close();
    return { cards, blockP50Ms: b.p50, blockP95Ms: b.p95, peerP95Ms: p.p95, ratioP95: ratio.ratio };
  } finally {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
