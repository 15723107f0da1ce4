import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../../../src-main/core/ops/audit';
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
