// End to end with card readers: the desk runs its real PC/SC backend (`readers: 'system'`) against the
// pcscd that scripts/pcscd-harness.sh starts, and virtual cards are tapped on vpcd's readers. Run:
//   bash scripts/pcscd-harness.sh -- npx playwright test --project readers
import type { Page } from '@playwright/test';
import { generateIdentityNumber } from '../../../src-shared/domain/identity-number';
import { generateOrganisationNumber } from '../../../src-shared/domain/organisation-number';
import { isPcscdRunning, pcscdHarness, startPcscd } from '../../harness/pcscd';
import { typed, type TypedConnection } from '../../harness/test-desk';
import {
  ATR_MIFARE_CLASSIC_1K,
  createVirtualCard,
  VPCD_PORT_READER_0,
  VPCD_READER_0,
  type VirtualCard,
} from '../../harness/virtual-card';
import { ADMIN, expect, test as base, type DeskFixture } from '../fixtures';
import { logIn, portraitPng } from '../helpers';

export const READER_0_ID = `pcsc:${VPCD_READER_0}`;

export interface HolderSeed {
  givenName: string;
  familyName: string;
  employer?: string;
  hasPhoto?: boolean;
  cards: { printedNumber: string; uid?: string; validUntil?: string }[];
}

export interface ReaderDesk {
  /** The first administrator, logged in over the API (created before the test starts). */
  admin: TypedConnection;
  /** Creates a holder (with employer and photo) and their cards; binds each card's chip UID if given. */
  seedHolder(seed: HolderSeed): Promise<{ holderId: string; cardIds: string[] }>;
  /** Presents a card with this UID (hex) to "Virtual PCD 00 00" and takes it away once it was read. */
  tap(uid: string): Promise<void>;
}

async function waitForReader(admin: TypedConnection): Promise<void> {
  await expect
    .poll(
      async () => {
        const overview = await admin.must('readers.list', {});
        return overview.readers.find((r) => r.id === READER_0_ID)?.state;
      },
      { timeout: 10_000, message: `${VPCD_READER_0} did not appear: is pcscd with vpcd running?` },
    )
    .toBe('idle');
}

function createReaderDesk(desk: DeskFixture, admin: TypedConnection, cards: VirtualCard[]): ReaderDesk {
  const organisations = new Map<string, string>();
  let serial = 0;

  async function organisationId(name: string): Promise<string> {
    const known = organisations.get(name);
    if (known) return known;
    const created = await admin.must('organisations.create', {
      name,
      country: 'SE',
      number: generateOrganisationNumber('SE', 4700 + organisations.size),
    });
    organisations.set(name, created.id);
    return created.id;
  }

  return {
    admin,
    async seedHolder(seed) {
      serial += 1;
      const holder = await admin.must('holders.create', {
        givenName: seed.givenName,
        familyName: seed.familyName,
        identityCountry: 'SE',
        identityNumber: generateIdentityNumber('SE', new Date('1984-03-14'), 300 + serial),
        organisationId: seed.employer ? await organisationId(seed.employer) : null,
        hasEid: true,
        ...(seed.hasPhoto === false
          ? {}
          : { photo: { mime: 'image/png', base64: portraitPng().toString('base64') } }),
      });
      const cardIds: string[] = [];
      for (const card of seed.cards) {
        const created = await admin.must('cards.register', {
          holderId: holder.id,
          kind: 'access_card',
          printedNumber: card.printedNumber,
          validUntil: card.validUntil ?? '2030-12-31',
        });
        if (card.uid) {
          await admin.must('cards.bindCredential', {
            cardId: created.id,
            technology: 'iso14443a_uid',
            hex: card.uid,
          });
        }
        cardIds.push(created.id);
      }
      return { holderId: holder.id, cardIds };
    },
    async tap(uid) {
      const card = createVirtualCard({
        atr: ATR_MIFARE_CLASSIC_1K,
        uid: Uint8Array.from(Buffer.from(uid, 'hex')),
        port: VPCD_PORT_READER_0,
      });
      cards.push(card);
      const answered = card.nextApdu();
      await card.insert();
      await answered;
      await card.close();
    },
  };
}

const HARNESS_COMMAND = 'bash scripts/pcscd-harness.sh -- npx playwright test --project readers';

function requireHarness(): void {
  try {
    pcscdHarness();
  } catch {
    throw new Error(`These tests need pcscd with vpcd: run them through the harness: ${HARNESS_COMMAND}`);
  }
}

export const test = base.extend<{ reader: ReaderDesk }>({
  deskReaders: 'system',
  reader: async ({ desk }, use) => {
    // Outside the harness, fail at once with the command to use (these tests never skip).
    requireHarness();
    await desk.seedAdmin();
    const admin = typed(desk.desk.connect());
    await admin.must('session.login', { username: ADMIN.username, password: ADMIN.password });
    await waitForReader(admin);
    const cards: VirtualCard[] = [];
    await use(createReaderDesk(desk, admin, cards));
    for (const card of cards) await card.close();
    admin.raw.close();
    // A test that stopped pcscd and failed half-way must not take the next tests with it.
    if (pcscdHarness().ownsPcscd && !isPcscdRunning()) await startPcscd();
  },
});

/**
 * Playwright hands Chromium each key only once the one before it was handled, so a burst it types
 * arrives one rendered frame apart (~33 ms) whenever the page is drawing: right at the 35 ms default
 * a wedge reader is told from a person by. A real reader's keys carry the operating system's own
 * times. Tests that type a burst widen the gap to 100 ms, and type as a person at 300 ms.
 */
export const PLAYWRIGHT_WEDGE_GAP_MS = 100;
export const PERSON_KEY_DELAY_MS = 300;

export async function widenWedgeGap(admin: TypedConnection): Promise<void> {
  const { settings } = await admin.must('readers.settings', {});
  await admin.must('readers.configure', {
    ...settings,
    wedge: { ...settings.wedge, maxInterKeyMs: PLAYWRIGHT_WEDGE_GAP_MS },
  });
}

/** Opens the desk and logs in (the administrator, or an operator the test created). */
export async function openDesk(
  page: Page,
  desk: DeskFixture,
  username = ADMIN.username,
  password = ADMIN.password,
) {
  await page.goto(desk.url);
  await expect(page.getByTestId('login-username')).toBeFocused();
  await logIn(page, username, password);
}

export { expect };
export { screenshot } from '../fixtures';
