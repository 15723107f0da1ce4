import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIdentityNumber, type IdentityCountry } from '../../../src-shared/domain/identity-number';
import { parseOrganisationNumber } from '../../../src-shared/domain/organisation-number';
import { inspectPhoto } from '../../../src-shared/domain/photo';
import { createIdentifier } from '../../../src-main/core/readers/identify';
import { openDatabase, type Db } from '../../../src-main/core/store/database';
import { cardsToTry } from '../../../scripts/demo-data/cards-to-try';
import { generateDemoData } from '../../../scripts/demo-data/generate';
import { fullName } from '../../../src-shared/domain/full-name';
import { hexToBytes } from '../../../src-shared/credentials/credential';

const dirs: string[] = [];
function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-demo-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'desk.sqlite'));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('demo data', () => {
  it('makes exactly the holders asked for, with valid check digits, photos and identifiable cards', () => {
    const db = freshDb();
    const summary = generateDemoData(db, { holders: 400, photos: 20 });
    expect(summary.holders).toBe(400);
    expect(summary.photos).toBe(20);
    const holders = db.prepare('SELECT identity_country AS c, identity_number AS n FROM holders').all() as {
      c: IdentityCountry;
      n: string;
    }[];
    expect(new Set(holders.map((h) => h.c))).toEqual(new Set(['SE', 'DK', 'NO']));
    for (const h of holders) expect(parseIdentityNumber(h.n, h.c).ok, `${h.c} ${h.n}`).toBe(true);
    for (const o of db.prepare('SELECT country, number FROM organisations').all() as {
      country: IdentityCountry;
      number: string;
    }[]) {
      expect(parseOrganisationNumber(o.number, o.country).ok, o.number).toBe(true);
    }
    for (const bytes of db.prepare('SELECT bytes FROM holder_photos').pluck().all() as Buffer[]) {
      expect(inspectPhoto(bytes).ok).toBe(true);
    }
    const uid = db.prepare('SELECT bytes FROM credentials LIMIT 1').pluck().get() as Buffer;
    const found = createIdentifier(db).identify(
      { technology: 'iso14443a_uid', bytes: new Uint8Array(uid) },
      'hex',
      '2026-11-24',
    );
    expect(found.holder).not.toBeNull();
    db.close();
  });

  it('names a card of each status to tap, and a tap of each shows that holder with that status', () => {
    const db = freshDb();
    generateDemoData(db, { holders: 300, photos: 10 });
    const today = '2026-11-24';
    const cards = cardsToTry(db, today);
    expect(cards.map((c) => c.status)).toEqual(['active', 'blocked', 'expired']);
    const { identify } = createIdentifier(db);
    for (const card of cards) {
      const bytes = hexToBytes(card.uid);
      expect(bytes.ok, card.uid).toBe(true);
      if (!bytes.ok) continue;
      const found = identify({ technology: 'iso14443a_uid', bytes: bytes.value }, 'hex', today);
      expect(found.status, card.uid).toBe(card.status);
      expect(found.holder && fullName(found.holder)).toBe(card.holder);
      expect(found.card?.printedNumber).toBe(card.printedNumber);
    }
    // The first suggestion is a holder with a photo, so the demo shows one.
    const [active] = cards;
    const photoOwner = db
      .prepare(
        `SELECT count(*) FROM holder_photos p JOIN cards c ON c.holder_id = p.holder_id WHERE c.printed_number = ?`,
      )
      .pluck()
      .get(active!.printedNumber);
    expect(photoOwner).toBe(1);
    db.close();
  });

  it('is deterministic: the same seed gives the same desk', () => {
    const rows = (db: Db) =>
      db.prepare('SELECT given_name, family_name, identity_number, email FROM holders ORDER BY id').all();
    const a = freshDb();
    const b = freshDb();
    generateDemoData(a, { holders: 150, photos: 0, seed: 7 });
    generateDemoData(b, { holders: 150, photos: 0, seed: 7 });
    expect(rows(a)).toEqual(rows(b));
    a.close();
    b.close();
  });
});
