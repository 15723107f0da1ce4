// The audit chain's health, for administrators: the desk checks the hash-chained audit log when it
// starts (src-main/core/ops/audit-monitor.ts) and answers with what it found. The problem is a code
// the screen translates (`audit.problem.<code>`), never a sentence.
import { z } from 'zod';
import { ADMINS } from '../../domain/roles';
import { empty, method } from '../method-spec';

/**
 * What can be wrong with the chain, each at the first event that can no longer be trusted:
 * - missing: an event in the middle is gone (a gap in the numbering).
 * - truncated: the newest events are gone (or all of them): the recorded head is further on.
 * - edited: an event's contents no longer match its hash.
 * - malformed: an event's details are not a JSON object, so the event cannot be checked.
 * - reordered: an event does not follow the one before it (renumbered or moved).
 * - unrecorded: events after the recorded head that the desk never wrote.
 * - rewritten: the chain no longer passes through the event last verified: it was recomputed.
 * - head_damaged: the record of the newest event is gone or disagrees with the log (no event number).
 * - unreadable: the log could not be read at all (no event number).
 */
export const AUDIT_PROBLEMS = [
  'missing',
  'truncated',
  'edited',
  'malformed',
  'reordered',
  'unrecorded',
  'rewritten',
  'head_damaged',
  'unreadable',
] as const;
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];

export const AUDIT_STATES = ['ok', 'broken', 'checking'] as const;

export const auditStatus = z.object({
  /** 'checking' until the start-up check has reached the newest event; never 'ok' before. */
  state: z.enum(AUDIT_STATES),
  /** The last event number verified so far. */
  checkedThrough: z.int().min(0),
  /** How many events the log holds. */
  events: z.int().min(0),
  firstBadSeq: z.int().min(1).optional(),
  problem: z.enum(AUDIT_PROBLEMS).optional(),
});
export type AuditStatus = z.infer<typeof auditStatus>;

export const auditMethods = {
  'audit.status': method(empty, auditStatus, ADMINS),
} as const;
