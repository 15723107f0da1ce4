// Bad input on every card-action and mobile-ID method: malformed, oversized, hostile, repeated or out
// of order. Each call gets a clear refusal and the database is exactly as before.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHolder, insertReadyCard } from '../../../../harness/ready-cards';
import { startTestDesk, type TestDesk, type TypedConnection } from '../../../../harness/test-desk';

const METHODS = [
  'cards.handOver',
  'cards.block',
  'cards.unblock',
  'cards.terminate',
  'cards.suspend',
  'cards.resume',
  'cards.bindCredential',
  'mobileIds.reinvite',
  'mobileIds.reportLostPhone',
] as const;

let t: TestDesk;
let reception: TypedConnection;
let ids: { ready: string; mobile: string; active: string; blockId: string };

beforeAll(async () => {
  t = await startTestDesk();
  reception = await t.loginAs(['reception']);
  const holderId = await createHolder(t.admin);
  const ready = insertReadyCard(t.desk.db, holderId, 'AB4000000001', {});
  const active = insertReadyCard(t.desk.db, holderId, 'AB4000000002');
  await reception.must('cards.handOver', {
    cardId: active.cardId,
    faceChecked: true,
    chip: { technology: 'iso14443a_uid', hex: '04C1C2C3C4C5C6' },
  });
  const other = insertReadyCard(t.desk.db, holderId, 'AB4000000003');
  await reception.must('cards.handOver', {
    cardId: other.cardId,
    faceChecked: true,
    chip: { technology: 'iso14443a_uid', hex: '04D1D2D3D4D5D6' },
  });
  const { blockId } = await reception.must('cards.block', { cardId: other.cardId, reason: 'stolen' });
  ids = { ready: ready.cardId, mobile: ready.mobileId!, active: active.cardId, blockId };
}, 60_000);
afterAll(() => t.close());

function snapshot(): string {
  const db = t.desk.db;
  return JSON.stringify(
    ['cards', 'credentials', 'credential_keys', 'blocks', 'block_cards', 'invitations', 'outbox'].map(
      (table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(),
    ),
  );
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '   ',
    '<script>alert(1)</script>',
    "'; DROP TABLE cards; --",
    '\u202eevil',
    'x'.repeat(501),
    'a\u0000b',
    '../../etc/passwd',
  ),
);
const hexText = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 200 });
const idLike = fc.oneof(
  fc.uuid(),
  fc.constantFrom('', 'not-an-id', '00000000-0000-0000-0000-000000000000', 'x'.repeat(10_000)),
  fc.string({ maxLength: 40 }),
);
const anyValue = fc.oneof(fc.anything(), hostileText, idLike, fc.integer(), fc.constant(null));

/** Inputs of roughly the right shape with something wrong in them, and anything at all. */
function hostileInput() {
  return fc.oneof(
    fc.anything(),
    fc.record(
      {
        cardId: idLike,
        blockId: idLike,
        reason: fc.oneof(hostileText, fc.constantFrom('lost', 'LOST', 'left_employment', 'other')),
        note: fc.oneof(hostileText, fc.constant(null)),
        faceChecked: fc.oneof(fc.boolean(), fc.constant('true'), fc.constant(1)),
        chip: fc.oneof(
          anyValue,
          fc.record({
            technology: hostileText,
            hex: fc.oneof(hostileText, hexText),
          }),
        ),
        technology: hostileText,
        hex: fc.oneof(hostileText, hexText),
        replacement: anyValue,
        extra: anyValue,
      },
      { requiredKeys: [] },
    ),
  );
}

describe('hostile input to the card actions', () => {
  it('is refused with a code and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), hostileInput(), async (method, input) => {
        const before = snapshot();
        const result = await reception.raw.call(method, input);
        // Random input may by chance be valid for an unknown id: then it is not_found, still nothing written.
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).not.toBe('internal');
        expect(snapshot()).toBe(before);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('real ids with wrong values, repeated and out of order: refused, nothing written', async () => {
    const cases: [string, unknown][] = [
      [
        'cards.handOver',
        {
          cardId: ids.active,
          faceChecked: true,
          chip: { technology: 'iso14443a_uid', hex: '04E1E2E3E4E5E6' },
        },
      ],
      [
        'cards.handOver',
        {
          cardId: ids.ready,
          faceChecked: true,
          chip: { technology: 'iso14443a_uid', hex: '04C1C2C3C4C5C6' },
        },
      ],
      [
        'cards.handOver',
        { cardId: ids.ready, faceChecked: true, chip: { technology: 'iso14443a_uid', hex: '0' } },
      ],
      [
        'cards.handOver',
        {
          cardId: ids.mobile,
          faceChecked: true,
          chip: { technology: 'iso14443a_uid', hex: '04F1F2F3F4F5F6' },
        },
      ],
      ['cards.block', { cardId: ids.ready, reason: 'lost' }],
      ['cards.block', { cardId: ids.active, reason: 'stolen', note: 'x'.repeat(501) }],
      ['cards.block', { cardId: ids.active, reason: 'other' }],
      ['cards.unblock', { cardId: ids.active, blockId: ids.blockId, note: 'Found it' }],
      ['cards.terminate', { cardId: ids.ready, note: 'Never collected' }],
      ['cards.suspend', { cardId: ids.active, note: 'On leave' }],
      ['cards.resume', { cardId: ids.active }],
      ['mobileIds.reportLostPhone', { cardId: ids.active }],
      ['mobileIds.reinvite', { cardId: ids.active }],
      ['cards.bindCredential', { cardId: ids.ready, technology: 'iso14443a_uid', hex: '04A9A9A9A9A9A9' }],
      ['cards.bindCredential', { cardId: ids.active, technology: 'iso14443a_uid', hex: '04A9A9A9A9A9A9' }],
      [
        'cards.bindCredential',
        {
          cardId: ids.active,
          technology: 'iso14443a_uid',
          hex: '04A9A9A9A9A9A9',
          replacement: { reason: 'other', note: '' },
        },
      ],
    ];
    for (const [method, input] of cases) {
      const before = snapshot();
      const result = await reception.raw.call(method, input);
      expect(result.ok, `${method} ${JSON.stringify(input).slice(0, 120)}`).toBe(false);
      expect(snapshot()).toBe(before);
    }
  });
});
