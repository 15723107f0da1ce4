// Reads for production: the queue the screen shows, and what a card's face needs.
import type { ProductionCard } from '../../../src-shared/api/methods/production';
import type { CardFaceFacts } from '../../../src-shared/domain/card-face';
import type { CardKind, CardState } from '../../../src-shared/domain/card-states';
import {
  parseOrganisationNumber,
  type OrganisationCountry,
} from '../../../src-shared/domain/organisation-number';
import type { Db } from '../store/database';
import type { FacePhoto } from './card-face-pdf';
import type { ProductionChannel } from './card-producer';

interface CardRow {
  card_id: string;
  holder_id: string;
  given_name: string;
  family_name: string;
  employer_name: string | null;
  org_country: OrganisationCountry | null;
  org_number: string | null;
  printed_number: string;
  kind: CardKind;
  state: CardState;
  valid_from: string | null;
  valid_until: string | null;
  site: string | null;
  holder_site: string | null;
  production_error: string | null;
  order_id: string | null;
  job_channel: ProductionChannel | null;
  job_batch: string | null;
  job_ref: string | null;
  job_state: NonNullable<ProductionCard['job']>['state'] | null;
  job_started: string | null;
}

const CARD_SELECT = `
  SELECT c.id AS card_id, c.holder_id, h.given_name, h.family_name, o.name AS employer_name,
         o.country AS org_country, o.number AS org_number, c.printed_number, c.kind, c.state,
         c.valid_from, c.valid_until, c.site, h.site AS holder_site, c.production_error, c.order_id,
         j.channel AS job_channel, j.batch_id AS job_batch, j.ref AS job_ref, j.state AS job_state,
         j.started_at AS job_started
  FROM cards c
  JOIN holders h ON h.id = c.holder_id
  LEFT JOIN organisations o ON o.id = h.organisation_id
  LEFT JOIN production_jobs j ON j.rowid = (
    SELECT rowid FROM production_jobs WHERE card_id = c.id ORDER BY started_at DESC, rowid DESC LIMIT 1)`;

/** Physical cards only: a mobile visual ID is never printed. */
const PHYSICAL = `c.kind <> 'mobile_id'`;

function problemOf(stored: string | null): ProductionCard['productionError'] {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as ProductionCard['productionError'];
    return value && typeof value.code === 'string'
      ? { code: value.code, params: value.params ?? {}, at: value.at ?? '' }
      : null;
  } catch {
    return null;
  }
}

function organisationNumber(row: CardRow): string | null {
  if (!row.org_number || !row.org_country) return row.org_number;
  const parsed = parseOrganisationNumber(row.org_number, row.org_country);
  return parsed.ok ? parsed.value.display : row.org_number;
}

function toCard(row: CardRow): ProductionCard {
  return {
    cardId: row.card_id,
    holderId: row.holder_id,
    givenName: row.given_name,
    familyName: row.family_name,
    employerName: row.employer_name,
    printedNumber: row.printed_number,
    kind: row.kind,
    state: row.state,
    validUntil: row.valid_until,
    site: row.site ?? row.holder_site,
    productionError: problemOf(row.production_error),
    job:
      row.job_channel && row.job_batch && row.job_state && row.job_started
        ? {
            channel: row.job_channel,
            batchId: row.job_batch,
            ref: row.job_ref,
            state: row.job_state,
            startedAt: row.job_started,
          }
        : null,
  };
}

export interface FaceSource {
  card: ProductionCard;
  facts: CardFaceFacts;
  photo: FacePhoto | null;
}

export function createProductionViews(db: Db) {
  const byState = db.prepare(
    `${CARD_SELECT} WHERE c.state = ? AND ${PHYSICAL} ORDER BY c.state_changed_at, c.rowid`,
  );
  const byId = db.prepare(`${CARD_SELECT} WHERE c.id = ?`);
  const orderPhoto = db.prepare('SELECT mime, bytes FROM order_photos WHERE order_id = ?');
  const holderPhoto = db.prepare('SELECT mime, bytes FROM holder_photos WHERE holder_id = ?');

  function photoOf(row: CardRow): FacePhoto | null {
    // The photo approved with the order is the one printed; cards from before orders use the holder's.
    const photo = ((row.order_id ? orderPhoto.get(row.order_id) : undefined) ??
      holderPhoto.get(row.holder_id)) as { mime: string; bytes: Buffer } | undefined;
    return photo ? { mime: photo.mime, bytes: new Uint8Array(photo.bytes) } : null;
  }

  return {
    queue() {
      return {
        waiting: (byState.all('approved') as CardRow[]).map(toCard),
        inProduction: (byState.all('in_production') as CardRow[]).map(toCard),
      };
    },
    /** Everything printed on the card, and the photo. */
    face(cardId: string): FaceSource | undefined {
      const row = byId.get(cardId) as CardRow | undefined;
      if (!row) return undefined;
      const photo = photoOf(row);
      const card = toCard(row);
      return {
        card,
        photo,
        facts: {
          givenName: row.given_name,
          familyName: row.family_name,
          employerName: row.employer_name,
          organisationNumber: organisationNumber(row),
          printedNumber: row.printed_number,
          validFrom: row.valid_from,
          validUntil: row.valid_until,
          kind: row.kind,
          site: card.site,
          hasPhoto: photo !== null,
        },
      };
    },
  };
}
