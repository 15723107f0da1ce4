// The audit chain checked at desk start-up, against a real SQLite file tampered with between starts
// the way someone with the file and an SQLite tool would.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditStatus } from '../../../../../src-shared/api/methods/audit';
import { chainHash, readAuditChain } from '../../../../../src-main/core/ops/audit';
import { createAuditMonitor } from '../../../../../src-main/core/ops/audit-monitor';
import { createDesk, type Desk } from '../../../../../src-main/core/create-desk';
import { openDatabase } from '../../../../../src-main/core/store/database';
import { ADMIN_PASSWORD, startTestDesk, typed, type TypedConnection } from '../../../../harness/test-desk';

const quiet = { error: () => {} };
const clock = { now: () => Date.parse('2026-11-24T09:00:00Z') };

let dir: string;
let path: string;
let running: Desk | undefined;
/** Events in the chain when the first desk closed. */
let events: number;

beforeEach(async () => {
  const t = await startTestDesk();
  for (const [name, number] of [
    ['Bygg AB', '556016-0680'],
    ['Nordbygg AS', '923609016'],
    ['Dansk Byg ApS', '10403782'],
  ] as const) {
    await t.admin.must('organisations.create', {
      name,
      country: name.endsWith('AB') ? 'SE' : name.endsWith('AS') ? 'NO' : 'DK',
      number,
    });
  }
  await t.admin.must('operators.create', {
    username: 'rita',
    displayName: 'Rita Reception',
    password: ADMIN_PASSWORD,
    roles: ['reception'],
    language: 'sv',
  });
  events = t.count('audit_events');
  ({ dir, path } = t);
  await t.desk.close();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Changes the closed desk's database file directly. */
function tamper(sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  db.prepare(sql).run(...params);
  db.close();
}

async function startDesk(): Promise<{ desk: Desk; admin: TypedConnection }> {
  const desk = createDesk({ databasePath: path, logger: quiet });
  running = desk;
  const admin = typed(desk.connect());
  await admin.must('session.login', { username: 'admin', password: ADMIN_PASSWORD });
  return { desk, admin };
}

/** The status once the start-up check and the background sweep are done. */
async function settledStatus(admin: TypedConnection): Promise<AuditStatus> {
  let status: AuditStatus | undefined;
  await vi.waitFor(async () => {
    status = await admin.must('audit.status', {});
    expect(status.state).not.toBe('checking');
  });
  return status!;
}

async function statusAfterRestart(): Promise<AuditStatus> {
  return settledStatus((await startDesk()).admin);
}

describe('the audit chain at start-up', () => {
  it('is ok on a clean chain, and every event is counted and checked', async () => {
    const { desk, admin } = await startDesk();
    const status = await admin.must('audit.status', {});
    const total = desk.db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    expect(status).toEqual({ state: 'ok', checkedThrough: total, events: total });
  });

  it('moves the checkpoint with every event written after the check, so a restart has nothing to walk', async () => {
    const { desk, admin } = await startDesk();
    const before = await admin.must('audit.status', {});
    await admin.must('organisations.create', { name: 'Ny Bygg AB', country: 'SE', number: '556036-0793' });
    const after = await admin.must('audit.status', {});
    expect(after.checkedThrough).toBe(before.checkedThrough + 1);
    const chain = readAuditChain(desk.db)!;
    expect([chain.verified_seq, chain.verified_hash]).toEqual([chain.head_seq, chain.head_hash]);
    await desk.close();
    running = undefined;

    // One event per step: a walk from the start would still be 'checking' after the first step.
    const db = openDatabase(path);
    const monitor = createAuditMonitor(db, { clock, logger: quiet, rowsPerStep: 1 });
    const done = monitor.start();
    expect(monitor.status()).toEqual({ state: 'ok', checkedThrough: chain.head_seq, events: chain.head_seq });
    await done;
    expect(monitor.status().state).toBe('ok');
    db.close();
  });

  it('is "checking", never "ok", while a long walk has not reached the newest event', async () => {
    tamper(`UPDATE audit_chain SET verified_seq = 0, verified_hash = ?`, '0'.repeat(64));
    const db = openDatabase(path);
    const monitor = createAuditMonitor(db, { clock, logger: quiet, rowsPerStep: 2 });
    const done = monitor.start();
    expect(monitor.status()).toMatchObject({ state: 'checking', events });
    expect(monitor.status().checkedThrough).toBeLessThan(events);
    await done;
    expect(monitor.status()).toEqual({ state: 'ok', checkedThrough: events, events });
    expect(readAuditChain(db)!.verified_seq).toBe(events);
    db.close();
  });

  it('reports deleting every event as truncated from event 1, not "ok, 0 events"', async () => {
    tamper('DELETE FROM audit_events');
    expect(await statusAfterRestart()).toMatchObject({
      state: 'broken',
      problem: 'truncated',
      firstBadSeq: 1,
      events: 0,
    });
  });

  it('reports deleting every event and the chain record as a damaged head', async () => {
    tamper('DELETE FROM audit_events');
    tamper('DELETE FROM audit_chain');
    const status = await statusAfterRestart();
    expect(status).toMatchObject({ state: 'broken', problem: 'head_damaged' });
    expect(status.firstBadSeq).toBeUndefined();
  });

  it('reports the newest events deleted from the first one missing', async () => {
    tamper('DELETE FROM audit_events WHERE seq >= ?', events - 1);
    expect(await statusAfterRestart()).toMatchObject({
      state: 'broken',
      problem: 'truncated',
      firstBadSeq: events - 1,
      checkedThrough: events - 2,
    });
  });

  it('reports a deleted event in the middle', async () => {
    tamper('DELETE FROM audit_events WHERE seq = 3');
    expect(await statusAfterRestart()).toMatchObject({ state: 'broken', problem: 'missing', firstBadSeq: 3 });
  });

  it('reports an edited field of an event checked at an earlier start (found by the background sweep)', async () => {
    tamper(`UPDATE audit_events SET operator_id = 'someone-else' WHERE seq = 2`);
    expect(await statusAfterRestart()).toMatchObject({
      state: 'broken',
      problem: 'edited',
      firstBadSeq: 2,
      checkedThrough: 1,
    });
  });

  it.each([
    ['not JSON', '{"name": "Bygg AB"'],
    ['a JSON array', '["Bygg AB"]'],
    ['JSON null', 'null'],
    ['a JSON string', '"Bygg AB"'],
  ])('reports details that are %s as malformed, without throwing', async (_kind, details) => {
    tamper('UPDATE audit_events SET details = ? WHERE seq = 3', details);
    expect(await statusAfterRestart()).toMatchObject({
      state: 'broken',
      problem: 'malformed',
      firstBadSeq: 3,
    });
  });

  it('reports two events swapped in place as re-ordered', async () => {
    tamper('UPDATE audit_events SET seq = -1 WHERE seq = 2');
    tamper('UPDATE audit_events SET seq = 2 WHERE seq = 3');
    tamper('UPDATE audit_events SET seq = 3 WHERE seq = -1');
    expect(await statusAfterRestart()).toMatchObject({
      state: 'broken',
      problem: 'reordered',
      firstBadSeq: 2,
    });
  });

  it('reports a checkpoint whose event no longer exists, even with the head moved back to match', async () => {
    const db = new Database(path);
    const kept = db.prepare('SELECT seq, hash FROM audit_events WHERE seq = 3').get() as {
      seq: number;
      hash: string;
    };
    db.prepare('DELETE FROM audit_events WHERE seq > 3').run();
    db.prepare('UPDATE audit_chain SET head_seq = ?, head_hash = ?, event_count = ?').run(
      kept.seq,
      kept.hash,
      3,
    );
    db.close();
    expect(await statusAfterRestart()).toMatchObject({
      state: 'broken',
      problem: 'truncated',
      firstBadSeq: 4,
    });
  });

  it('reports a chain recomputed after an edit, through its checkpoint, as rewritten', async () => {
    const db = new Database(path);
    db.prepare(`UPDATE audit_events SET record_id = 'forged' WHERE seq = 2`).run();
    let prev = '0'.repeat(64);
    type Row = Record<string, string | number | null> & { seq: number; details: string };
    for (const row of db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Row[]) {
      const event = {
        id: row.id as string,
        at: row.at as string,
        hlc: row.hlc as string,
        deskId: row.desk_id as string,
        operatorId: row.operator_id as string | null,
        action: row.action as string,
        recordType: row.record_type as string | null,
        recordId: row.record_id as string | null,
        details: JSON.parse(row.details) as Record<string, unknown>,
      };
      const hash = chainHash(prev, event, row.seq);
      db.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
    db.prepare('UPDATE audit_chain SET head_hash = ?').run(prev);
    db.close();
    expect(await statusAfterRestart()).toMatchObject({
      state: 'broken',
      problem: 'rewritten',
      firstBadSeq: events,
    });
  });

  it('reports a log that cannot be read, and the desk still starts', async () => {
    tamper('DROP TABLE audit_events');
    const desk = createDesk({ databasePath: path, logger: quiet });
    running = desk;
    expect((await typed(desk.connect()).must('session.status', {})).needsFirstAdmin).toBe(false);
    const monitor = createAuditMonitor(desk.db, { clock, logger: quiet });
    await monitor.start();
    expect(monitor.status()).toEqual({
      state: 'broken',
      checkedThrough: 0,
      events: 0,
      problem: 'unreadable',
    });
  });
});

describe('a damaged audit chain', () => {
  it('does not stop reception, is shown only to administrators, and stays until resolved', async () => {
    tamper('DELETE FROM audit_events WHERE seq = 3');
    const { desk, admin } = await startDesk();
    const rita = typed(desk.connect());
    await rita.must('session.login', { username: 'rita', password: ADMIN_PASSWORD });
    const found = await rita.must('holders.search', { query: 'lind' });
    expect(found.items).toEqual([]);
    expect(await rita.call('audit.status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await typed(desk.connect()).call('audit.status', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });

    await admin.must('organisations.create', { name: 'Ny Bygg AB', country: 'SE', number: '556036-0793' });
    expect(await settledStatus(admin)).toMatchObject({ state: 'broken', problem: 'missing', firstBadSeq: 3 });
    await desk.close();
    running = undefined;

    expect(await statusAfterRestart()).toMatchObject({ state: 'broken', problem: 'missing', firstBadSeq: 3 });
  });

  it('an event edited in place stays reported after new events and a restart', async () => {
    tamper(`UPDATE audit_events SET action = 'holder.create' WHERE seq = 2`);
    const { desk, admin } = await startDesk();
    expect(await settledStatus(admin)).toMatchObject({ state: 'broken', problem: 'edited', firstBadSeq: 2 });
    await admin.must('organisations.create', { name: 'Ny Bygg AB', country: 'SE', number: '556036-0793' });
    expect(readAuditChain(desk.db)!.verified_seq).toBe(1);
    await desk.close();
    running = undefined;
    // The checkpoint went back before the edit: the start-up check itself finds it again.
    const db = openDatabase(path);
    const monitor = createAuditMonitor(db, { clock, logger: quiet });
    await monitor.start();
    expect(monitor.status()).toMatchObject({ state: 'broken', problem: 'edited', firstBadSeq: 2 });
    db.close();
  });
});
