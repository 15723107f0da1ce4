// Every change is a named domain operation applied in one SQLite transaction together with its
// outbox row (when it syncs) and its audit event (DESIGN.md section 5). There is no other way to write.
import type { Db } from '../store/database';
import { appendAudit } from './audit';
import type { Clock, Random } from './context';
import { createHlc } from './hlc';
import { uuidv7 } from './uuidv7';

export interface OperationScope {
  db: Db;
  /** ISO time of this operation, the same for every row it writes. */
  now: string;
  newId(): string;
}

export interface Applied<R> {
  result: R;
  recordType: string;
  recordId: string;
  /** What the audit event records; never secrets. */
  audit?: Record<string, unknown>;
  /** What goes to the hub; absent for operations that stay on this desk. */
  outbox?: unknown;
}

export interface Operation<P, R> {
  type: string;
  apply(scope: OperationScope, payload: P): Applied<R>;
}

export interface OperationRunner {
  run<P, R>(operation: Operation<P, R>, payload: P, operatorId: string | null): R;
  /** An audit event without a state change (login, failed login, viewing a full record). */
  record(
    action: string,
    operatorId: string | null,
    record: { type: string; id: string } | null,
    details?: Record<string, unknown>,
  ): void;
  newId(): string;
}

export function defineOperation<P, R>(type: string, apply: Operation<P, R>['apply']): Operation<P, R> {
  return { type, apply };
}

export function createOperationRunner(db: Db, clock: Clock, random: Random, deskId: string): OperationRunner {
  const hlc = createHlc(clock, deskId);
  const newId = () => uuidv7(clock, random);
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (op_id, type, hlc, desk_id, operator_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    newId,
    run(operation, payload, operatorId) {
      return db
        .transaction(() => {
          const now = new Date(clock.now()).toISOString();
          const opId = newId();
          const time = hlc.next();
          const applied = operation.apply({ db, now, newId }, payload);
          if (applied.outbox !== undefined) {
            insertOutbox.run(
              opId,
              operation.type,
              time,
              deskId,
              operatorId,
              JSON.stringify(applied.outbox),
              now,
            );
          }
          appendAudit(db, {
            id: opId,
            at: now,
            hlc: time,
            deskId,
            operatorId,
            action: operation.type,
            recordType: applied.recordType,
            recordId: applied.recordId,
            details: applied.audit ?? {},
          });
          return applied.result;
        })
        .immediate();
    },
    record(action, operatorId, record, details = {}) {
      db.transaction(() => {
        const now = new Date(clock.now()).toISOString();
        appendAudit(db, {
          id: newId(),
          at: now,
          hlc: hlc.next(),
          deskId,
          operatorId,
          action,
          recordType: record?.type ?? null,
          recordId: record?.id ?? null,
          details,
        });
      }).immediate();
    },
  };
}
