import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../../src-main/core/store/migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-0009-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-11-24T09:00:00.000Z';

it('0007 → 0009 keeps approved cards as they were and gives them a production history, empty', () => {
  const db = new Database(join(dir, 'desk.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 7);
  db.prepare(
    `INSERT INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, has_eid,
       created_at, updated_at) VALUES ('h-1', 'Łukasz', 'Šarūnas', 'SE', '198112189876', '1981-12-18', 1, ?, ?)`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, created_at, updated_at, production_error)
     VALUES ('c-1', 'h-1', 'id06', 'AB1234567890', 'approved', ?, ?, '{"code":"printer_stopped","params":{},"at":"x"}')`,
  ).run(NOW, NOW);

  migrate(db, 9);
  expect(schemaVersion(db)).toBe(9);
  expect(db.prepare('SELECT id, state, production_error FROM cards').all()).toEqual([
    { id: 'c-1', state: 'approved', production_error: '{"code":"printer_stopped","params":{},"at":"x"}' },
  ]);
  expect(db.prepare('SELECT count(*) AS n FROM production_jobs').get()).toEqual({ n: 0 });
  db.prepare(
    `INSERT INTO production_jobs (id, card_id, channel, batch_id, state, started_at) VALUES ('j-1', 'c-1', 'printer', 'b-1', 'submitting', ?)`,
  ).run(NOW);
  // An attempt belongs to a card that exists.
  expect(() =>
    db
      .prepare(
        `INSERT INTO production_jobs (id, card_id, channel, batch_id, state, started_at) VALUES ('j-2', 'nope', 'printer', 'b-1', 'submitting', ?)`,
      )
      .run(NOW),
  ).toThrow(/FOREIGN KEY/);
  db.close();
});
