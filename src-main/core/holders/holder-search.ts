// Holder search as you type: by name (FTS5 prefix tokens), by identity number (exact, any accepted
// spelling) or by printed card number (prefix). Reads only; every input is bound, never spliced.
import { fullName } from '../../../src-shared/domain/full-name';
import { parseIdentityNumber } from '../../../src-shared/domain/identity-number';
import type { Db } from '../store/database';

const COUNTRIES = ['SE', 'DK', 'NO'] as const;

/** Words of letters and digits only: FTS5 query syntax ("", *, AND, NEAR, ^) cannot get through. */
export function nameTokens(query: string): string[] {
  return (query.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, 6).map((t) => t.toLowerCase());
}

// Letters that are not a base letter plus a diacritic, so FTS5's remove_diacritics leaves them:
// indexed a second time folded, so "Orsted" finds Ørsted and "Aeroe" finds Ærø.
const FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd' };

/** The text indexed for a holder's name: the name, plus folded spellings of words that differ. */
export function searchableName(givenName: string, familyName: string): string {
  const name = fullName({ givenName, familyName });
  const folded = name.toLowerCase().replace(/[øæœßđłþð]/g, (c) => FOLDS[c]!);
  return folded === name.toLowerCase() ? name : `${name} ${folded}`;
}

export function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t}"*`).join(' AND ');
}

export interface SearchHit {
  id: string;
}

/**
 * Matches are counted up to this many and no further: "more than 100" tells reception to type more
 * as well as an exact count would, and counting every "a" among a million names would not be cheap.
 */
export const SEARCH_COUNT_CAP = 100;

export interface SearchIds {
  /** The first `limit` matches. */
  ids: string[];
  /** How many matched, up to SEARCH_COUNT_CAP. */
  total: number;
  /** More than `total` matched. */
  isMore: boolean;
}

export function createHolderSearch(db: Db) {
  const byName = db.prepare(
    `SELECT h.id FROM holder_names n JOIN holders h ON h.rowid = n.rowid WHERE holder_names MATCH ? LIMIT ?`,
  );
  const byIdentity = db.prepare('SELECT id FROM holders WHERE identity_country = ? AND identity_number = ?');
  const byCard = db.prepare(
    `SELECT DISTINCT holder_id AS id FROM cards WHERE printed_number >= ? AND printed_number < ? LIMIT ?`,
  );

  return function search(query: string, limit: number): SearchIds {
    // One row past the cap says "more than" without counting the rest.
    const upTo = Math.max(limit, SEARCH_COUNT_CAP) + 1;
    const found = new Set<string>();
    const compact = query.replace(/[\s+-]/g, '');
    if (/^\d{6,12}$/.test(compact)) {
      for (const country of COUNTRIES) {
        const parsed = parseIdentityNumber(query, country);
        if (parsed.ok) {
          const row = byIdentity.get(country, parsed.value.canonical) as SearchHit | undefined;
          if (row) found.add(row.id);
        }
      }
    }
    const cardPrefix = query.trim().toUpperCase();
    if (/^[A-Z0-9-]{3,32}$/.test(cardPrefix) && /\d/.test(cardPrefix)) {
      for (const row of byCard.all(cardPrefix, `${cardPrefix}\u{10ffff}`, upTo) as SearchHit[])
        found.add(row.id);
    }
    const tokens = nameTokens(query);
    if (tokens.length > 0 && found.size < upTo) {
      for (const row of byName.all(ftsQuery(tokens), upTo) as SearchHit[]) found.add(row.id);
    }
    const all = [...found];
    const cap = Math.max(limit, SEARCH_COUNT_CAP);
    return { ids: all.slice(0, limit), total: Math.min(all.length, cap), isMore: all.length > cap };
  };
}
