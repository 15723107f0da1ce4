// Checking the audit chain: a walk over the events in seq order that can stop and resume (so a long
// chain is checked in steps, off the start-up path), and the comparison with the recorded head and
// checkpoint. Nothing here throws on a damaged row: damage is the answer, at the first bad seq.
import type { AuditProblem } from '../../../src-shared/api/methods/audit';
import type { Db } from '../store/database';
import { chainHash, GENESIS, readAuditChain, type AuditChainRow } from './audit';

export interface ChainPosition {
  seq: number;
  hash: string;
}

export interface ChainFault {
  problem: AuditProblem;
  /** The first event that can no longer be trusted; absent when no event number says it. */
  seq?: number;
}

export const START_OF_CHAIN: ChainPosition = { seq: 0, hash: GENESIS };

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

function parseDetails(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function checkRow(row: AuditRow, after: ChainPosition): ChainFault | null {
  if (row.seq !== after.seq + 1) return { problem: 'missing', seq: after.seq + 1 };
  if (row.prev_hash !== after.hash) return { problem: 'reordered', seq: row.seq };
  const details = parseDetails(row.details);
  if (!details) return { problem: 'malformed', seq: row.seq };
  const event = {
    id: row.id,
    at: row.at,
    hlc: row.hlc,
    deskId: row.desk_id,
    operatorId: row.operator_id,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    details,
  };
  return chainHash(after.hash, event, row.seq) === row.hash ? null : { problem: 'edited', seq: row.seq };
}

export type WalkStep = { isDone: false } | { isDone: true; fault: ChainFault | null };

export interface ChainWalk {
  /** The last event verified so far. */
  readonly position: ChainPosition;
  /** Checks at most `rows` more events. */
  step(rows: number): WalkStep;
}

/** Walks from `from` (an event already trusted, or the start) up to `until` or the newest event. */
export function createChainWalk(db: Db, from: ChainPosition, until = Number.MAX_SAFE_INTEGER): ChainWalk {
  const page = db.prepare('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?');
  let position = from;
  return {
    get position() {
      return position;
    },
    step(rows) {
      const batch = page.all(position.seq, rows) as AuditRow[];
      for (const row of batch) {
        if (position.seq >= until) return { isDone: true, fault: null };
        const fault = checkRow(row, position);
        if (fault) return { isDone: true, fault };
        position = { seq: row.seq, hash: row.hash };
      }
      return batch.length < rows || position.seq >= until ? { isDone: true, fault: null } : { isDone: false };
    },
  };
}

/**
 * After a walk reached the newest event: does the log end where the desk recorded its head, and does
 * it still pass through the checkpoint?
 */
export function compareWithRecord(
  db: Db,
  chain: AuditChainRow | undefined,
  last: ChainPosition,
): ChainFault | null {
  if (!chain) return { problem: 'head_damaged' };
  if (chain.head_seq > last.seq || chain.verified_seq > last.seq)
    return { problem: 'truncated', seq: last.seq + 1 };
  if (chain.head_seq < last.seq) return { problem: 'unrecorded', seq: chain.head_seq + 1 };
  if (chain.head_hash !== last.hash) return { problem: 'edited', seq: last.seq };
  if (chain.event_count !== last.seq) return { problem: 'head_damaged' };
  if (chain.verified_seq > 0 && hashAt(db, chain.verified_seq) !== chain.verified_hash)
    return { problem: 'rewritten', seq: chain.verified_seq };
  return null;
}

export function hashAt(db: Db, seq: number): string | undefined {
  if (seq === 0) return GENESIS;
  return db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(seq) as string | undefined;
}

export type AuditVerification =
  { ok: true; checked: number } | { ok: false; checked: number; seq?: number; reason: AuditProblem };

/** Walks the whole chain at once and compares it with the record: for tests and tools. */
export function verifyAudit(db: Db): AuditVerification {
  try {
    const walk = createChainWalk(db, START_OF_CHAIN);
    let step: WalkStep;
    do step = walk.step(10_000);
    while (!step.isDone);
    const fault = step.fault ?? compareWithRecord(db, readAuditChain(db), walk.position);
    return fault
      ? {
          ok: false,
          checked: walk.position.seq,
          reason: fault.problem,
          ...(fault.seq ? { seq: fault.seq } : {}),
        }
      : { ok: true, checked: walk.position.seq };
  } catch {
    return { ok: false, checked: 0, reason: 'unreadable' };
  }
}
