import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../../src-main/core/store/migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-0010-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-11-24T09:00:00.000Z';

it('→ 0010 keeps every card as it was and adds invitations, which must name a card that exists', () => {
  const db = new Database(join(dir, 'desk.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 7);
  db.prepare(
    `INSERT INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, has_eid,
       created_at, updated_at) VALUES ('h-1', 'Åsa', 'Ŋaŋŋá', 'SE', '198112189876', '1981-12-18', 1, ?, ?)`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, created_at, updated_at, physical_card_id)
     VALUES ('c-1', 'h-1', 'mobile_id', 'AB1234567890-M', 'invited', ?, ?, NULL)`,
  ).run(NOW, NOW);

  migrate(db, 10);
  expect(schemaVersion(db)).toBe(10);
  expect(db.prepare('SELECT id, state FROM cards').all()).toEqual([{ id: 'c-1', state: 'invited' }]);
  db.prepare(
    `INSERT INTO invitations (id, card_id, email, language, code_hash, created_at, expires_at)
     VALUES ('i-1', 'c-1', 'asa@example.se', 'sv', 'scrypt$00$00', ?, ?)`,
  ).run(NOW, NOW);
  expect(db.prepare('SELECT send_attempts, sent_at, superseded_at FROM invitations').get()).toEqual({
    send_attempts: 0,
    sent_at: null,
    superseded_at: null,
  });
  expect(() =>
    db
      .prepare(
        `INSERT INTO invitations (id, card_id, email, language, code_hash, created_at, expires_at)
         VALUES ('i-2', 'no-card', 'x@example.se', 'sv', 'h', ?, ?)`,
      )
      .run(NOW, NOW),
  ).toThrow(/FOREIGN KEY/);
  db.close();
});
