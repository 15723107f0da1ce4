// Each card administration report at a million cards: the first page and its count, as reports.run
// answers them, p50/p95 over several runs; beside it a peer from the same run on the same database:
// the same query with migration 0011's indexes dropped (inside a transaction that is rolled back), and
// for "active cards per organisation" the join of every active card with its holder that the
// trigger-kept counts replace. Goal: each report ≤ 1 s.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { ReportFilters } from '../../src-shared/api/methods/reports';
import type { ReportId } from '../../src-shared/domain/report-definitions';
import { createReportsViews } from '../../src-main/core/reports/reports-views';
import { openDatabase, type Db } from '../../src-main/core/store/database';
import { benchDatabase } from './bench-db';
import { fmt, summarise } from './stats';

/** Bump when what is added below changes, so the cached database is rebuilt. */
const GENERATION = 3;
const NOW = Date.parse('2026-11-24T09:00:00.000Z');
const DAY = 86_400_000;
const RUNS = 7;
const OPERATORS = ['op-a', 'op-b', 'op-c', 'op-d', 'op-e'];
const REASONS = ['lost', 'stolen', 'damaged', 'left_employment', 'other'];
const REPORT_INDEXES = ['cards_expiry', 'cards_state_changed', 'orders_decided', 'blocks_in_force'];

function uuid(kind: string, n: number): string {
  const h = createHash('sha1').update(`${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32, as the demo generator: the same database on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/**
 * The demo desk plus what card administration leaves behind, in proportion: validity spread over five
 * years, 2 % of holders with an order (a third waiting, some rejected), 3 % of cards somewhere in
 * production or waiting for pick-up, a mobile ID for 8 % of holders (a fifth still invited), and a
 * block record for every blocked card over two years (a tenth of them lifted).
 */
function addCardAdministration(db: Db): void {
  const random = prng(20261124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const at = (daysBack: number) =>
    iso(NOW - Math.floor(random() * daysBack * DAY) - Math.floor(random() * DAY));
  const insertOperator = db.prepare(
    `INSERT OR IGNORE INTO operators (id, username, display_name, password_hash, roles, language, created_at, updated_at)
     VALUES (?, ?, ?, 'x', '["card_admin"]', 'sv', ?, ?)`,
  );
  for (const id of OPERATORS)
    insertOperator.run(id, id, `Operatör ${id.slice(3).toUpperCase()}`, iso(NOW), iso(NOW));

  const holders = db.prepare('SELECT id FROM holders ORDER BY rowid').pluck().all() as string[];
  const cards = db.prepare('SELECT id, state FROM cards ORDER BY rowid').all() as {
    id: string;
    state: string;
  }[];
  const setCard = db.prepare(
    'UPDATE cards SET state = ?, valid_until = ?, state_changed_at = ?, site = ? WHERE id = ?',
  );
  const insertOrder = db.prepare(
    `INSERT INTO orders (id, holder_id, kind, includes, card_kind, valid_until, site, data, state, ordered_by, ordered_at,
       decided_by, decided_at, decision_note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCard = db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, created_at, updated_at,
       state_changed_at) VALUES (?, ?, 'mobile_id', ?, ?, '2025-01-01', ?, ?, ?, ?)`,
  );
  const insertBlock = db.prepare(
    `INSERT INTO blocks (id, card_id, reason, note, blocked_by, desk_id, blocked_at, lifted_by, lifted_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const insertBlockCard = db.prepare(
    'INSERT INTO block_cards (block_id, card_id, state_before) VALUES (?, ?, ?)',
  );
  const sites = ['Kista', 'Solna', 'Hagastaden', 'Ørestad', 'Bjørvika'];

  db.transaction(() => {
    cards.forEach((card, i) => {
      const validUntil = day(NOW - 60 * DAY + Math.floor(random() * 1826) * DAY);
      const r = random();
      let state = card.state;
      if (state === 'active') {
        state =
          r < 0.01
            ? 'approved'
            : r < 0.02
              ? 'in_production'
              : r < 0.03
                ? 'ready'
                : r < 0.04
                  ? 'suspended'
                  : 'active';
      }
      setCard.run(state, validUntil, at(state === 'active' ? 700 : 60), pick(sites), card.id);
      if (card.state === 'blocked') {
        const blockId = uuid('block', i);
        const lifted = random() < 0.1;
        const blockedAt = at(730);
        insertBlock.run(
          blockId,
          card.id,
          pick(REASONS),
          pick(OPERATORS),
          random() < 0.7 ? 'desk-bench' : 'desk-other',
          blockedAt,
          lifted ? pick(OPERATORS) : null,
          lifted ? iso(Date.parse(blockedAt) + DAY) : null,
        );
        insertBlockCard.run(blockId, card.id, 'active');
      }
    });
    holders.forEach((holderId, i) => {
      if (random() < 0.02) {
        const state = pick(['ordered', 'ordered', 'rejected', 'approved', 'approved', 'cancelled']);
        const orderedAt = at(365);
        const decided = state !== 'ordered';
        insertOrder.run(
          uuid('order', i),
          holderId,
          pick(['new', 'replacement', 'renewal']),
          pick(['physical', 'mobile', 'both']),
          pick(['id06', 'access_card']),
          '2031-12-31',
          pick(sites),
          state,
          pick(OPERATORS),
          orderedAt,
          decided ? pick(OPERATORS) : null,
          decided ? iso(Date.parse(orderedAt) + 2 * DAY) : null,
          state === 'rejected' ? 'Fotot är för gammalt' : null,
          orderedAt,
        );
      }
      if (random() < 0.08) {
        const state = random() < 0.2 ? 'invited' : 'active';
        insertCard.run(
          uuid('mobile', i),
          holderId,
          `MV${String(i).padStart(10, '0')}`,
          state,
          day(NOW + Math.floor(random() * 1500) * DAY),
          iso(NOW),
          iso(NOW),
          at(state === 'invited' ? 60 : 700),
        );
      }
    });
  })();
}

/** The reports database, built once from the demo desk and cached in .bench/ like it. */
export function reportsBenchDatabase(holders: number): string {
  const path = `.bench/reports-${holders}-g${GENERATION}.sqlite`;
  if (existsSync(path)) {
    openDatabase(path).close();
    return path;
  }
  const source = benchDatabase(holders);
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  copyFileSync(source, building);
  const started = performance.now();
  const db = openDatabase(building);
  addCardAdministration(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  renameSync(building, path);
  process.stderr.write(
    `  added orders, blocks and mobile IDs in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
  return path;
}

interface Case {
  label: string;
  report: ReportId;
  filters: ReportFilters;
}

function timed(runs: number, fn: () => unknown, warm = true): number[] {
  if (warm) fn(); // warm-up: statement preparation and a first pass over the pages
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** What the kept counts replace: every active card joined with its holder, grouped by employer. */
function activePerOrganisationByJoin(db: Db, today: string): unknown[] {
  return db
    .prepare(
      `SELECT h.organisation_id, count(*), sum(c.kind = 'id06'), sum(c.kind = 'mobile_id')
       FROM cards c JOIN holders h ON h.id = c.holder_id
       WHERE c.state = 'active' AND (c.valid_until IS NULL OR c.valid_until >= ?) GROUP BY h.organisation_id`,
    )
    .all(today);
}

export function benchReports(holders: number): Record<string, number> {
  const db = openDatabase(reportsBenchDatabase(holders));
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM holders) AS holders,
         (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM blocks) AS blocks`,
    )
    .get() as Record<string, number>;
  const organisationId = db
    .prepare('SELECT id FROM organisations ORDER BY rowid LIMIT 1 OFFSET 7')
    .pluck()
    .get() as string;
  const cases: Case[] = [
    { label: 'awaiting approval', report: 'awaiting_approval', filters: {} },
    {
      label: 'rejected orders, this year',
      report: 'rejected_orders',
      filters: { from: '2026-01-01', to: '2026-12-31' },
    },
    { label: 'in production', report: 'in_production', filters: {} },
    { label: 'ready for pick-up', report: 'ready_for_pickup', filters: {} },
    { label: 'ready for pick-up, one site', report: 'ready_for_pickup', filters: { site: 'Kista' } },
    {
      label: 'blocked, two years',
      report: 'blocked_cards',
      filters: { from: '2024-11-24', to: '2026-11-24' },
    },
    {
      label: 'blocked, lost, one month',
      report: 'blocked_cards',
      filters: { reason: 'lost', from: '2026-10-24', to: '2026-11-24' },
    },
    { label: 'blocked, one employer', report: 'blocked_cards', filters: { organisationId } },
    { label: 'mobile IDs not activated, 7 d', report: 'mobile_not_activated', filters: {} },
    { label: 'expiring within 30 d', report: 'expiring_cards', filters: {} },
    { label: 'expiring within 10 years', report: 'expiring_cards', filters: { days: 3650 } },
    {
      label: 'expiring 365 d, one employer',
      report: 'expiring_cards',
      filters: { days: 365, organisationId },
    },
    {
      label: 'expiring 365 d, name "ander"',
      report: 'expiring_cards',
      filters: { days: 365, holderName: 'ander' },
    },
    { label: 'active per organisation', report: 'active_per_organisation', filters: {} },
  ];
  const query = (report: ReportId, filters: ReportFilters) => ({
    report,
    filters,
    offset: 0,
    limit: 50,
    operatorId: 'op-a',
    now: NOW,
    desk: { id: 'desk-bench', name: 'Bench desk' },
  });

  console.log(
    `\nReports at ${counts.cards!.toLocaleString('en')} cards (${counts.holders!.toLocaleString('en')} holders, ` +
      `${counts.orders!.toLocaleString('en')} orders, ${counts.blocks!.toLocaleString('en')} blocks): first page of 50 + count, ${RUNS} runs each`,
  );
  console.log(
    `  ${'report'.padEnd(34)} ${'rows'.padStart(9)}  ${'p50'.padStart(10)} ${'p95'.padStart(10)}   ${'peer p50'.padStart(10)}  ratio   goal ≤ 1 s`,
  );
  const run = createReportsViews(db);
  const results: Record<string, number> = { cards: counts.cards! };
  let allMet = true;
  for (const c of cases) {
    const total = run(query(c.report, c.filters)).total;
    const own = summarise(timed(RUNS, () => run(query(c.report, c.filters))));
    // The peer: the same report without migration 0011's help, on the same database in the same run.
    let peer: number;
    db.exec('BEGIN');
    try {
      if (c.report === 'active_per_organisation') {
        // A minute or more on a loaded machine: one run, after the report's own runs warmed the pages.
        peer = summarise(timed(1, () => activePerOrganisationByJoin(db, '2026-11-24'), false)).p50;
      } else {
        for (const index of REPORT_INDEXES) db.exec(`DROP INDEX ${index}`);
        const bare = createReportsViews(db);
        peer = summarise(timed(2, () => bare(query(c.report, c.filters)))).p50;
      }
    } finally {
      db.exec('ROLLBACK');
    }
    const met = own.p95 <= 1000;
    allMet &&= met;
    console.log(
      `  ${c.label.padEnd(34)} ${total.toLocaleString('en').padStart(9)}  ${fmt(own.p50).padStart(10)} ${fmt(own.p95).padStart(10)}   ${fmt(peer).padStart(10)}  ${(peer / own.p50).toFixed(1).padStart(5)}×  ${met ? 'met' : 'NOT met'}`,
    );
    results[`${c.report}:${c.label}:p95`] = own.p95;
  }
  console.log(`  every report ≤ 1 s (p95): ${allMet ? 'met' : 'NOT met'}`);
  db.close();
  return results;
}
