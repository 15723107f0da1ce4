import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../../src-main/core/store/migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-0007-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-11-24T09:00:00.000Z';

it('0006 → 0007 keeps every card, chip and holder as it was, and cards know when their state last changed', () => {
  const db = new Database(join(dir, 'desk.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 6);
  db.prepare(
    `INSERT INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, has_eid,
       created_at, updated_at) VALUES ('h-1', 'Łukasz', 'Šarūnas', 'SE', '198112189876', '1981-12-18', 1, ?, ?)`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, block_reason,
       created_at, updated_at) VALUES ('c-1', 'h-1', 'id06', 'AB1234567890', 'blocked', '2026-01-01', NULL, 'lost', ?, ?)`,
  ).run(NOW, '2026-11-25T10:00:00.000Z');
  db.prepare(
    `INSERT INTO credentials (id, card_id, technology, bytes, bound_at) VALUES ('cr-1', 'c-1', 'iso14443a', x'04A1B2C3', ?)`,
  ).run(NOW);

  migrate(db, 7);
  expect(schemaVersion(db)).toBe(7);
  expect(db.prepare('SELECT id, state, block_reason, state_changed_at, order_id FROM cards').all()).toEqual([
    {
      id: 'c-1',
      state: 'blocked',
      block_reason: 'lost',
      state_changed_at: '2026-11-25T10:00:00.000Z',
      order_id: null,
    },
  ]);
  expect(db.prepare('SELECT id, retired_at FROM credentials').all()).toEqual([
    { id: 'cr-1', retired_at: null },
  ]);
  expect(db.prepare('SELECT given_name, employment_ends FROM holders').all()).toEqual([
    { given_name: 'Łukasz', employment_ends: null },
  ]);
  // An order must belong to a holder that exists, and a block must name its card.
  expect(() =>
    db
      .prepare(
        `INSERT INTO orders (id, holder_id, kind, includes, card_kind, valid_until, site, data, state, ordered_by,
         ordered_at, updated_at) VALUES ('o-1', 'nobody', 'new', 'physical', 'id06', '2030-01-01', 'HQ', '{}',
         'ordered', 'op', ?, ?)`,
      )
      .run(NOW, NOW),
  ).toThrow(/FOREIGN KEY/);
  expect(() =>
    db
      .prepare(
        `INSERT INTO blocks (id, card_id, reason, desk_id, blocked_at) VALUES ('b-1', 'no-card', 'lost', 'd', ?)`,
      )
      .run(NOW),
  ).toThrow(/FOREIGN KEY/);
  db.close();
});
