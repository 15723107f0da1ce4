import type { Migration } from './index';

const GENESIS = '0'.repeat(64);

/**
 * The audit chain's own record, one row, written in the same transaction as every audit event (see
 * ops/audit.ts): the head (the newest event's seq and hash, and how many events were ever written),
 * so deleting the newest events, or all of them, is seen; and the checkpoint (the last event a
 * start-up check verified), so the next start checks only what came after it.
 *
 * Until now the head lived in desk_meta as 'seq:hash'; it moves here. A database with events but no
 * recorded head takes its head from the newest event, counted as if none were missing, so a gap
 * still shows. The checkpoint starts at the beginning: the first start verifies the whole chain.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      CREATE TABLE audit_chain (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        head_seq INTEGER NOT NULL,
        head_hash TEXT NOT NULL,
        event_count INTEGER NOT NULL,
        verified_seq INTEGER NOT NULL,
        verified_hash TEXT NOT NULL,
        verified_at TEXT
      ) STRICT;
    `);
    const recorded = db.prepare(`SELECT value FROM desk_meta WHERE key = 'audit_head'`).pluck().get() as
      string | undefined;
    const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(recorded ?? '');
    const newest = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const head = match
      ? { seq: Number(match[1]), hash: match[2]! }
      : { seq: newest?.seq ?? 0, hash: newest?.hash ?? GENESIS };
    db.prepare(
      `INSERT INTO audit_chain (id, head_seq, head_hash, event_count, verified_seq, verified_hash)
       VALUES (1, ?, ?, ?, 0, ?)`,
    ).run(head.seq, head.hash, head.seq, GENESIS);
    db.prepare(`DELETE FROM desk_meta WHERE key = 'audit_head'`).run();
  },
};
