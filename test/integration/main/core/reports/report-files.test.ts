// reports.csv and reports.pdf through the API door: the files a card administrator takes away, read
// back the way a person would (Excel's view of the CSV; poppler's pdftotext and pdfinfo for the PDF).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../../src-shared/api/methods';
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

beforeEach(async () => {
  t = await startTestDesk({
    clock: manualClock(Date.parse('2026-11-24T09:00:00.000Z')),
    deskName: 'Reception A',
  });
  rows = reportRows(t.desk.db);
  alice = await t.loginAs(['card_admin'], 'alice');
});
afterEach(() => t.close());

const TEXT: MethodInput<'reports.csv'>['text'] = {
  title: 'Cards expiring within 30 days',
  columns: {
    validUntil: 'Valid until',
    daysLeft: 'Days left',
    holderName: 'Name',
    organisation: 'Employer',
    printedNumber: 'Card number',
    cardKind: 'Card type',
    state: 'Status',
    site: 'Site',
  },
  codes: { 'cardKind.id06': 'ID06 card', 'cardState.active': 'Active', 'cardState.suspended': 'Suspended' },
  filterLines: ['Within 30 days'],
  generatedLabel: 'Generated',
  deskLabel: 'Desk',
  pageOf: 'Page {page} of {pages}',
  empty: 'No cards expire in the next 30 days.',
};

function seedExpiring(count: number) {
  const org = rows.organisation('Łódź Budowa sp. z o.o.');
  const names: [string, string][] = [
    ['Łukasz', 'Šarūnas'],
    ['Ŋaŋŋá', 'Ŋuolla'],
    ['Åsa', 'Ørsted'],
    ['=cmd', '+A1'],
  ];
  for (let i = 0; i < count; i++) {
    const [givenName, familyName] = names[i % names.length]!;
    const holderId = rows.holder({ givenName, familyName, organisationId: org });
    rows.card({
      holderId,
      state: i % 5 === 0 ? 'suspended' : 'active',
      validUntil: `2026-12-${String((i % 24) + 1).padStart(2, '0')}`,
    });
  }
}

const file = (base64: string) => Buffer.from(base64, 'base64');

describe('CSV export', () => {
  it('is the whole report with the BOM, headers and values in the operator words, times in their zone', async () => {
    seedExpiring(6);
    const before = t.count('audit_events');
    const csv = await alice.must('reports.csv', {
      report: 'expiring_cards',
      timeZone: 'Europe/Stockholm',
      text: TEXT,
    });
    expect(csv.fileName).toBe('expiring-cards-2026-11-24.csv');
    expect(csv.rows).toBe(6);
    const bytes = file(csv.base64);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '"Valid until";"Days left";"Name";"Employer";"Card number";"Card type";"Status";"Site"',
    );
    expect(lines[1]).toMatch(
      /^"2026-12-01";"7";"Łukasz Šarūnas";"Łódź Budowa sp\. z o\.o\.";"AB\d{10}";"ID06 card";"Suspended";""$/,
    );
    // A holder whose name starts like a formula is written as text.
    expect(lines.find((l) => l.includes('cmd'))).toContain(`"'=cmd +A1"`);
    // Personal data left the desk: recorded.
    expect(t.count('audit_events')).toBe(before + 1);
    const event = t.desk.db
      .prepare('SELECT action, details FROM audit_events ORDER BY seq DESC LIMIT 1')
      .get() as {
      action: string;
      details: string;
    };
    expect(event.action).toBe('report.export');
    expect(JSON.parse(event.details)).toMatchObject({ report: 'expiring_cards', format: 'csv', rows: 6 });
  });

  it('writes times in the zone the screen asked for', async () => {
    const holderId = rows.holder({ givenName: 'Anna', familyName: 'Berg' });
    rows.card({ holderId, state: 'ready', stateChangedAt: '2026-11-23T23:30:00.000Z' });
    const csv = await alice.must('reports.csv', {
      report: 'ready_for_pickup',
      timeZone: 'Europe/Oslo',
      text: { ...TEXT, columns: {} },
    });
    expect(file(csv.base64).toString('utf8')).toContain('"2026-11-24 00:30"');
  });
});

describe('PDF export', () => {
  it('is A4 landscape with the title, filters, time and desk, names as written, and the header on every page', async () => {
    seedExpiring(130);
    const pdf = await alice.must('reports.pdf', {
      report: 'expiring_cards',
      timeZone: 'Europe/Stockholm',
      text: TEXT,
    });
    expect(pdf.fileName).toBe('expiring-cards-2026-11-24.pdf');
    expect(pdf.rows).toBe(130);
    const path = join(t.dir, pdf.fileName);
    writeFileSync(path, file(pdf.base64));
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const perPage = text.split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    expect(perPage[0]).toContain('Cards expiring within 30 days');
    expect(perPage[0]).toContain('Within 30 days');
    expect(perPage[0]).toMatch(/Generated: 2026-11-24 10:00 \(Europe\/Stockholm\) · Desk: Reception A/);
    for (const [i, page] of perPage.entries()) {
      expect(page).toMatch(/Valid until\s+Days left\s+Name\s+Employer/);
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
    }
    expect(text).toContain('Łukasz Šarūnas');
    expect(text).toContain('Ŋaŋŋá Ŋuolla');
    expect(text).toContain('Åsa Ørsted');
    expect(text).toContain('Łódź Budowa');
    // Every row is there once.
    expect(text.match(/AB\d{10}/g)).toHaveLength(130);
  });

  it('an empty report prints what it means instead of an empty table', async () => {
    const pdf = await alice.must('reports.pdf', { report: 'expiring_cards', timeZone: 'UTC', text: TEXT });
    const path = join(t.dir, 'empty.pdf');
    writeFileSync(path, file(pdf.base64));
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain(
      'No cards expire in the next 30 days.',
    );
  });

  it('a report longer than a file may hold is refused with the count, and nothing is recorded', async () => {
    seedExpiring(3);
    const { REPORT_MAX_PDF_ROWS } = await import('../../../../../src-shared/domain/report-definitions');
    const holderId = rows.holder({ givenName: 'Many', familyName: 'Cards' });
    const insert = t.desk.db.prepare(
      `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_until, created_at, updated_at, state_changed_at)
       VALUES (lower(hex(randomblob(16))), ?, 'id06', ?, 'active', '2026-12-01', '', '', '')`,
    );
    t.desk.db.transaction(() => {
      for (let i = 0; i < REPORT_MAX_PDF_ROWS; i++) insert.run(holderId, `MC${i}`);
    })();
    const before = t.count('audit_events');
    const refused = await alice.call('reports.pdf', {
      report: 'expiring_cards',
      timeZone: 'UTC',
      text: TEXT,
    });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'report_too_large',
      params: { rows: REPORT_MAX_PDF_ROWS + 3, max: REPORT_MAX_PDF_ROWS },
    });
    expect(t.count('audit_events')).toBe(before);
  });
});
