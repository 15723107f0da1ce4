import { matchKeys } from '../../../../src-shared/credentials/matching';
import type { CredentialTechnology } from '../../../../src-shared/credentials/credential';
import type { Migration } from './index';

/**
 * Every stored credential is findable under each key a reader's format may produce (see
 * src-shared/credentials/matching.ts), so a tap is one indexed lookup whatever the reader prints.
 * A lossy key may point at several credentials: the lookup treats that as ambiguous.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'credential-keys',
  up(db) {
    db.exec(`
      CREATE TABLE credential_keys (
        key TEXT NOT NULL,
        credential_id TEXT NOT NULL REFERENCES credentials(id) ON DELETE CASCADE,
        PRIMARY KEY (key, credential_id)
      ) STRICT, WITHOUT ROWID;
    `);
    const insert = db.prepare('INSERT OR IGNORE INTO credential_keys (key, credential_id) VALUES (?, ?)');
    // Paged: better-sqlite3 cannot write while an iterator is open on the same connection.
    const page = db.prepare(
      'SELECT rowid, id, technology, bytes FROM credentials WHERE rowid > ? ORDER BY rowid LIMIT 5000',
    );
    let after = 0;
    for (;;) {
      const rows = page.all(after) as { rowid: number; id: string; technology: string; bytes: Buffer }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const keys = matchKeys({
          technology: row.technology as CredentialTechnology,
          bytes: new Uint8Array(row.bytes),
        });
        for (const key of keys) insert.run(key, row.id);
      }
      after = rows.at(-1)!.rowid;
    }
  },
};
