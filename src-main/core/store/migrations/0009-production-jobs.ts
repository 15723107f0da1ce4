import type { Migration } from './index';

/**
 * Card production (docs/production.md): every attempt to produce a card, by the desk's printer or an
 * external issuer, with the producer's reference (the CUPS job id, the batch id) and how it ended.
 * A card's failed attempts stay as history; the card itself carries only its latest error.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'production-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE production_jobs (
        id TEXT PRIMARY KEY,
        card_id TEXT NOT NULL REFERENCES cards(id),
        -- printer | issuer
        channel TEXT NOT NULL,
        -- the submission this attempt belongs to: one press of Print, one batch file
        batch_id TEXT NOT NULL,
        -- the producer's own reference once it took the card: a CUPS job id, or the batch id
        ref TEXT,
        -- submitting | waiting | produced | failed
        state TEXT NOT NULL,
        -- JSON { code, params } when it failed
        error TEXT,
        started_by TEXT REFERENCES operators(id),
        started_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX production_jobs_card ON production_jobs(card_id, started_at);
      CREATE INDEX production_jobs_state ON production_jobs(state, channel);
      CREATE INDEX production_jobs_batch ON production_jobs(batch_id);
    `);
  },
};
