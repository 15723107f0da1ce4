import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This desk database was written by a newer version of Frontdesk ID (schema ${found}; this version ` +
        `understands up to ${supported}). Install the newer version again, or open another database. ` +
        `Nothing was changed.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration, each in its own transaction together with the version bump, so a
 * crash leaves the database at a whole version. Migrations are numbered from 1, in ascending order;
 * user_version holds the last one applied.
 */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new DatabaseTooNewError(current, LATEST_VERSION);
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
