// The reports' reads: one SQL query per report, built from fixed fragments (every value is bound,
// never spliced), each driven by an index so a page and its count answer in well under a second at a
// million cards (test/bench/reports.bench.ts). Reads the tables only: orders, cards, blocks, holders.
import type { ReportFilters, ReportRow, ReportSort } from '../../../src-shared/api/methods/reports';
import { fullName } from '../../../src-shared/domain/full-name';
import { REPORTS, type ReportId } from '../../../src-shared/domain/report-definitions';
import { ftsQuery, nameTokens } from '../holders/holder-search';
import { DomainError } from '../ops/domain-error';
import type Database from 'better-sqlite3';
import type { Db } from '../store/database';

export interface ReportQuery {
  report: ReportId;
  filters: ReportFilters;
  sort?: ReportSort | undefined;
  offset: number;
  limit: number;
  /** The operator running it ("waiting for my approval" leaves out their own orders). */
  operatorId: string;
  /** The desk's clock, ms since the epoch. */
  now: number;
  /** This desk's id and name: a block placed here shows the desk's name. */
  desk: { id: string; name: string };
}

/**
 * Above this many holders with the name, the report's rows are walked and each row's holder checked
 * from the narrow id index, instead of listing those holders' ids first: reading a holder row costs
 * tens of microseconds when the holders are not in memory, a check in the index a couple.
 */
const NAME_SET_LIMIT = 5_000;

export interface ReportPage {
  rows: ReportRow[];
  total: number;
  today: string;
  days: number | null;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The first instant after day `day` (YYYY-MM-DD), as stored timestamps are written. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString();
const dayStart = (day: string) => `${day}T00:00:00.000Z`;

interface Built {
  /** The table the report lists, with its alias ("cards c"). */
  table: string;
  alias: string;
  /** The joins for the columns shown; filters on them set `needsJoins`, otherwise a count skips them. */
  joins: string;
  needsJoins: boolean;
  where: string[];
  params: unknown[];
  select: string;
  /** ORDER BY for a direction; the key the report's index is in, with a tie-breaker the index holds too. */
  order: (direction: 'ASC' | 'DESC') => string;
}

// Inner joins where a foreign key guarantees the row (a card's holder, a block's card), so the planner
// may start from the holder side when a filter names an employer or a name.
const HOLDER_JOINS = `
  JOIN holders h ON h.id = X.holder_id
  LEFT JOIN organisations g ON g.id = h.organisation_id`;
const HOLDER_COLUMNS = `h.id AS holderId, h.given_name AS givenName, h.family_name AS familyName, g.name AS organisation`;

/**
 * Employer and name filters name the matching holders' ids as a set the report's own rows are checked
 * against (`holderId` is the report table's column), so a count needs no join with holders: a name
 * that a tenth of the desk shares is checked in microseconds per card instead of a holder lookup each.
 */
function holderFilters(
  b: Built,
  q: ReportQuery & { isCommonName?: boolean },
  holderId: string,
  siteColumn: string,
  siteNeedsJoins = true,
  holderIdNeedsJoins = false,
): void {
  const f = q.filters;
  if (f.organisationId) {
    b.needsJoins ||= holderIdNeedsJoins;
    b.where.push(`${holderId} IN (SELECT id FROM holders WHERE organisation_id = ?)`);
    b.params.push(f.organisationId);
  }
  if (f.site) {
    b.needsJoins ||= siteNeedsJoins;
    b.where.push(`${siteColumn} = ?`);
    b.params.push(f.site);
  }
  const tokens = nameTokens(f.holderName ?? '');
  if (tokens.length > 0) {
    b.needsJoins ||= holderIdNeedsJoins;
    b.where.push(
      q.isCommonName
        ? `(SELECT rowid FROM holders WHERE id = ${holderId}) IN (SELECT rowid FROM holder_names WHERE holder_names MATCH ?)`
        : `${holderId} IN (SELECT named.id FROM holder_names JOIN holders named ON named.rowid = holder_names.rowid
            WHERE holder_names MATCH ?)`,
    );
    b.params.push(ftsQuery(tokens));
  }
}

function period(b: Built, f: ReportFilters, column: string): void {
  if (f.from) {
    b.where.push(`${column} >= ?`);
    b.params.push(dayStart(f.from));
  }
  if (f.to) {
    b.where.push(`${column} < ?`);
    b.params.push(dayAfter(f.to));
  }
}

function cardKind(b: Built, f: ReportFilters, column: string, needsJoins = false): void {
  if (f.cardKind) {
    b.needsJoins ||= needsJoins;
    b.where.push(`${column} = ?`);
    b.params.push(f.cardKind);
  }
}

function ordersReport(q: ReportQuery, state: 'ordered' | 'rejected'): Built {
  const f = q.filters;
  const at = state === 'ordered' ? 'o.ordered_at' : 'o.decided_at';
  const b: Built = {
    table: 'orders o',
    alias: 'o',
    joins: `${HOLDER_JOINS.replaceAll('X.', 'o.')}
      LEFT JOIN operators ob ON ob.id = o.ordered_by
      LEFT JOIN operators od ON od.id = o.decided_by`,
    needsJoins: false,
    where: ['o.state = ?'],
    params: [state],
    select: `o.id AS orderId, ${HOLDER_COLUMNS}, o.ordered_at AS orderedAt, o.decided_at AS decidedAt,
      o.kind AS orderKind, o.includes AS includes, o.card_kind AS cardKind, o.site AS site,
      ob.display_name AS orderedBy, od.display_name AS decidedBy, o.decision_note AS reason`,
    order: (d) => `${at} ${d}, o.rowid ${d}`,
  };
  // Four eyes: the orderer cannot approve, so their own orders are not waiting for them.
  if (state === 'ordered') {
    b.where.push('o.ordered_by <> ?');
    b.params.push(q.operatorId);
  }
  period(b, f, at);
  cardKind(b, f, 'o.card_kind');
  holderFilters(b, q, 'o.holder_id', 'o.site', false);
  return b;
}

function cardsReport(q: ReportQuery, states: string[], since: boolean): Built {
  const f = q.filters;
  const b: Built = {
    table: 'cards c',
    alias: 'c',
    joins: HOLDER_JOINS.replaceAll('X.', 'c.'),
    needsJoins: false,
    where: [`c.state IN (${states.map(() => '?').join(', ')})`, "c.kind <> 'mobile_id'"],
    params: [...states],
    select: `c.id AS cardId, ${HOLDER_COLUMNS}, c.state_changed_at AS since, c.printed_number AS printedNumber,
      c.kind AS cardKind, c.state AS state, coalesce(c.site, h.site) AS site, c.valid_until AS validUntil,
      json_extract(c.production_error, '$.code') AS productionError`,
    order: (d) => `c.state_changed_at ${d}, c.rowid ${d}`,
  };
  if (since) period(b, f, 'c.state_changed_at');
  cardKind(b, f, 'c.kind');
  holderFilters(b, q, 'c.holder_id', 'coalesce(c.site, h.site)');
  return b;
}

function blockedReport(q: ReportQuery): Built {
  const f = q.filters;
  const b: Built = {
    // Blocks still in force: a lifted block's card is no longer blocked (blocks_in_force is partial).
    table: 'blocks b',
    alias: 'b',
    joins: `JOIN cards c ON c.id = b.card_id ${HOLDER_JOINS.replaceAll('X.', 'c.')}
      LEFT JOIN operators ob ON ob.id = b.blocked_by`,
    needsJoins: false,
    where: ['b.lifted_at IS NULL'],
    params: [],
    select: `b.id AS blockId, c.id AS cardId, ${HOLDER_COLUMNS}, b.blocked_at AS blockedAt, b.reason AS reason,
      b.note AS note, c.printed_number AS printedNumber, c.kind AS cardKind, ob.display_name AS blockedBy,
      b.desk_id AS deskId`,
    order: (d) => `b.blocked_at ${d}, b.rowid ${d}`,
  };
  period(b, f, 'b.blocked_at');
  if (f.reason) {
    b.where.push('b.reason = ?');
    b.params.push(f.reason);
  }
  cardKind(b, f, 'c.kind', true);
  holderFilters(b, q, 'c.holder_id', 'coalesce(c.site, h.site)', true, true);
  return b;
}

function mobileReport(q: ReportQuery, days: number): Built {
  const b: Built = {
    table: 'cards c',
    alias: 'c',
    joins: HOLDER_JOINS.replaceAll('X.', 'c.'),
    needsJoins: false,
    where: ["c.state = 'invited'", "c.kind = 'mobile_id'", 'c.state_changed_at <= ?'],
    // Invited N days ago or earlier: on day N the invitation has waited N whole days.
    params: [new Date(q.now - days * DAY_MS).toISOString()],
    select: `c.id AS cardId, ${HOLDER_COLUMNS}, c.state_changed_at AS invitedAt, h.email AS email,
      coalesce(c.site, h.site) AS site`,
    order: (d) => `c.state_changed_at ${d}, c.rowid ${d}`,
  };
  holderFilters(b, q, 'c.holder_id', 'coalesce(c.site, h.site)');
  return b;
}

function expiringReport(q: ReportQuery, today: string, days: number): Built {
  const b: Built = {
    table: 'cards c',
    alias: 'c',
    joins: HOLDER_JOINS.replaceAll('X.', 'c.'),
    needsJoins: false,
    // Cards in a holder's hands whose last valid day falls between today and today + N; a card whose
    // last day was yesterday has expired and belongs to no renewal list.
    where: ['c.valid_until >= ?', 'c.valid_until <= ?', "c.state IN ('active', 'suspended')"],
    params: [today, isoDay(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS)],
    select: `c.id AS cardId, ${HOLDER_COLUMNS}, c.valid_until AS validUntil, c.printed_number AS printedNumber,
      c.kind AS cardKind, c.state AS state, coalesce(c.site, h.site) AS site`,
    order: (d) => `c.valid_until ${d}, c.state ${d}, c.rowid ${d}`,
  };
  cardKind(b, q.filters, 'c.kind');
  holderFilters(b, q, 'c.holder_id', 'coalesce(c.site, h.site)');
  return b;
}

interface Raw extends Record<string, unknown> {
  givenName?: string | null;
  familyName?: string | null;
}

function toRow(raw: Raw, q: ReportQuery, today: string): ReportRow {
  const row: ReportRow = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'givenName' || key === 'familyName') continue;
    row[key] = typeof value === 'string' || typeof value === 'number' || value === null ? value : null;
  }
  if ('givenName' in raw) {
    row.holderName =
      raw.givenName == null ? null : fullName({ givenName: raw.givenName, familyName: raw.familyName ?? '' });
  }
  if (typeof raw.deskId === 'string') row.desk = raw.deskId === q.desk.id ? q.desk.name : raw.deskId;
  if (typeof raw.invitedAt === 'string') {
    row.daysWaiting = Math.floor((q.now - Date.parse(raw.invitedAt)) / DAY_MS);
  }
  if (q.report === 'expiring_cards' && typeof raw.validUntil === 'string') {
    row.daysLeft = Math.round(
      (Date.parse(`${raw.validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
    );
  }
  return row;
}

export function createReportsViews(db: Db) {
  const statements = new Map<string, Database.Statement<unknown[]>>();
  // The SQL differs only by which fixed fragments a report's filters add: a few dozen shapes at most.
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[]>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  function activePerOrganisation(q: ReportQuery, today: string): ReportPage {
    const kept = ['cards <> 0'];
    const keptParams: unknown[] = [];
    const lapsed = ['valid_until < ?', 'cards <> 0'];
    const lapsedParams: unknown[] = [today];
    if (q.filters.cardKind) {
      kept.push('kind = ?');
      keptParams.push(q.filters.cardKind);
      lapsed.push('kind = ?');
      lapsedParams.push(q.filters.cardKind);
    }
    if (q.filters.organisationId) {
      kept.push('organisation_id = ?');
      keptParams.push(q.filters.organisationId);
      lapsed.push('organisation_id = ?');
      lapsedParams.push(q.filters.organisationId);
    }
    // What ID06 bills by: cards in use today, counted by their holder's employer. The counts are kept
    // by triggers (migration 0011); active cards whose last valid day has passed are taken off, from
    // the same counts by day: the days before today only.
    const rows = prepare(
      `WITH counted AS (
         SELECT organisation_id AS org, kind, cards FROM active_card_counts WHERE ${kept.join(' AND ')}
         UNION ALL
         SELECT organisation_id AS org, kind, -cards AS cards FROM active_card_lapses
         WHERE ${lapsed.join(' AND ')}),
       totals AS (
         SELECT org, sum(cards) AS activeCards, sum(CASE WHEN kind = 'id06' THEN cards ELSE 0 END) AS id06Cards,
           sum(CASE WHEN kind = 'mobile_id' THEN cards ELSE 0 END) AS mobileIds
         FROM counted GROUP BY org HAVING sum(cards) > 0)
       SELECT nullif(t.org, '') AS organisationId, g.name AS organisation, g.number AS organisationNumber,
         g.country AS country, t.activeCards, t.id06Cards, t.mobileIds
       FROM totals t LEFT JOIN organisations g ON g.id = t.org`,
    ).all(...keptParams, ...lapsedParams) as Record<string, string | number | null>[];
    const by = q.sort?.column === 'organisation' ? 'organisation' : 'activeCards';
    const sign = (q.sort?.direction ?? 'desc') === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const x = a[by] ?? '';
      const y = b[by] ?? '';
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'sv');
      return c !== 0
        ? sign * c
        : String(a.organisation ?? '').localeCompare(String(b.organisation ?? ''), 'sv');
    });
    return { rows: rows.slice(q.offset, q.offset + q.limit), total: rows.length, today, days: null };
  }

  return function runReport(query: ReportQuery): ReportPage {
    let q: ReportQuery & { isCommonName?: boolean } = query;
    const definition = REPORTS[q.report];
    const today = isoDay(q.now);
    if (q.sort && !definition.sortable.includes(q.sort.column)) {
      throw new DomainError('bad_request', `This report cannot be sorted by ${q.sort.column}.`, [
        { path: 'sort.column', message: `One of: ${definition.sortable.join(', ')}.` },
      ]);
    }
    if (q.report === 'active_per_organisation') return activePerOrganisation(q, today);
    const tokens = nameTokens(q.filters.holderName ?? '');
    if (tokens.length > 0) {
      const named = prepare(
        'SELECT count(*) FROM (SELECT 1 FROM holder_names WHERE holder_names MATCH ? LIMIT ?)',
      )
        .pluck()
        .get(ftsQuery(tokens), NAME_SET_LIMIT + 1) as number;
      q = { ...q, isCommonName: named > NAME_SET_LIMIT } as ReportQuery;
    }
    const days = definition.defaultDays === undefined ? null : (q.filters.days ?? definition.defaultDays);
    const built: Built =
      q.report === 'awaiting_approval'
        ? ordersReport(q, 'ordered')
        : q.report === 'rejected_orders'
          ? ordersReport(q, 'rejected')
          : q.report === 'in_production'
            ? cardsReport(q, ['approved', 'in_production'], true)
            : q.report === 'ready_for_pickup'
              ? cardsReport(q, ['ready'], true)
              : q.report === 'blocked_cards'
                ? blockedReport(q)
                : q.report === 'mobile_not_activated'
                  ? mobileReport(q, days!)
                  : expiringReport(q, today, days!);
    const where = built.where.join(' AND ');
    const direction = (q.sort?.direction ?? definition.defaultDirection) === 'asc' ? 'ASC' : 'DESC';
    const filtered = `${built.table} ${built.needsJoins ? built.joins : ''} WHERE ${where}`;
    const order = built.order(direction);
    const total = prepare(`SELECT count(*) FROM ${filtered}`)
      .pluck()
      .get(...built.params) as number;
    // The page's rows are chosen from the report's own table (and an index in the report's order) first,
    // and only those few are joined with their holders and operators. CROSS JOIN keeps that order of
    // work: left to itself the planner may walk the whole index again to skip sorting fifty rows.
    const raw =
      q.offset >= total
        ? []
        : (prepare(
            `SELECT ${built.select}
             FROM (SELECT ${built.alias}.rowid AS pick FROM ${filtered} ORDER BY ${order} LIMIT ? OFFSET ?) page
             CROSS JOIN ${built.table} ON ${built.alias}.rowid = page.pick ${built.joins}
             ORDER BY ${order}`,
          ).all(...built.params, q.limit, q.offset) as Raw[]);
    return { rows: raw.map((r) => toRow(r, q, today)), total, today, days };
  };
}

export type RunReport = ReturnType<typeof createReportsViews>;
