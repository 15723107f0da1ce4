import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../../../src-main/core/ops/audit-chain-check';
import { startTestDesk, type TestDesk } from '../../../../harness/test-desk';

let t: TestDesk;
beforeEach(async () => {
  t = await startTestDesk();
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
});
afterEach(() => t.close());

describe('the hash-chained audit log', () => {
  it('verifies an untouched chain', () => {
    const result = verifyAudit(t.desk.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(t.count('audit_events'));
  });

  it('detects an edited event', () => {
    t.desk.db.prepare(`UPDATE audit_events SET operator_id = 'someone-else' WHERE seq = 2`).run();
    expect(verifyAudit(t.desk.db)).toMatchObject({ ok: false, seq: 2, reason: 'edited' });
  });

  it('detects an edited detail', () => {
    t.desk.db.prepare(`UPDATE audit_events SET details = '{}' WHERE seq = 1`).run();
    expect(verifyAudit(t.desk.db)).toMatchObject({ ok: false, seq: 1, reason: 'edited' });
  });

  it('detects a deleted event in the middle', () => {
    t.desk.db.prepare('DELETE FROM audit_events WHERE seq = 2').run();
    expect(verifyAudit(t.desk.db)).toMatchObject({ ok: false, seq: 2, reason: 'missing' });
  });

  it('detects deleted newest events', () => {
    const last = t.count('audit_events');
    t.desk.db.prepare('DELETE FROM audit_events WHERE seq = ?').run(last);
    expect(verifyAudit(t.desk.db)).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('detects a rewritten chain that renumbers events', () => {
    t.desk.db.prepare('DELETE FROM audit_events WHERE seq = 2').run();
    t.desk.db.prepare('UPDATE audit_events SET seq = seq - 1 WHERE seq > 2').run();
    expect(verifyAudit(t.desk.db)).toMatchObject({ ok: false, seq: 2, reason: 'reordered' });
  });

  it('reports malformed details at their event instead of throwing', () => {
    t.desk.db.prepare(`UPDATE audit_events SET details = '{oops' WHERE seq = 2`).run();
    expect(verifyAudit(t.desk.db)).toEqual({ ok: false, checked: 1, seq: 2, reason: 'malformed' });
  });

  it('does not verify an emptied log as "ok, 0 events"', () => {
    t.desk.db.prepare('DELETE FROM audit_events').run();
    expect(verifyAudit(t.desk.db)).toEqual({ ok: false, checked: 0, seq: 1, reason: 'truncated' });
  });

  it('keeps a deleted head visible: the next event follows the recorded head, leaving the gap', async () => {
    const last = t.count('audit_events');
    t.desk.db.prepare('DELETE FROM audit_events WHERE seq = ?').run(last);
    await t.admin.must('organisations.create', { name: 'Ny Bygg AB', country: 'SE', number: '556036-0793' });
    expect(t.desk.db.prepare('SELECT max(seq) FROM audit_events').pluck().get()).toBe(last + 1);
    expect(verifyAudit(t.desk.db)).toMatchObject({ ok: false, seq: last, reason: 'missing' });
  });

  it('keeps writing events when the chain record is gone, and keeps reporting it', async () => {
    t.desk.db.prepare('DELETE FROM audit_chain').run();
    const before = t.count('audit_events');
    await t.admin.must('organisations.create', { name: 'Ny Bygg AB', country: 'SE', number: '556036-0793' });
    expect(t.count('audit_events')).toBe(before + 1);
    expect(t.count('audit_chain')).toBe(0);
    expect(verifyAudit(t.desk.db)).toEqual({ ok: false, checked: before + 1, reason: 'head_damaged' });
  });

  it('writes one outbox row per synced operation with no secrets in it', () => {
    const payloads = t.desk.db.prepare('SELECT type, payload FROM outbox').all() as {
      type: string;
      payload: string;
    }[];
    expect(payloads.map((p) => p.type)).toEqual([
      'organisation.save',
      'organisation.save',
      'organisation.save',
    ]);
    expect(payloads.map((p) => p.payload).join()).not.toMatch(/scrypt|password/i);
  });
});
