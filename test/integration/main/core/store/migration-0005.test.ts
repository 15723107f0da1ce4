import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../../src-main/core/store/migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-0005-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-11-24T09:00:00.000Z';
const LOCKED_UNTIL = '2026-11-24T09:05:00.000Z';

it('0004 → 0005 gives every operator a session epoch and carries login failures over to the back-off', () => {
  const db = new Database(join(dir, 'desk.sqlite'));
  migrate(db, 4);
  const insert = db.prepare(
    `INSERT INTO operators (id, username, display_name, password_hash, roles, language, is_disabled,
       failed_logins, locked_until, created_at, updated_at)
     VALUES (?, ?, ?, 'scrypt$x', ?, 'sv', ?, ?, ?, ?, ?)`,
  );
  insert.run('op-1', 'anna', 'Anna', '["admin"]', 0, 0, null, NOW, NOW);
  insert.run('op-2', 'erik', 'Erik', '["reception"]', 0, 5, LOCKED_UNTIL, NOW, NOW);
  insert.run('op-3', 'olle', 'Olle', '["reception"]', 1, 2, null, NOW, NOW);

  migrate(db, 5);
  expect(schemaVersion(db)).toBe(5);
  expect(
    db.prepare('SELECT id, username, roles, is_disabled, session_epoch FROM operators ORDER BY id').all(),
  ).toEqual([
    { id: 'op-1', username: 'anna', roles: '["admin"]', is_disabled: 0, session_epoch: 0 },
    { id: 'op-2', username: 'erik', roles: '["reception"]', is_disabled: 0, session_epoch: 0 },
    { id: 'op-3', username: 'olle', roles: '["reception"]', is_disabled: 1, session_epoch: 0 },
  ]);
  // A lock in progress when the desk was updated still holds, and the counts go on from where they were.
  expect(
    db.prepare('SELECT username, failures, wait_until FROM login_backoff ORDER BY username').all(),
  ).toEqual([
    { username: 'erik', failures: 5, wait_until: LOCKED_UNTIL },
    { username: 'olle', failures: 2, wait_until: null },
  ]);
  const columns = db.prepare(`SELECT name FROM pragma_table_info('operators')`).pluck().all();
  expect(columns).not.toContain('failed_logins');
  expect(columns).not.toContain('locked_until');
  // One counter per name: a second row for the same username is refused.
  expect(() =>
    db.prepare(`INSERT INTO login_backoff (username, failures, updated_at) VALUES ('erik', 1, ?)`).run(NOW),
  ).toThrow(/UNIQUE|PRIMARY KEY/);
  db.close();
});
