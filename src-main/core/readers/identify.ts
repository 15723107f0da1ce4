// Credential → card → holder, from the local database: one indexed lookup per candidate key.
import type { PresentedReason } from '../../../src-shared/api/presented-reason';
import type { PresentedStatus } from '../../../src-shared/api/readers';
import { toBlockReason } from '../../../src-shared/domain/block-reasons';
import { cardStatus } from '../../../src-shared/domain/card-status';
import type { Card, HolderSummary } from '../../../src-shared/api/schemas';
import type { Credential } from '../../../src-shared/credentials/credential';
import type { CredentialFormat } from '../../../src-shared/credentials/formats';
import { lookupKeys } from '../../../src-shared/credentials/matching';
import { createHolderViews } from '../holders/holder-views';
import type { Db } from '../store/database';

export interface Identification {
  status: PresentedStatus;
  reason: PresentedReason | null;
  card: Card | null;
  holder: HolderSummary | null;
}

interface MatchRow {
  card_id: string;
  holder_id: string;
  state: Card['state'];
  valid_from: string | null;
  valid_until: string | null;
  block_reason: string | null;
}

export function createIdentifier(db: Db) {
  const byKey = db.prepare(
    `SELECT c.id AS card_id, c.holder_id, c.state, c.valid_from, c.valid_until, c.block_reason
     FROM credential_keys k JOIN credentials r ON r.id = k.credential_id JOIN cards c ON c.id = r.card_id
     WHERE k.key = ? AND r.retired_at IS NULL LIMIT 2`,
  );
  const views = createHolderViews(db);

  /** Only the match itself: the hot path measured by the benchmark. */
  function match(credential: Credential, format: CredentialFormat): MatchRow[] {
    for (const key of lookupKeys(credential, format)) {
      const rows = byKey.all(key) as MatchRow[];
      if (rows.length > 0) return rows;
    }
    return [];
  }

  function identify(credential: Credential, format: CredentialFormat, today: string): Identification {
    const rows = match(credential, format);
    if (rows.length === 0) return { status: 'unknown', reason: null, card: null, holder: null };
    if (rows.length > 1 && new Set(rows.map((r) => r.card_id)).size > 1) {
      // The reader sends only part of the card number and more than one card matches it: the status
      // says it all.
      return { status: 'ambiguous', reason: null, card: null, holder: null };
    }
    const row = rows[0]!;
    const { status, reason } = cardStatus(
      {
        state: row.state,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        blockReason: toBlockReason(row.block_reason),
      },
      today,
    );
    const found = views.withCards(row.holder_id, false);
    const card = found?.cards.find((c) => c.id === row.card_id) ?? null;
    return { status, reason, card, holder: found?.summary ?? null };
  }

  return { match, identify };
}
