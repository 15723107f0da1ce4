import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Skip migrations (tests that build an old schema by hand). */
  migrate?: boolean;
}

/** Opens (creating if needed) the desk database: WAL, foreign keys on, migrated to the latest version. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the
    // last transactions, and the hub has every synced operation.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // A tap's lookup touches a few pages of three indexes: memory-mapped reads and a larger page
    // cache keep it at microseconds even with a million cards (measured in npm run bench).
    db.pragma('mmap_size = 1073741824');
    db.pragma('cache_size = -65536');
    if (options.migrate !== false) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
