// Each report against a real desk database with hand-made rows whose right answer is known, through
// the API door (contract, roles, service, SQL), at the desk's clock: 24 November 2026, 09:00 UTC.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../../src-shared/api/methods';
import type { ReportRow } from '../../../../../src-shared/api/methods/reports';
import { reportRows } from '../../../../harness/report-rows';
import {
  manualClock,
  startTestDesk,
  type TestDesk,
  type TypedConnection,
} from '../../../../harness/test-desk';

let t: TestDesk;
let rows: ReturnType<typeof reportRows>;
let alice: TypedConnection;
let bob: TypedConnection;
let reception: TypedConnection;
let aliceId: string;
let bobId: string;
let byggId: string;
let lodzId: string;

beforeEach(async () => {
  t = await startTestDesk({
    clock: manualClock(Date.parse('2026-11-24T09:00:00.000Z')),
    deskName: 'Reception A',
  });
  rows = reportRows(t.desk.db);
  alice = await t.loginAs(['card_admin'], 'alice');
  bob = await t.loginAs(['card_admin'], 'bob');
  reception = await t.loginAs(['reception'], 'rita');
  aliceId = rows.operatorId('alice');
  bobId = rows.operatorId('bob');
  byggId = rows.organisation('Byggbolaget AB');
  lodzId = rows.organisation('Łódź Budowa sp. z o.o.');
});
afterEach(() => t.close());

const names = (items: ReportRow[]) => items.map((r) => r.holderName);

function run(
  c: TypedConnection,
  report: MethodInput<'reports.run'>['report'],
  extra: Omit<MethodInput<'reports.run'>, 'report'> = {},
) {
  return c.must('reports.run', { report, ...extra });
}

describe('orders waiting for my approval', () => {
  it('lists orders still to be decided that someone else placed, oldest first, and never my own', async () => {
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg', organisationId: byggId });
    const lukasz = rows.holder({ givenName: 'Łukasz', familyName: 'Šarūnas', organisationId: lodzId });
    const eva = rows.holder({ givenName: 'Eva', familyName: 'Dahl', organisationId: byggId });
    rows.order({
      holderId: anna,
      state: 'ordered',
      orderedBy: aliceId,
      orderedAt: '2026-11-10T23:59:59.999Z',
    });
    rows.order({
      holderId: lukasz,
      state: 'ordered',
      orderedBy: aliceId,
      orderedAt: '2026-11-11T00:00:00.000Z',
    });
    rows.order({ holderId: eva, state: 'ordered', orderedBy: bobId, orderedAt: '2026-11-12T10:00:00.000Z' });
    rows.order({
      holderId: eva,
      state: 'rejected',
      orderedBy: aliceId,
      orderedAt: '2026-11-01T10:00:00.000Z',
    });
    rows.order({
      holderId: eva,
      state: 'approved',
      orderedBy: aliceId,
      orderedAt: '2026-11-02T10:00:00.000Z',
    });

    const forBob = await run(bob, 'awaiting_approval');
    expect(forBob.total).toBe(2);
    expect(names(forBob.rows)).toEqual(['Anna Berg', 'Łukasz Šarūnas']);
    expect(forBob.rows[0]).toMatchObject({ orderedBy: 'Test Operator', organisation: 'Byggbolaget AB' });
    expect(names((await run(alice, 'awaiting_approval')).rows)).toEqual(['Eva Dahl']);
    // An administrator who placed nothing sees all three.
    expect((await run(t.admin, 'awaiting_approval')).total).toBe(3);
  });

  it('a period includes its first and last day whole, and nothing a millisecond outside', async () => {
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg' });
    const lukasz = rows.holder({ givenName: 'Łukasz', familyName: 'Šarūnas' });
    rows.order({
      holderId: anna,
      state: 'ordered',
      orderedBy: aliceId,
      orderedAt: '2026-11-10T23:59:59.999Z',
    });
    rows.order({
      holderId: lukasz,
      state: 'ordered',
      orderedBy: aliceId,
      orderedAt: '2026-11-11T00:00:00.000Z',
    });
    const on = (from: string, to: string) => run(bob, 'awaiting_approval', { filters: { from, to } });
    expect(names((await on('2026-11-11', '2026-11-11')).rows)).toEqual(['Łukasz Šarūnas']);
    expect(names((await on('2026-11-10', '2026-11-10')).rows)).toEqual(['Anna Berg']);
    expect((await on('2026-11-10', '2026-11-11')).total).toBe(2);
    expect((await on('2026-11-12', '2026-12-31')).total).toBe(0);
  });
});

describe('rejected orders', () => {
  it('shows each rejection with its reason and who decided, newest first', async () => {
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg', organisationId: byggId });
    const eva = rows.holder({ givenName: 'Eva', familyName: 'Dahl', organisationId: lodzId });
    rows.order({
      holderId: anna,
      state: 'rejected',
      orderedBy: aliceId,
      orderedAt: '2026-11-01T08:00:00.000Z',
      decidedBy: bobId,
      decidedAt: '2026-11-02T08:00:00.000Z',
      note: 'Namnet stämmer inte med passet',
    });
    rows.order({
      holderId: eva,
      state: 'rejected',
      orderedBy: bobId,
      orderedAt: '2026-11-03T08:00:00.000Z',
      decidedBy: aliceId,
      decidedAt: '2026-11-05T08:00:00.000Z',
      note: 'Photo is older than six months',
    });
    rows.order({ holderId: eva, state: 'ordered', orderedBy: bobId, orderedAt: '2026-11-03T08:00:00.000Z' });
    const page = await run(alice, 'rejected_orders');
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.reason)).toEqual([
      'Photo is older than six months',
      'Namnet stämmer inte med passet',
    ]);
    const byOrganisation = await run(alice, 'rejected_orders', { filters: { organisationId: byggId } });
    expect(byOrganisation.rows).toHaveLength(1);
    expect(byOrganisation.rows[0]).toMatchObject({
      holderName: 'Anna Berg',
      decidedAt: '2026-11-02T08:00:00.000Z',
    });
  });
});

describe('production and pick-up queues', () => {
  it('in production: approved and in-production physical cards with their production error', async () => {
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg' });
    const eva = rows.holder({ givenName: 'Eva', familyName: 'Dahl' });
    rows.card({
      holderId: anna,
      state: 'approved',
      stateChangedAt: '2026-11-20T08:00:00.000Z',
      productionError: JSON.stringify({
        code: 'printer_offline',
        params: {},
        at: '2026-11-20T09:00:00.000Z',
      }),
    });
    rows.card({ holderId: eva, state: 'in_production', stateChangedAt: '2026-11-21T08:00:00.000Z' });
    rows.card({ holderId: eva, state: 'ready' });
    rows.card({ holderId: eva, state: 'approved', kind: 'mobile_id' });
    const page = await run(alice, 'in_production');
    expect(page.rows.map((r) => [r.holderName, r.state, r.productionError])).toEqual([
      ['Anna Berg', 'approved', 'printer_offline'],
      ['Eva Dahl', 'in_production', null],
    ]);
  });

  it('reception sees who is waiting for a card, and may run no other report', async () => {
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg', site: 'Kista' });
    rows.card({ holderId: anna, state: 'ready', stateChangedAt: '2026-11-22T08:00:00.000Z' });
    rows.card({ holderId: anna, state: 'ready', site: 'Solna', stateChangedAt: '2026-11-23T08:00:00.000Z' });
    rows.card({ holderId: anna, state: 'active' });
    const page = await reception.must('reports.run', { report: 'ready_for_pickup' });
    expect(page.rows.map((r) => r.site)).toEqual(['Kista', 'Solna']);
    const solna = await reception.must('reports.run', {
      report: 'ready_for_pickup',
      filters: { site: 'Solna' },
    });
    expect(solna.total).toBe(1);
    const audit = t.count('audit_events');
    for (const report of [
      'awaiting_approval',
      'blocked_cards',
      'expiring_cards',
      'active_per_organisation',
    ] as const) {
      const refused = await reception.call('reports.run', { report });
      expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    }
    expect(t.count('audit_events')).toBe(audit);
  });
});

describe('blocked cards by reason and period', () => {
  it('lists blocks in force with who placed them and where; a lifted block is not listed', async () => {
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg', organisationId: byggId });
    const eng = rows.holder({ givenName: 'Ŋaŋŋá', familyName: 'Ŋuolla', organisationId: lodzId });
    const c1 = rows.card({ holderId: anna, state: 'active' });
    const c2 = rows.card({ holderId: eng, state: 'active' });
    const c3 = rows.card({ holderId: eng, state: 'active' });
    const c4 = rows.card({ holderId: anna, state: 'active' });
    rows.block({
      cardId: c1,
      reason: 'lost',
      blockedBy: aliceId,
      deskId: t.desk.id,
      blockedAt: '2026-11-03T10:00:00.000Z',
    });
    rows.block({
      cardId: c2,
      reason: 'stolen',
      note: 'Bil inbrott',
      blockedBy: bobId,
      deskId: 'desk-0a0b0c0d0e0f',
      blockedAt: '2026-11-20T10:00:00.000Z',
    });
    rows.block({
      cardId: c3,
      reason: 'lost',
      blockedBy: bobId,
      deskId: t.desk.id,
      blockedAt: '2026-11-15T10:00:00.000Z',
      liftedAt: '2026-11-16T10:00:00.000Z',
    });
    rows.block({
      cardId: c4,
      reason: 'damaged',
      blockedBy: bobId,
      deskId: t.desk.id,
      blockedAt: '2026-10-31T23:59:59.999Z',
    });

    const november = await run(alice, 'blocked_cards', { filters: { from: '2026-11-01', to: '2026-11-30' } });
    expect(november.rows.map((r) => [r.holderName, r.reason, r.desk, r.blockedBy])).toEqual([
      ['Ŋaŋŋá Ŋuolla', 'stolen', 'desk-0a0b0c0d0e0f', 'Test Operator'],
      ['Anna Berg', 'lost', 'Reception A', 'Test Operator'],
    ]);
    const lost = await run(alice, 'blocked_cards', { filters: { reason: 'lost' } });
    expect(names(lost.rows)).toEqual(['Anna Berg']);
    expect((await run(alice, 'blocked_cards')).total).toBe(3);
  });
});

describe('mobile IDs invited but not activated', () => {
  it('after N days: exactly N days counts, younger does not, and an activated one never does', async () => {
    const h = (given: string) =>
      rows.holder({ givenName: given, familyName: 'Holm', email: `${given}@example.se` });
    rows.card({
      holderId: h('Åsa'),
      kind: 'mobile_id',
      state: 'invited',
      stateChangedAt: '2026-11-16T08:00:00.000Z',
    });
    rows.card({
      holderId: h('Ola'),
      kind: 'mobile_id',
      state: 'invited',
      stateChangedAt: '2026-11-17T09:00:00.000Z',
    });
    rows.card({
      holderId: h('Per'),
      kind: 'mobile_id',
      state: 'invited',
      stateChangedAt: '2026-11-18T08:00:00.000Z',
    });
    rows.card({
      holderId: h('Liv'),
      kind: 'mobile_id',
      state: 'active',
      stateChangedAt: '2026-10-01T08:00:00.000Z',
    });
    const week = await run(alice, 'mobile_not_activated');
    expect(week.days).toBe(7);
    expect(week.rows.map((r) => [r.holderName, r.daysWaiting, r.email])).toEqual([
      ['Åsa Holm', 8, 'Åsa@example.se'],
      ['Ola Holm', 7, 'Ola@example.se'],
    ]);
    expect((await run(alice, 'mobile_not_activated', { filters: { days: 30 } })).total).toBe(0);
    expect((await run(alice, 'mobile_not_activated', { filters: { days: 1 } })).total).toBe(3);
  });
});

describe('cards expiring within N days', () => {
  it('from today to today + N; a card that expired yesterday is not listed', async () => {
    const lukasz = rows.holder({ givenName: 'Łukasz', familyName: 'Nowak', organisationId: lodzId });
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg', organisationId: byggId });
    rows.card({ holderId: anna, state: 'active', validUntil: '2026-11-23' });
    const today = rows.card({ holderId: lukasz, state: 'active', validUntil: '2026-11-24' });
    rows.card({ holderId: anna, state: 'suspended', validUntil: '2026-12-24' });
    rows.card({ holderId: anna, state: 'active', validUntil: '2026-12-25' });
    rows.card({ holderId: anna, state: 'blocked', validUntil: '2026-12-01' });
    const page = await run(alice, 'expiring_cards');
    expect(page.days).toBe(30);
    expect(page.rows.map((r) => [r.validUntil, r.daysLeft, r.state])).toEqual([
      ['2026-11-24', 0, 'active'],
      ['2026-12-24', 30, 'suspended'],
    ]);
    expect(page.rows[0]!.cardId).toBe(today);
    const byName = await run(alice, 'expiring_cards', { filters: { days: 31, holderName: 'lukasz' } });
    expect(names(byName.rows)).toEqual(['Łukasz Nowak']);
    const latest = await run(alice, 'expiring_cards', {
      filters: { days: 31 },
      sort: { column: 'validUntil', direction: 'desc' },
    });
    expect(latest.rows.map((r) => r.validUntil)).toEqual(['2026-12-25', '2026-12-24', '2026-11-24']);
  });

  it('a name thousands of holders share finds the same cards as a rare one', async () => {
    t.desk.db.transaction(() => {
      for (let i = 0; i < 5_001; i++) rows.holder({ givenName: `Anders${i}`, familyName: 'Andersson' });
    })();
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Andersson', organisationId: byggId });
    const rare = rows.holder({ givenName: 'Ŋaŋŋá', familyName: 'Andersson', organisationId: lodzId });
    rows.card({ holderId: anna, state: 'active', validUntil: '2026-12-01' });
    rows.card({ holderId: rare, state: 'active', validUntil: '2026-12-02' });
    const common = await run(alice, 'expiring_cards', { filters: { holderName: 'andersson' } });
    expect(names(common.rows)).toEqual(['Anna Andersson', 'Ŋaŋŋá Andersson']);
    const few = await run(alice, 'expiring_cards', { filters: { holderName: 'ŋaŋŋá andersson' } });
    expect(names(few.rows)).toEqual(['Ŋaŋŋá Andersson']);
    const byEmployer = await run(alice, 'expiring_cards', {
      filters: { holderName: 'andersson', organisationId: lodzId },
    });
    expect(byEmployer.total).toBe(1);
  });

  it('pages through a long list with the same total on every page', async () => {
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg' });
    for (let i = 0; i < 45; i++) {
      rows.card({
        holderId: anna,
        state: 'active',
        validUntil: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
      });
    }
    const seen: string[] = [];
    for (let offset = 0; offset < 45; offset += 20) {
      const page = await run(alice, 'expiring_cards', { filters: { days: 60 }, offset, limit: 20 });
      expect(page.total).toBe(45);
      seen.push(...page.rows.map((r) => String(r.cardId)));
    }
    expect(new Set(seen).size).toBe(45);
    expect((await run(alice, 'expiring_cards', { filters: { days: 60 }, offset: 45 })).rows).toEqual([]);
    const refused = await alice.call('reports.run', {
      report: 'expiring_cards',
      sort: { column: 'holderName', direction: 'asc' },
    });
    expect(refused.ok ? null : refused.error.code).toBe('bad_request');
  });
});

describe('active cards per organisation', () => {
  it('counts cards in use today by employer, and follows blocks, expiry and a change of employer', async () => {
    const anna = rows.holder({ givenName: 'Anna', familyName: 'Berg', organisationId: byggId });
    const eva = rows.holder({ givenName: 'Eva', familyName: 'Dahl', organisationId: lodzId });
    const a1 = rows.card({ holderId: anna, state: 'active', kind: 'id06' });
    rows.card({ holderId: anna, state: 'active', kind: 'mobile_id' });
    rows.card({ holderId: anna, state: 'active', kind: 'access_card', validUntil: '2026-11-23' });
    rows.card({ holderId: eva, state: 'active', kind: 'id06', validUntil: '2026-11-24' });
    rows.card({ holderId: eva, state: 'ready', kind: 'id06' });

    const counts = async () =>
      (await run(alice, 'active_per_organisation')).rows.map((r) => [
        r.organisation,
        r.activeCards,
        r.id06Cards,
        r.mobileIds,
      ]);
    expect(await counts()).toEqual([
      ['Byggbolaget AB', 2, 1, 1],
      ['Łódź Budowa sp. z o.o.', 1, 1, 0],
    ]);
    rows.block({
      cardId: a1,
      reason: 'lost',
      blockedBy: aliceId,
      deskId: t.desk.id,
      blockedAt: '2026-11-24T08:00:00.000Z',
    });
    t.desk.db.prepare('UPDATE holders SET organisation_id = ? WHERE id = ?').run(lodzId, anna);
    expect(await counts()).toEqual([['Łódź Budowa sp. z o.o.', 2, 1, 1]]);
    const id06 = await run(alice, 'active_per_organisation', { filters: { cardKind: 'id06' } });
    expect(id06.rows.map((r) => r.activeCards)).toEqual([1]);
  });
});
