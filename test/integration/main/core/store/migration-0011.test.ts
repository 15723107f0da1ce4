import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../../src-main/core/store/migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-0011-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-11-24T09:00:00.000Z';

function holder(db: Database.Database, id: string, organisationId: string | null) {
  db.prepare(
    `INSERT INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, has_eid,
       organisation_id, created_at, updated_at) VALUES (?, 'Åsa', 'Öberg', 'SE', ?, '1980-01-01', 1, ?, ?, ?)`,
  ).run(id, `num-${id}`, organisationId, NOW, NOW);
}

function card(
  db: Database.Database,
  id: string,
  holderId: string,
  kind: string,
  state: string,
  validUntil: string | null,
) {
  db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_until, created_at, updated_at, state_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, holderId, kind, `P-${id}`, state, validUntil, NOW, NOW, NOW);
}

/** Active cards per employer, the slow way: the answer the kept counts must always give. */
function byJoin(db: Database.Database) {
  return db
    .prepare(
      `SELECT coalesce(h.organisation_id, '') AS org, c.kind, count(*) AS n
       FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.state = 'active' GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();
}
function kept(db: Database.Database) {
  return db
    .prepare(
      `SELECT organisation_id AS org, kind, cards AS n FROM active_card_counts WHERE cards <> 0 ORDER BY 1, 2`,
    )
    .all();
}

/** The same by last valid day, the slow way, and as kept. */
function lapsesByJoin(db: Database.Database) {
  return db
    .prepare(
      `SELECT coalesce(c.valid_until, '9999-12-31') AS until, coalesce(h.organisation_id, '') AS org, c.kind, count(*) AS n
       FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.state = 'active' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
}
function keptLapses(db: Database.Database) {
  return db
    .prepare(
      `SELECT valid_until AS until, organisation_id AS org, kind, cards AS n FROM active_card_lapses
       WHERE cards <> 0 ORDER BY 1, 2, 3`,
    )
    .all();
}

function orgs(db: Database.Database) {
  for (const id of ['o1', 'o2', 'o3']) {
    db.prepare(
      `INSERT INTO organisations (id, name, country, number, created_at, updated_at) VALUES (?, ?, 'SE', ?, ?, ?)`,
    ).run(id, `Org ${id}`, `556-${id}`, NOW, NOW);
  }
}

it('0007 → 0011 keeps every card and counts the active ones already there by employer', () => {
  const db = new Database(join(dir, 'desk.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 7);
  orgs(db);
  holder(db, 'h1', 'o1');
  holder(db, 'h2', null);
  card(db, 'c1', 'h1', 'id06', 'active', '2028-12-31');
  card(db, 'c2', 'h1', 'id06', 'active', '2028-12-31');
  card(db, 'c3', 'h1', 'mobile_id', 'active', null);
  card(db, 'c4', 'h2', 'access_card', 'active', '2027-01-01');
  card(db, 'c5', 'h2', 'access_card', 'blocked', '2027-01-01');

  migrate(db, 11);
  expect(schemaVersion(db)).toBe(11);
  expect(db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(5);
  expect(kept(db)).toEqual([
    { org: '', kind: 'access_card', n: 1 },
    { org: 'o1', kind: 'id06', n: 2 },
    { org: 'o1', kind: 'mobile_id', n: 1 },
  ]);
  expect(keptLapses(db)).toEqual(lapsesByJoin(db));
  const indexes = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND name IN
    ('cards_expiry', 'cards_state_changed', 'orders_decided', 'blocks_in_force')`,
    )
    .pluck()
    .all();
  expect(indexes).toHaveLength(4);
  db.close();
});

it('the kept counts equal the join after any sequence of card and employer changes', () => {
  const STATES = ['active', 'blocked', 'ready', 'expired'];
  const KINDS = ['id06', 'access_card', 'mobile_id'];
  const DATES = [null, '2026-12-01', '2028-12-31'];
  const HOLDERS = ['h1', 'h2', 'h3'];
  const change = fc.oneof(
    fc.record({
      op: fc.constant('add' as const),
      holder: fc.constantFrom(...HOLDERS),
      kind: fc.constantFrom(...KINDS),
      state: fc.constantFrom(...STATES),
      until: fc.constantFrom(...DATES),
    }),
    fc.record({ op: fc.constant('state' as const), card: fc.nat(20), state: fc.constantFrom(...STATES) }),
    fc.record({
      op: fc.constant('move' as const),
      card: fc.nat(20),
      holder: fc.constantFrom(...HOLDERS),
      kind: fc.constantFrom(...KINDS),
      until: fc.constantFrom(...DATES),
    }),
    fc.record({
      op: fc.constant('employer' as const),
      holder: fc.constantFrom(...HOLDERS),
      org: fc.constantFrom(null, 'o1', 'o2', 'o3'),
    }),
    fc.record({ op: fc.constant('delete' as const), card: fc.nat(20) }),
  );
  fc.assert(
    fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
      const db = new Database(':memory:');
      migrate(db);
      orgs(db);
      HOLDERS.forEach((h, i) => holder(db, h, i === 2 ? null : 'o1'));
      const cards: string[] = [];
      let added = 0;
      for (const c of changes) {
        if (c.op === 'add') {
          const id = `c${(added += 1)}`;
          card(db, id, c.holder, c.kind, c.state, c.until);
          cards.push(id);
        } else if (c.op === 'employer') {
          db.prepare('UPDATE holders SET organisation_id = ? WHERE id = ?').run(c.org, c.holder);
        } else if (cards.length > 0) {
          const id = cards[c.card % cards.length]!;
          if (c.op === 'state') db.prepare('UPDATE cards SET state = ? WHERE id = ?').run(c.state, id);
          else if (c.op === 'move') {
            db.prepare('UPDATE cards SET holder_id = ?, kind = ?, valid_until = ? WHERE id = ?').run(
              c.holder,
              c.kind,
              c.until,
              id,
            );
          } else {
            db.prepare('DELETE FROM cards WHERE id = ?').run(id);
            cards.splice(cards.indexOf(id), 1);
          }
        }
      }
      expect(kept(db)).toEqual(byJoin(db));
      expect(keptLapses(db)).toEqual(lapsesByJoin(db));
      db.close();
    }),
    { numRuns: 150 },
  );
});
