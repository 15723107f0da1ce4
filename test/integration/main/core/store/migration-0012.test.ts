import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_POLICY } from '../../../../../src-shared/domain/sign-in';
import { readSignInPolicy } from '../../../../../src-main/core/sign-in/sign-in-policy';
import { migrate, schemaVersion } from '../../../../../src-main/core/store/migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-0012-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-11-24T09:00:00.000Z';

function operator(db: Database.Database, id: string, username: string) {
  db.prepare(
    `INSERT INTO operators (id, username, display_name, password_hash, roles, language, created_at, updated_at)
     VALUES (?, ?, 'Åsa Öberg', 'scrypt$hash', '["admin"]', 'sv', ?, ?)`,
  ).run(id, username, NOW, NOW);
}

it('0011 → 0012 keeps every operator, with no factor yet, and a desk with no policy reads the default', () => {
  const db = new Database(join(dir, 'desk.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 11);
  operator(db, 'o1', 'asa');
  operator(db, 'o2', 'bo');

  migrate(db);
  expect(schemaVersion(db)).toBe(12);
  expect(
    db
      .prepare(
        `SELECT id, username, password_hash, mobile_phone, identity_number, pin_hash FROM operators ORDER BY id`,
      )
      .all(),
  ).toEqual([
    {
      id: 'o1',
      username: 'asa',
      password_hash: 'scrypt$hash',
      mobile_phone: null,
      identity_number: null,
      pin_hash: null,
    },
    {
      id: 'o2',
      username: 'bo',
      password_hash: 'scrypt$hash',
      mobile_phone: null,
      identity_number: null,
      pin_hash: null,
    },
  ]);
  expect(readSignInPolicy(db)).toEqual(DEFAULT_SIGN_IN_POLICY);
  for (const table of ['operator_totp', 'sms_codes', 'bankid_orders', 'sign_in_policy']) {
    expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
  }
  db.close();
});

it('0012 lets one operator only have an identity number, and forgets factors with their operator', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  operator(db, 'o1', 'asa');
  operator(db, 'o2', 'bo');
  const setIdentity = db.prepare(
    `UPDATE operators SET identity_country = 'SE', identity_number = ? WHERE id = ?`,
  );
  setIdentity.run('191212121212', 'o1');
  expect(() => setIdentity.run('191212121212', 'o2')).toThrow(/UNIQUE/);
  // Without a number, any count of operators may have none.
  db.prepare(`UPDATE operators SET identity_number = NULL WHERE id = 'o1'`).run();
  db.prepare(
    `INSERT INTO operator_totp (operator_id, secret_sealed, created_at) VALUES ('o2', x'00', ?)`,
  ).run(NOW);
  db.prepare(`DELETE FROM operators WHERE id = 'o2'`).run();
  expect(db.prepare('SELECT count(*) FROM operator_totp').pluck().get()).toBe(0);
  expect(() =>
    db
      .prepare(
        `INSERT INTO sign_in_policy (id, methods, default_method, updated_at) VALUES (2, '[]', 'totp', ?)`,
      )
      .run(NOW),
  ).toThrow(/CHECK/);
});
