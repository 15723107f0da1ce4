import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src-main/core/store/database';
import {
  DatabaseTooNewError,
  LATEST_VERSION,
  migrate,
  schemaVersion,
} from '../../../../../src-main/core/store/migrate';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-'));
  path = join(dir, 'desk.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-11-24T09:00:00.000Z';

function databaseAt(version: number): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  expect(schemaVersion(db)).toBe(version);
  return db;
}

describe('migrations', () => {
  it('a new database is created at the latest version with WAL and foreign keys', () => {
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('0001 → 0002 keeps operators and the audit chain', () => {
    const db = databaseAt(1);
    db.prepare(
      `INSERT INTO operators (id, username, display_name, password_hash, roles, language, created_at, updated_at)
       VALUES ('op-1', 'anna', 'Anna', 'scrypt$x', '["admin"]', 'sv', ?, ?)`,
    ).run(NOW, NOW);
    migrate(db, 2);
    expect(db.prepare('SELECT username FROM operators').pluck().all()).toEqual(['anna']);
    db.prepare(
      `INSERT INTO organisations (id, name, country, number, created_at, updated_at) VALUES ('o', 'Bygg AB', 'SE', '5560160680', ?, ?)`,
    ).run(NOW, NOW);
    db.close();
  });

  it('0002 → 0003 keeps holders, photos and the name index, and cards can refer to them', () => {
    const db = databaseAt(2);
    db.prepare(
      `INSERT INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, has_eid, created_at, updated_at)
       VALUES ('h-1', 'Anna', 'Lind', 'SE', '191212121212', '1912-12-12', 1, ?, ?)`,
    ).run(NOW, NOW);
    db.prepare(`INSERT INTO holder_names (rowid, name) SELECT rowid, 'Anna Lind' FROM holders`).run();
    db.prepare(
      `INSERT INTO holder_photos (holder_id, mime, bytes, sha256) VALUES ('h-1', 'image/png', x'89504e47', 'x')`,
    ).run();
    migrate(db, 3);
    expect(
      db
        .prepare(
          `SELECT h.id FROM holder_names n JOIN holders h ON h.rowid = n.rowid WHERE holder_names MATCH '"lin"*'`,
        )
        .pluck()
        .all(),
    ).toEqual(['h-1']);
    db.prepare(
      `INSERT INTO cards (id, holder_id, kind, printed_number, state, created_at, updated_at) VALUES ('c-1', 'h-1', 'access_card', 'AC-1', 'active', ?, ?)`,
    ).run(NOW, NOW);
    expect(() =>
      db
        .prepare(
          `INSERT INTO cards (id, holder_id, kind, printed_number, state, created_at, updated_at) VALUES ('c-2', 'nobody', 'id06', 'X-2', 'active', ?, ?)`,
        )
        .run(NOW, NOW),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('0003 → 0004 indexes existing credentials under every key a reader format can produce', () => {
    const db = databaseAt(3);
    db.prepare(
      `INSERT INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, has_eid, created_at, updated_at)
       VALUES ('h-1', 'Anna', 'Lind', 'SE', '191212121212', '1912-12-12', 1, ?, ?)`,
    ).run(NOW, NOW);
    db.prepare(
      `INSERT INTO cards (id, holder_id, kind, printed_number, state, created_at, updated_at) VALUES ('c-1', 'h-1', 'access_card', 'AC-1', 'active', ?, ?)`,
    ).run(NOW, NOW);
    db.prepare(
      `INSERT INTO credentials (id, card_id, technology, bytes, bound_at) VALUES ('r-1', 'c-1', 'iso14443a_uid', x'04A2B3C4D5E6F7', ?)`,
    ).run(NOW);
    migrate(db, 4);
    const keys = db.prepare(`SELECT key FROM credential_keys WHERE credential_id = 'r-1'`).pluck().all();
    expect(keys).toContain('iso14443a_uid:04a2b3c4d5e6f7');
    expect(keys).toContain('iso14443a_uid/last4:c4d5e6f7');
    db.close();
  });

  it('0004 → 0006 moves the audit head into audit_chain, with nothing verified yet', () => {
    const db = databaseAt(4);
    const hash = 'ab'.repeat(32);
    db.prepare(
      `INSERT INTO audit_events (seq, id, at, hlc, desk_id, action, details, prev_hash, hash)
       VALUES (1, 'e-1', ?, 'h', 'desk-1', 'operator.create', '{}', ?, ?), (2, 'e-2', ?, 'h', 'desk-1', 'operator.login', '{}', ?, ?)`,
    ).run(NOW, '0'.repeat(64), 'cd'.repeat(32), NOW, 'cd'.repeat(32), hash);
    db.prepare(`INSERT INTO desk_meta (key, value) VALUES ('audit_head', ?), ('desk_id', 'desk-1')`).run(
      `2:${hash}`,
    );
    migrate(db, 6);
    expect(db.prepare('SELECT * FROM audit_chain').all()).toEqual([
      {
        id: 1,
        head_seq: 2,
        head_hash: hash,
        event_count: 2,
        verified_seq: 0,
        verified_hash: '0'.repeat(64),
        verified_at: null,
      },
    ]);
    expect(db.prepare('SELECT key FROM desk_meta').pluck().all()).toEqual(['desk_id']);
    expect(() =>
      db
        .prepare(
          'INSERT INTO audit_chain (id, head_seq, head_hash, event_count, verified_seq, verified_hash) VALUES (2, 0, ?, 0, 0, ?)',
        )
        .run('x', 'x'),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('0004 → 0006 without a recorded head takes it from the newest event, counting any gap', () => {
    const db = databaseAt(4);
    db.prepare(
      `INSERT INTO audit_events (seq, id, at, hlc, desk_id, action, details, prev_hash, hash)
       VALUES (1, 'e-1', ?, 'h', 'desk-1', 'operator.create', '{}', ?, 'h1'), (3, 'e-3', ?, 'h', 'desk-1', 'operator.login', '{}', 'h2', 'h3')`,
    ).run(NOW, '0'.repeat(64), NOW);
    db.prepare(`INSERT INTO desk_meta (key, value) VALUES ('audit_head', 'not a head')`).run();
    migrate(db, 6);
    expect(db.prepare('SELECT head_seq, head_hash, event_count FROM audit_chain').get()).toEqual({
      head_seq: 3,
      head_hash: 'h3',
      event_count: 3,
    });
    db.close();
  });

  it('an empty desk starts its audit chain at the beginning', () => {
    const db = openDatabase(path);
    expect(db.prepare('SELECT head_seq, event_count, verified_seq FROM audit_chain').get()).toEqual({
      head_seq: 0,
      event_count: 0,
      verified_seq: 0,
    });
    db.close();
  });

  it('refuses a database written by a newer version, with a clear message, and changes nothing', () => {
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.exec('CREATE TABLE future_things (x)');
    db.close();
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path)).toThrow(/newer version of Frontdesk ID.*Nothing was changed/s);
    const after = new Database(path);
    expect(schemaVersion(after)).toBe(LATEST_VERSION + 1);
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE name = 'operators'`).get()).toBeUndefined();
    after.close();
  });

  it('a migration that fails leaves the database at the previous whole version', () => {
    const db = databaseAt(1);
    db.exec('CREATE TABLE holders (x)'); // a stray table that makes migration 2 fail halfway
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'organisations'`).get()).toBeUndefined();
    db.close();
  });
});
