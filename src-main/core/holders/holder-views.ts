import type { Card, HolderDetail, HolderSummary } from '../../../src-shared/api/schemas';
import {
  maskIdentityNumber,
  parseIdentityNumber,
  type IdentityCountry,
} from '../../../src-shared/domain/identity-number';
import type { Db } from '../store/database';
import { toOrganisation, type OrganisationRow } from '../organisations/organisation-rows';
import { cardsOfHolders } from '../cards/card-views';

export interface HolderRow {
  id: string;
  given_name: string;
  family_name: string;
  identity_country: IdentityCountry;
  identity_number: string;
  birth_date: string;
  email: string | null;
  phone: string | null;
  organisation_id: string | null;
  has_eid: number;
  site: string | null;
  created_at: string;
  updated_at: string;
}

export function identityNumberFor(row: HolderRow, showFull: boolean): string {
  const parsed = parseIdentityNumber(row.identity_number, row.identity_country);
  if (!parsed.ok) return showFull ? row.identity_number : '****';
  return showFull ? parsed.value.display : maskIdentityNumber(parsed.value);
}

export function createHolderViews(db: Db) {
  const holder = db.prepare('SELECT * FROM holders WHERE id = ?');
  const organisation = db.prepare('SELECT * FROM organisations WHERE id = ?');
  const hasPhoto = db.prepare('SELECT 1 FROM holder_photos WHERE holder_id = ?').pluck();
  const holderWithEmployer = db.prepare(
    `SELECT h.*, o.name AS employer_name FROM holders h LEFT JOIN organisations o ON o.id = h.organisation_id
     WHERE h.id = ?`,
  );

  function summary(
    row: HolderRow,
    showFull: boolean,
    cards: Card[],
    employerName: string | null,
  ): HolderSummary {
    return {
      id: row.id,
      givenName: row.given_name,
      familyName: row.family_name,
      employerName,
      identityNumber: identityNumberFor(row, showFull),
      birthDate: row.birth_date,
      cardNumbers: cards.map((c) => c.printedNumber),
      hasPhoto: hasPhoto.get(row.id) !== undefined,
    };
  }

  return {
    summaries(ids: string[], showFull: boolean): HolderSummary[] {
      if (ids.length === 0) return [];
      const marks = ids.map(() => '?').join(',');
      const rows = db
        .prepare(
          `SELECT h.*, o.name AS employer_name FROM holders h LEFT JOIN organisations o ON o.id = h.organisation_id
           WHERE h.id IN (${marks})`,
        )
        .all(...ids) as (HolderRow & { employer_name: string | null })[];
      const cards = cardsOfHolders(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids
        .map((id) => byId.get(id))
        .filter((r): r is HolderRow & { employer_name: string | null } => r !== undefined)
        .map((r) => summary(r, showFull, cards.get(r.id) ?? [], r.employer_name));
    },
    /** One holder's summary and cards, reading the cards once (a tap needs both). */
    withCards(id: string, showFull: boolean): { summary: HolderSummary; cards: Card[] } | undefined {
      const row = holderWithEmployer.get(id) as (HolderRow & { employer_name: string | null }) | undefined;
      if (!row) return undefined;
      const cards = cardsOfHolders(db, [id]).get(id) ?? [];
      return { summary: summary(row, showFull, cards, row.employer_name), cards };
    },
    detail(id: string, showFull: boolean): HolderDetail | undefined {
      const row = holder.get(id) as HolderRow | undefined;
      if (!row) return undefined;
      const org = row.organisation_id
        ? toOrganisation(organisation.get(row.organisation_id) as OrganisationRow)
        : null;
      const cards = cardsOfHolders(db, [id]).get(id) ?? [];
      return {
        ...summary(row, showFull, cards, org?.name ?? null),
        identityCountry: row.identity_country,
        isIdentityNumberMasked: !showFull,
        email: row.email,
        phone: row.phone,
        organisation: org,
        hasEid: row.has_eid === 1,
        site: row.site,
        cards,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },
  };
}
