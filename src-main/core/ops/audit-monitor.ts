// The audit chain's check at desk start-up, and its verdict for administrators (audit.status).
//
// A start checks only what came after the stored checkpoint (the last event verified), after cheap
// checks that catch a deletion anywhere: the number of events, the first and the newest seq, and the
// checkpoint's hash, against the record written with every event. Anything unexpected there, or no
// checkpoint yet, and the whole chain is walked, which also finds the first bad event. A long walk
// runs in steps between other work, so the desk answers at once; until it reaches the newest event
// the state is 'checking', never 'ok'. Once 'ok', the events before the checkpoint are walked again
// in the background, which finds an event edited in place since the last start.
import type { AuditStatus } from '../../../src-shared/api/methods/audit';
import type { Logger } from '../api/dispatcher';
import type { Db } from '../store/database';
import { readAuditChain } from './audit';
import {
  compareWithRecord,
  createChainWalk,
  hashAt,
  START_OF_CHAIN,
  type ChainFault,
  type ChainPosition,
  type ChainWalk,
} from './audit-chain-check';
import type { Clock } from './context';

export interface AuditMonitorOptions {
  clock: Clock;
  logger: Logger;
  /** Events checked per step; between steps the desk answers calls and reads cards. */
  rowsPerStep?: number;
}

export interface AuditMonitor {
  /** Checks the chain: the first step now, the rest between other work. Resolves when all is done. */
  start(): Promise<void>;
  status(): AuditStatus;
  /** Stops checking (the desk is closing); the status stays as it was. */
  stop(): void;
}

interface Shape {
  n: number;
  first: number | null;
  last: number | null;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createAuditMonitor(db: Db, options: AuditMonitorOptions): AuditMonitor {
  const rowsPerStep = options.rowsPerStep ?? 2000;
  let verdict: AuditStatus = { state: 'checking', checkedThrough: 0, events: 0 };
  let isStopped = false;

  /** Where the start-up walk may begin: the checkpoint, if nothing about the log looks touched. */
  function resumeFrom(): ChainPosition {
    const chain = readAuditChain(db);
    const shape = db
      .prepare('SELECT count(*) AS n, min(seq) AS first, max(seq) AS last FROM audit_events')
      .get() as Shape;
    verdict = { ...verdict, events: shape.n, checkedThrough: 0 };
    const isIntact =
      chain !== undefined &&
      shape.n === chain.event_count &&
      (shape.last ?? 0) === chain.head_seq &&
      (shape.n === 0 || shape.first === 1) &&
      hashAt(db, chain.verified_seq) === chain.verified_hash;
    if (!isIntact) return START_OF_CHAIN;
    verdict = { ...verdict, checkedThrough: chain.verified_seq };
    return { seq: chain.verified_seq, hash: chain.verified_hash };
  }

  function saveCheckpoint(position: ChainPosition): void {
    db.prepare(
      'UPDATE audit_chain SET verified_seq = ?, verified_hash = ?, verified_at = ? WHERE id = 1',
    ).run(position.seq, position.hash, new Date(options.clock.now()).toISOString());
  }

  /**
   * Moves the checkpoint back before the damage, so appends no longer carry it forward and the next
   * start finds the damage again, whatever kind it is.
   */
  function distrustFrom(fault: ChainFault): void {
    const chain = readAuditChain(db);
    if (!chain || fault.seq === undefined) return;
    const trusted = fault.problem === 'rewritten' ? 0 : Math.min(fault.seq - 1, chain.verified_seq);
    const hash = hashAt(db, trusted);
    if (hash !== undefined && trusted < chain.verified_seq) saveCheckpoint({ seq: trusted, hash });
  }

  function broken(fault: ChainFault, checkedThrough: number): void {
    verdict = {
      state: 'broken',
      checkedThrough,
      events: verdict.events,
      problem: fault.problem,
      ...(fault.seq !== undefined ? { firstBadSeq: fault.seq } : {}),
    };
    options.logger.error(
      `The audit log is damaged (${fault.problem}${fault.seq !== undefined ? ` at event ${fault.seq}` : ''}). Keep the database file and restore from a backup.`,
    );
  }

  /**
   * Runs the walk step by step; `finish` runs in the same transaction as the last step, so the verdict
   * is set as soon as the walk ends, with no turn of the event loop in between. False when stopped.
   */
  async function walkAll(walk: ChainWalk, finish: (fault: ChainFault | null) => void): Promise<boolean> {
    const stepOnce = db.transaction(() => {
      const step = walk.step(rowsPerStep);
      if (step.isDone) finish(step.fault);
      return step.isDone;
    });
    for (;;) {
      if (isStopped) return false;
      if (stepOnce()) return true;
      if (verdict.state === 'checking') verdict = { ...verdict, checkedThrough: walk.position.seq };
      await nextTurn();
    }
  }

  /** Verifies from the checkpoint (or the start) to the newest event; the checkpoint it began at if ok. */
  async function startUpCheck(): Promise<ChainPosition | null> {
    const from = resumeFrom();
    const walk = createChainWalk(db, from);
    let isOk = false;
    await walkAll(walk, (walkFault) => {
      const fault = walkFault ?? compareWithRecord(db, readAuditChain(db), walk.position);
      if (fault) {
        distrustFrom(fault);
        broken(fault, Math.min(walk.position.seq, (fault.seq ?? Infinity) - 1));
        return;
      }
      saveCheckpoint(walk.position);
      verdict = { state: 'ok', checkedThrough: walk.position.seq, events: walk.position.seq };
      isOk = true;
    });
    return isOk ? from : null;
  }

  /** Walks the events the start-up check took on trust, up to the checkpoint it resumed from. */
  async function sweep(checkpoint: ChainPosition): Promise<void> {
    const walk = createChainWalk(db, START_OF_CHAIN, checkpoint.seq);
    await walkAll(walk, (walkFault) => {
      const isThrough = walk.position.seq === checkpoint.seq && walk.position.hash === checkpoint.hash;
      const fault: ChainFault | null =
        walkFault ?? (isThrough ? null : { problem: 'rewritten', seq: checkpoint.seq });
      if (!fault) return;
      distrustFrom(fault);
      broken(fault, Math.max(0, (fault.seq ?? 1) - 1));
    });
  }

  return {
    async start() {
      try {
        const resumedFrom = await startUpCheck();
        if (resumedFrom && resumedFrom.seq > 0) await sweep(resumedFrom);
      } catch (error) {
        // A log that cannot even be read (a dropped table, a damaged file) is reported, never thrown:
        // the desk keeps working for reception.
        if (isStopped) return;
        verdict = { state: 'broken', checkedThrough: 0, events: verdict.events, problem: 'unreadable' };
        options.logger.error('The audit log could not be read.', error);
      }
    },
    status() {
      if (verdict.state !== 'ok') return verdict;
      // Events written since the check extend a verified chain and move the checkpoint with them.
      const chain = readAuditChain(db);
      return chain ? { ...verdict, checkedThrough: chain.verified_seq, events: chain.event_count } : verdict;
    },
    stop() {
      isStopped = true;
    },
  };
}
