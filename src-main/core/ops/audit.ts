// The hash-chained audit log: every event's hash covers the one before it, so an edited, removed or
// re-ordered event breaks the chain. audit_chain (migration 0006) records the head in the same
// transaction as each event, so removing the newest events, or all of them, is seen too.
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

/** The hash the first event chains from. */
export const GENESIS = '0'.repeat(64);

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

export function chainHash(prevHash: string, event: AuditEvent, seq: number): string {
  return createHash('sha256').update(prevHash).update(canonical(event, seq)).digest('hex');
}

export interface AuditChainRow {
  head_seq: number;
  head_hash: string;
  event_count: number;
  verified_seq: number;
  verified_hash: string;
}

/** The chain's record (head and checkpoint); undefined when someone deleted it. */
export function readAuditChain(db: Db): AuditChainRow | undefined {
  return db
    .prepare(
      'SELECT head_seq, head_hash, event_count, verified_seq, verified_hash FROM audit_chain WHERE id = 1',
    )
    .get() as AuditChainRow | undefined;
}

/**
 * Appends one event to the chain. Call inside the operation's transaction.
 *
 * The event follows the recorded head, not merely the newest row: after the newest rows were deleted,
 * the next event keeps its place in the chain and the gap stays visible. A damaged chain never stops
 * the desk from writing (reception still works): the event then follows whatever is furthest on, and
 * the start-up check keeps reporting the damage.
 *
 * The checkpoint moves with the head while it is at the head: an event chained to a verified event
 * by this desk is verified by construction, so a clean desk's next start has nothing left to check.
 */
export function appendAudit(db: Db, event: AuditEvent): void {
  const chain = readAuditChain(db);
  const newest = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const follows =
    chain && chain.head_seq >= (newest?.seq ?? 0)
      ? { seq: chain.head_seq, hash: chain.head_hash }
      : { seq: newest?.seq ?? 0, hash: newest?.hash ?? GENESIS };
  const seq = follows.seq + 1;
  const hash = chainHash(follows.hash, event, seq);
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
    follows.hash,
    hash,
  );
  // No row: someone deleted the chain's record. It is not recreated here, so the damage stays visible.
  db.prepare(
    `UPDATE audit_chain SET
       verified_seq = CASE WHEN verified_seq = head_seq AND verified_hash = head_hash THEN @seq ELSE verified_seq END,
       verified_hash = CASE WHEN verified_seq = head_seq AND verified_hash = head_hash THEN @hash ELSE verified_hash END,
       head_seq = @seq, head_hash = @hash, event_count = event_count + 1
     WHERE id = 1`,
  ).run({ seq, hash });
}
