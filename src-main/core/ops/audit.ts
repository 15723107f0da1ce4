import { createHash } from 'node:crypto';
import type { Db } from '../store/database';

export interface AuditEvent {
  id: string;
  at: string;
  hlc: string;
  deskId: string;
  operatorId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  details: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

function canonical(event: AuditEvent, seq: number): string {
  return JSON.stringify([
    seq,
    event.id,
    event.at,
    event.hlc,
    event.deskId,
    event.operatorId,
    event.action,
    event.recordType,
    event.recordId,
    event.details,
  ]);
}

function chainHash(prevHash: string, event: AuditEvent, seq: number): string {
  return createHash('sha256').update(prevHash).update(canonical(event, seq)).digest('hex');
}

/** Appends one event to the chain. Call inside the operation's transaction. */
export function appendAudit(db: Db, event: AuditEvent): void {
  const last = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  db.prepare(
    `INSERT INTO audit_events (seq, id, at, hlc, desk_id, operator_id, action, record_type, record_id, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    seq,
    event.id,
    event.at,
    event.hlc,
    event.deskId,
    event.operatorId,
    event.action,
    event.recordType,
    event.recordId,
    JSON.stringify(event.details),
    prevHash,
    chainHash(prevHash, event, seq),
  );
  db.prepare(
    `INSERT INTO desk_meta (key, value) VALUES ('audit_head', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(`${seq}:${chainHash(prevHash, event, seq)}`);
}

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: number; reason: 'edited' | 'missing' | 'reordered' | 'truncated' };

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  hlc: string;
  desk_id: string;
  operator_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/**
 * Walks the whole chain. An edited event breaks its own hash; a deleted one leaves a gap in seq or a
 * prev_hash that no longer matches; deleting the newest events is caught by the recorded head.
 */
export function verifyAudit(db: Db): AuditVerification {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as Iterable<AuditRow>) {
    if (row.seq !== expectedSeq) return { ok: false, checked, seq: expectedSeq, reason: 'missing' };
    if (row.prev_hash !== prevHash) return { ok: false, checked, seq: row.seq, reason: 'reordered' };
    const event: AuditEvent = {
      id: row.id,
      at: row.at,
      hlc: row.hlc,
      deskId: row.desk_id,
      operatorId: row.operator_id,
      action: row.action,
      recordType: row.record_type,
      recordId: row.record_id,
      details: JSON.parse(row.details) as Record<string, unknown>,
    };
    if (chainHash(prevHash, event, row.seq) !== row.hash)
      return { ok: false, checked, seq: row.seq, reason: 'edited' };
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  const head = db.prepare(`SELECT value FROM desk_meta WHERE key = 'audit_head'`).get() as
    { value: string } | undefined;
  if (head && head.value !== `${checked}:${prevHash}`) {
    return { ok: false, checked, seq: checked + 1, reason: 'truncated' };
  }
  return { ok: true, checked };
}
