// Bad input on every reports method: malformed, oversized, hostile, out of range. Each is refused with
// a clear code and writes nothing; text that looks like query syntax is only ever a value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_IDS } from '../../../../../src-shared/domain/report-definitions';
import { reportRows } from '../../../../harness/report-rows';
import {
  manualClock,
  startTestDesk,
  type TestDesk,
  type TypedConnection,
} from '../../../../harness/test-desk';

let t: TestDesk;
let alice: TypedConnection;

beforeAll(async () => {
  t = await startTestDesk({ clock: manualClock(Date.parse('2026-11-24T09:00:00.000Z')) });
  alice = await t.loginAs(['card_admin'], 'alice');
  const rows = reportRows(t.desk.db);
  const holderId = rows.holder({ givenName: 'Anna', familyName: 'Berg' });
  rows.card({ holderId, state: 'active', validUntil: '2026-12-01' });
});
afterAll(() => t.close());

const METHODS = ['reports.run', 'reports.csv', 'reports.pdf'] as const;
const TEXT = {
  title: 'T',
  columns: {},
  codes: {},
  filterLines: [],
  generatedLabel: 'G',
  deskLabel: 'D',
  pageOf: '{page}/{pages}',
  empty: 'E',
};
const valid = { report: 'expiring_cards', timeZone: 'Europe/Stockholm', text: TEXT };

const writes = () => [t.count('audit_events'), t.count('outbox')];

async function refused(method: (typeof METHODS)[number], input: unknown): Promise<string> {
  const result = await alice.raw.call(method, input);
  return result.ok ? 'accepted' : result.error.code;
}

const BAD_INPUTS: [string, Record<string, unknown>][] = [
  ['an unknown report', { report: 'all_holders' }],
  ['a report id with SQL in it', { report: "expiring_cards' OR 1=1 --" }],
  ['negative N', { filters: { days: -1 } }],
  ['zero N', { filters: { days: 0 } }],
  ['huge N', { filters: { days: 1e12 } }],
  ['fractional N', { filters: { days: 1.5 } }],
  ['N as text', { filters: { days: '30' } }],
  ['a day that does not exist', { filters: { from: '2026-02-30' } }],
  ['a month that does not exist', { filters: { to: '2026-13-01' } }],
  ['a date in words', { filters: { from: 'yesterday' } }],
  ['a period that ends before it starts', { filters: { from: '2026-11-24', to: '2026-11-01' } }],
  ['a name of 101 characters', { filters: { holderName: 'a'.repeat(101) } }],
  ['a site with control characters', { filters: { site: 'HQ\u0000' } }],
  ['a bad organisation id', { filters: { organisationId: '1; DROP TABLE cards' } }],
  ['an unknown reason', { filters: { reason: 'bored' } }],
  ['an unknown filter', { filters: { everything: true } }],
  ['an extra field', { extra: 1 }],
  ['a sort column with SQL', { sort: { column: 'valid_until; DROP', direction: 'asc' } }],
  ['a sort column the report cannot sort by', { sort: { column: 'holderName', direction: 'asc' } }],
  ['a sideways sort', { sort: { column: 'validUntil', direction: 'up' } }],
];

describe('hostile input on every reports method', () => {
  for (const method of METHODS) {
    for (const [what, change] of BAD_INPUTS) {
      it(`${method} refuses ${what} and writes nothing`, async () => {
        const before = writes();
        const base = method === 'reports.run' ? { report: 'expiring_cards' } : valid;
        expect(await refused(method, { ...base, ...change })).toBe('bad_request');
        expect(writes()).toEqual(before);
      });
    }
  }

  it('reports.run refuses paging outside its bounds', async () => {
    for (const paging of [
      { limit: 0 },
      { limit: 201 },
      { offset: -1 },
      { offset: 2_000_000 },
      { limit: 'all' },
    ]) {
      expect(await refused('reports.run', { report: 'expiring_cards', ...paging })).toBe('bad_request');
    }
  });

  it('the files refuse an unknown time zone and oversized words', async () => {
    const before = writes();
    for (const method of ['reports.csv', 'reports.pdf'] as const) {
      expect(await refused(method, { ...valid, timeZone: 'Mars/Olympus_Mons' })).toBe('bad_request');
      expect(await refused(method, { ...valid, timeZone: '../../etc/passwd' })).toBe('bad_request');
      expect(await refused(method, { ...valid, text: { ...TEXT, title: 'x'.repeat(201) } })).toBe(
        'bad_request',
      );
      const manyCodes = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`c${i}`, 'x']));
      expect(await refused(method, { ...valid, text: { ...TEXT, codes: manyCodes } })).toBe('bad_request');
      expect(await refused(method, { ...valid, text: { ...TEXT, filterLines: Array(13).fill('x') } })).toBe(
        'bad_request',
      );
      expect(await refused(method, { ...valid, text: undefined })).toBe('bad_request');
    }
    expect(writes()).toEqual(before);
  });

  it('any input at all is answered, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.anything(), async (method, input) => {
        const before = writes();
        const result = await alice.raw.call(method, input);
        if (!result.ok) expect(writes()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('any well-formed filters run every report without error; a name that looks like query syntax is just words', async () => {
    const filters = fc.record(
      {
        days: fc.integer({ min: 1, max: 3650 }),
        from: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        holderName: fc.oneof(
          fc.string({ maxLength: 100 }),
          fc.constantFrom('"', '*', 'a NEAR b', '^x', 'OR', '" OR 1=1 --', 'Anna*'),
        ),
        cardKind: fc.constantFrom('id06', 'access_card', 'mobile_id', 'smart_card'),
        reason: fc.constantFrom('lost', 'stolen', 'damaged', 'left_employment', 'other'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REPORT_IDS), filters, async (report, f) => {
        const result = await alice.call('reports.run', { report, filters: f });
        expect(result.ok ? null : result.error).toBeNull();
        if (result.ok) expect(result.value.total).toBeGreaterThanOrEqual(result.value.rows.length);
      }),
      { numRuns: 120 },
    );
  });
});
