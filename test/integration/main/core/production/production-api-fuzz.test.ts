// Hostile input on every production method: malformed, oversized, repeated or out-of-order calls
// are refused with a clear code, and a refused call writes nothing.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../../../src-shared/api/methods';
import { createKeyFileStore } from '../../../../../src-main/core/keys/adapters/key-file-store';
import { approvedCard, type ApprovedCard } from '../../../../harness/approved-cards';
import { startTestDesk, type TestDesk, type TypedConnection } from '../../../../harness/test-desk';

const PRODUCTION_METHODS = (Object.keys(methods) as MethodName[]).filter((m) => m.startsWith('production.'));
let t: TestDesk;
let admin: TypedConnection;
let card: ApprovedCard;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-fuzz-'));
  mkdirSync(join(root, 'out'));
  mkdirSync(join(root, 'in'));
  t = await startTestDesk({
    // A printer on a port nothing listens on: a call that gets through fails at the printer, visibly.
    production: {
      printer: { name: 'CardPDF', server: '127.0.0.1:9' },
      issuer: { batchFolder: join(root, 'out'), answerFolder: join(root, 'in') },
    },
    keyStore: createKeyFileStore({ dir: join(root, 'keys') }),
  });
  admin = await t.loginAs(['card_admin']);
  card = await approvedCard(t.admin, t.desk.db, { givenName: 'Anna', familyName: 'Lind' });
});
afterAll(() => t.close());

const written = () => ['production_jobs', 'outbox', 'audit_events', 'cards'].map((table) => t.count(table));
const cardsState = () => t.desk.db.prepare('SELECT id, state, production_error FROM cards').all();

describe('production methods under hostile input', () => {
  it('are all in the contract, for card administrators only', () => {
    expect(PRODUCTION_METHODS.sort()).toEqual(
      [
        'production.checkJobs',
        'production.facePdf',
        'production.preview',
        'production.print',
        'production.queue',
        'production.readAnswers',
        'production.retry',
        'production.writeBatch',
      ].sort(),
    );
    for (const m of PRODUCTION_METHODS) expect(methods[m].access).toEqual(['card_admin', 'admin']);
  });

  it('refuse anything that is not their input and write nothing', async () => {
    const hostile = fc.oneof(
      fc.anything(),
      fc.record({ cardIds: fc.anything() }),
      fc.record({ cardId: fc.anything() }),
      fc.record({ cardIds: fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }) }),
      fc.record({ cardIds: fc.constant([]) }),
      fc.record({ cardIds: fc.array(fc.uuid(), { minLength: 51, maxLength: 600 }) }),
      fc.record({ cardId: fc.string({ minLength: 1000, maxLength: 5000 }) }),
      fc.record({ cardIds: fc.constant([crypto.randomUUID()]), extra: fc.anything() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PRODUCTION_METHODS), hostile, async (method, input) => {
        const before = [written(), cardsState()];
        const result = await admin.raw.call(method, input);
        if (!result.ok) {
          expect(['bad_request', 'not_found']).toContain(result.error.code);
          expect([written(), cardsState()]).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a card listed twice, or a card that does not exist beside a real one, moves no card', async () => {
    const before = [written(), cardsState()];
    expect(await admin.call('production.print', { cardIds: [card.cardId, card.cardId] })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(
      await admin.call('production.writeBatch', { cardIds: [card.cardId, crypto.randomUUID()] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect([written(), cardsState()]).toEqual(before);
  });

  it('out of order: a card already in production cannot be sent again, and answers before any batch change nothing', async () => {
    const before = [written(), cardsState()];
    expect(await admin.must('production.readAnswers', {})).toEqual({
      produced: 0,
      failed: 0,
      stillWaiting: 0,
      alreadyApplied: 0,
      notices: [],
    });
    expect([written(), cardsState()]).toEqual(before);
    await admin.must('production.writeBatch', { cardIds: [card.cardId] });
    expect(await admin.call('production.print', { cardIds: [card.cardId] })).toMatchObject({
      ok: false,
      error: { code: 'already_in_state', params: { state: 'in_production' } },
    });
  });
});
