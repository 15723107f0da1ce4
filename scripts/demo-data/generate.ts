// Fills a desk database with realistic, deterministic Nordic demo data: organisations with valid
// organisation numbers, holders with valid identity numbers, cards with chip credentials, photos.
// A bulk seed, not desk activity: it writes the tables directly in large transactions and records
// one audit event for the whole import.
import { createHash } from 'node:crypto';
import { generateIdentityNumber, type IdentityCountry } from '../../src-shared/domain/identity-number';
import { generateOrganisationNumber } from '../../src-shared/domain/organisation-number';
import { createOperationRunner } from '../../src-main/core/ops/operations';
import type { Db } from '../../src-main/core/store/database';
import { searchableName } from '../../src-main/core/holders/holder-search';
import { matchKeys } from '../../src-shared/credentials/matching';
import { NAMES, ORGANISATION_WORDS, PLACES, SITES, SUFFIX } from './names';
import { portraitPng } from './photo';

export interface DemoOptions {
  holders: number;
  /** How many holders get a photo (photos are generated, ~2 kB each). */
  photos?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  organisations: number;
  holders: number;
  cards: number;
  photos: number;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES: IdentityCountry[] = ['SE', 'SE', 'NO', 'DK'];
const DAY = 86_400_000;
const FIRST_BIRTH = Date.UTC(1955, 0, 1);
const BIRTH_DAYS = 18_000; // ~1955–2004
const BATCH = 10_000;
const NOW = '2026-11-24T08:00:00.000Z';

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function uuidFrom(kind: string, n: number): string {
  const h = createHash('sha1').update(`${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function generateDemoData(db: Db, options: DemoOptions): DemoSummary {
  const random = prng(options.seed ?? 20261124);
  const photoCount = Math.min(options.photos ?? Math.min(options.holders, 500), options.holders);
  const orgCount = Math.max(3, Math.min(3000, Math.ceil(options.holders / 40)));
  const orgIds: string[] = [];

  const insertOrg = db.prepare(
    'INSERT OR IGNORE INTO organisations (id, name, country, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < orgCount; i++) {
      const country = COUNTRIES[i % COUNTRIES.length]!;
      const name = `${pick(random, PLACES)}${pick(random, ORGANISATION_WORDS).toLowerCase()} ${SUFFIX[country]}`;
      const id = uuidFrom('org', i);
      if (insertOrg.run(id, name, country, generateOrganisationNumber(country, i + 1), NOW, NOW).changes)
        orgIds.push(id);
    }
  })();

  const insertHolder = db.prepare(
    `INSERT OR IGNORE INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, email, phone,
       organisation_id, has_eid, site, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertName = db.prepare('INSERT INTO holder_names (rowid, name) VALUES (?, ?)');
  const insertPhoto = db.prepare(
    'INSERT INTO holder_photos (holder_id, mime, bytes, sha256) VALUES (?, ?, ?, ?)',
  );
  const insertCard = db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, block_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCredential = db.prepare(
    'INSERT OR IGNORE INTO credentials (id, card_id, technology, bytes, bound_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertKey = db.prepare('INSERT OR IGNORE INTO credential_keys (key, credential_id) VALUES (?, ?)');

  const summary: DemoSummary = { organisations: orgIds.length, holders: 0, cards: 0, photos: 0 };
  for (let start = 0; start < options.holders; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + BATCH, options.holders); i++) {
        const country = COUNTRIES[i % COUNTRIES.length]!;
        const names = NAMES[country];
        const given = pick(random, names.given);
        const family = pick(random, names.family);
        // Day and serial from the index keep every (date, serial) pair distinct: no duplicate numbers.
        const birth = new Date(FIRST_BIRTH + (i % BIRTH_DAYS) * DAY);
        const identity = generateIdentityNumber(country, birth, Math.floor(i / BIRTH_DAYS));
        const id = uuidFrom('holder', i);
        const email =
          `${given}.${family}.${i}@example.${country.toLowerCase() === 'se' ? 'se' : country.toLowerCase()}`
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/[øØ]/g, 'o')
            .replace(/[æÆ]/g, 'ae')
            .toLowerCase();
        const phone = `+${country === 'SE' ? '46 70' : country === 'DK' ? '45 20' : '47 90'} ${String(1_000_000 + i).slice(-7)}`;
        const inserted = insertHolder.run(
          id,
          given,
          family,
          country,
          identity,
          birth.toISOString().slice(0, 10),
          email,
          phone,
          pick(random, orgIds),
          random() < 0.9 ? 1 : 0,
          pick(random, SITES),
          NOW,
          NOW,
        );
        if (!inserted.changes) continue;
        summary.holders += 1;
        insertName.run(inserted.lastInsertRowid, searchableName(given, family));
        if (i < photoCount) {
          const png = portraitPng(i);
          insertPhoto.run(id, 'image/png', png, createHash('sha256').update(png).digest('hex'));
          summary.photos += 1;
        }
        const cards = random() < 0.1 ? 2 : 1;
        for (let c = 0; c < cards; c++) {
          const cardId = uuidFrom('card', i * 2 + c);
          const isId06 = random() < 0.3;
          const state = c === 0 && cards === 2 ? 'blocked' : random() < 0.03 ? 'expired' : 'active';
          insertCard.run(
            cardId,
            id,
            isId06 ? 'id06' : 'access_card',
            `${isId06 ? 'ID06' : 'AC'}-${String(i * 2 + c).padStart(7, '0')}`,
            state,
            '2025-01-01',
            state === 'expired' ? '2026-01-31' : '2028-12-31',
            state === 'blocked' ? 'lost' : null,
            NOW,
            NOW,
          );
          const uid = Buffer.alloc(random() < 0.6 ? 4 : 7);
          for (let b = 0; b < uid.length; b++) uid[b] = Math.floor(random() * 256);
          if (uid.length === 7) uid[0] = 0x04; // NXP's manufacturer byte leads 7-byte UIDs
          const credentialId = uuidFrom('credential', i * 2 + c);
          if (insertCredential.run(credentialId, cardId, 'iso14443a_uid', uid, NOW).changes) {
            for (const key of matchKeys({ technology: 'iso14443a_uid', bytes: new Uint8Array(uid) })) {
              insertKey.run(key, credentialId);
            }
          }
          summary.cards += 1;
        }
      }
    })();
    options.onProgress?.(Math.min(start + BATCH, options.holders), options.holders);
  }

  const ops = createOperationRunner(
    db,
    { now: () => Date.parse(NOW) },
    { bytes: (n) => new Uint8Array(n).map(() => Math.floor(random() * 256)) },
    'demo-seed',
  );
  ops.record('demo.seed', null, null, { ...summary });
  return summary;
}
