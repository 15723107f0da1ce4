// Batches for an external card issuer: written signed to its folder, answered by a real peer that
// verifies the signatures (test/harness/issuer-peer.ts), and the answers read back strictly.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyFileStore } from '../../../../../src-main/core/keys/adapters/key-file-store';
import { ANSWER_FORMAT } from '../../../../../src-main/core/production/adapters/issuer-batch';
import { approvedCard, type ApprovedCard } from '../../../../harness/approved-cards';
import { answerBatches } from '../../../../harness/issuer-peer';
import { startTestDesk, type TestDesk } from '../../../../harness/test-desk';

let t: TestDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function deskWithIssuer() {
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-issuer-'));
  const folders = { batchFolder: join(root, 'out'), answerFolder: join(root, 'in') };
  mkdirSync(folders.batchFolder);
  mkdirSync(folders.answerFolder);
  t = await startTestDesk({
    production: { issuer: folders },
    keyStore: createKeyFileStore({ dir: join(root, 'keys') }),
  });
  return { t, admin: await t.loginAs(['card_admin']), ...folders };
}

const states = (desk: TestDesk) =>
  desk.desk.db.prepare('SELECT id, state, production_error FROM cards ORDER BY id').all();
const counts = (desk: TestDesk) =>
  ['production_jobs', 'outbox', 'audit_events'].map((table) => desk.count(table));

describe('issuer batches', () => {
  it('writes a signed JSON and CSV batch; the issuer verifies it and its answers make cards ready or approved with the reason', async () => {
    const { t, admin, batchFolder, answerFolder } = await deskWithIssuer();
    const a = await approvedCard(t.admin, t.desk.db, { givenName: 'Łukasz Šarūnas', familyName: 'Ŋ' });
    const b = await approvedCard(t.admin, t.desk.db, { givenName: 'Ærling', familyName: 'Øvergård' });

    const run = await admin.must('production.writeBatch', { cardIds: [a.cardId, b.cardId] });
    expect(run.results.map((r) => [r.isAccepted, r.ref])).toEqual([
      [true, run.batchId],
      [true, run.batchId],
    ]);
    expect(
      readdirSync(batchFolder)
        .filter((n) => !n.endsWith('.tmp'))
        .sort(),
    ).toEqual(
      [
        `batch-${run.batchId}.csv`,
        `batch-${run.batchId}.csv.sig`,
        `batch-${run.batchId}.json`,
        `batch-${run.batchId}.json.sig`,
        `desk-${t.desk.id}.pub.pem`,
      ].sort(),
    );

    const issued = answerBatches({
      batchFolder,
      answerFolder,
      decide: (record) =>
        record.cardId === a.cardId
          ? { outcome: 'produced' }
          : { outcome: 'failed', reason: 'Fotot är för mörkt' },
    });
    expect(issued).toHaveLength(1);
    expect(issued[0]!.records.map((r) => `${r.givenName} ${r.familyName}`)).toEqual([
      'Łukasz Šarūnas Ŋ',
      'Ærling Øvergård',
    ]);
    expect(issued[0]!.records[0]!.photo?.mime).toBe('image/png');
    expect(issued[0]!.csv.split('\r\n')[1]).toContain('Łukasz Šarūnas,Ŋ');

    const report = await admin.must('production.readAnswers', {});
    expect(report).toEqual({ produced: 1, failed: 1, stillWaiting: 0, alreadyApplied: 0, notices: [] });
    const queue = await admin.must('production.queue', {});
    expect(queue.waiting.map((c) => [c.cardId, c.productionError?.code, c.productionError?.params])).toEqual([
      [b.cardId, 'issuer_failed', { reason: 'Fotot är för mörkt' }],
    ]);
    expect(
      (t.desk.db.prepare('SELECT state FROM cards WHERE id = ?').get(a.cardId) as { state: string }).state,
    ).toBe('ready');

    // Read again: the same answers are applied once, not twice.
    const before = counts(t);
    expect(await admin.must('production.readAnswers', {})).toMatchObject({
      produced: 0,
      failed: 0,
      alreadyApplied: 2,
    });
    expect(counts(t)).toEqual(before);

    // The refused card goes again in a new batch.
    const retried = await admin.must('production.retry', { cardIds: [b.cardId] });
    expect(retried.runs.map((r) => r.channel)).toEqual(['issuer']);
  });

  it('a batch folder that cannot be written leaves the cards approved with the error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'frontdesk-issuer-'));
    writeFileSync(join(root, 'not-a-folder'), '');
    t = await startTestDesk({
      production: { issuer: { batchFolder: join(root, 'not-a-folder'), answerFolder: join(root, 'in') } },
      keyStore: createKeyFileStore({ dir: join(root, 'keys') }),
    });
    const admin = await t.loginAs(['card_admin']);
    const card = await approvedCard(t.admin, t.desk.db, { givenName: 'Nils', familyName: 'Ek' });
    const run = await admin.must('production.writeBatch', { cardIds: [card.cardId] });
    expect(run.results[0]!.error).toEqual({
      code: 'batch_folder_unavailable',
      params: { folder: join(root, 'not-a-folder') },
    });
    expect((await admin.must('production.queue', {})).waiting[0]!.productionError?.code).toBe(
      'batch_folder_unavailable',
    );
  });

  it('a desk without a key store writes no unsigned batch', async () => {
    const root = mkdtempSync(join(tmpdir(), 'frontdesk-issuer-'));
    t = await startTestDesk({ production: { issuer: { batchFolder: root, answerFolder: root } } });
    const admin = await t.loginAs(['card_admin']);
    const card = await approvedCard(t.admin, t.desk.db, { givenName: 'Nils', familyName: 'Ek' });
    const run = await admin.must('production.writeBatch', { cardIds: [card.cardId] });
    expect(run.results[0]!.error).toEqual({ code: 'batch_key_unavailable', params: {} });
    expect(readdirSync(root)).toEqual([]);
  });

  describe('answer files that are not what the format says change nothing', () => {
    async function withBatch() {
      const desk = await deskWithIssuer();
      const cards: ApprovedCard[] = [
        await approvedCard(desk.t.admin, desk.t.desk.db, { givenName: 'Anna', familyName: 'Lind' }),
        await approvedCard(desk.t.admin, desk.t.desk.db, { givenName: 'Bo', familyName: 'Berg' }),
      ];
      const run = await desk.admin.must('production.writeBatch', { cardIds: [cards[0]!.cardId] });
      return { ...desk, cards, batchId: run.batchId };
    }
    const answer = (batchId: string, lines: unknown[]) =>
      JSON.stringify({ format: ANSWER_FORMAT, batchId, answeredAt: '2026-11-24T10:00:00Z', answers: lines });

    it.each([
      ['not JSON', () => '{"format": '],
      ['not UTF-8', () => Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
      ['an array', () => '[]'],
      ['another format', () => JSON.stringify({ format: 'other/1' })],
      ['deeply nested', () => `${'['.repeat(5000)}${']'.repeat(5000)}`],
      ['larger than 1 MB', () => ' '.repeat(1024 * 1024 + 1)],
    ])('%s is refused whole and named', async (_name, content) => {
      const { t, admin, answerFolder } = await withBatch();
      writeFileSync(join(answerFolder, 'answer-bad.json'), content());
      const before = [states(t), counts(t)];
      const report = await admin.must('production.readAnswers', {});
      expect(report.notices).toEqual([
        { code: 'answer_file_invalid', params: { file: 'answer-bad.json', reason: expect.any(String) } },
      ]);
      expect(report.produced + report.failed).toBe(0);
      expect([states(t), counts(t)]).toEqual(before);
    });

    it('answers with extra fields, a card twice, or a hostile reason are refused whole', async () => {
      const { t, admin, answerFolder, cards, batchId } = await withBatch();
      const line = { cardId: cards[0]!.cardId, printedNumber: cards[0]!.printedNumber, outcome: 'produced' };
      writeFileSync(join(answerFolder, 'answer-1.json'), answer(batchId, [{ ...line, extra: 1 }]));
      writeFileSync(join(answerFolder, 'answer-2.json'), answer(batchId, [line, line]));
      writeFileSync(
        join(answerFolder, 'answer-3.json'),
        answer(batchId, [{ ...line, outcome: 'failed', reason: '<script>alert(1)</script>' }]),
      );
      const before = [states(t), counts(t)];
      const report = await admin.must('production.readAnswers', {});
      expect(report.notices.map((n) => n.params.file)).toEqual([
        'answer-1.json',
        'answer-2.json',
        'answer-3.json',
      ]);
      expect([states(t), counts(t)]).toEqual(before);
    });

    it('an answer for a card not in that batch, a batch never written, or a wrong card number is reported, not applied', async () => {
      const { t, admin, answerFolder, cards, batchId } = await withBatch();
      const [inBatch, notInBatch] = cards as [ApprovedCard, ApprovedCard];
      writeFileSync(
        join(answerFolder, 'answer-a.json'),
        answer(batchId, [
          { cardId: notInBatch.cardId, printedNumber: notInBatch.printedNumber, outcome: 'produced' },
          { cardId: inBatch.cardId, printedNumber: 'XX0000000000', outcome: 'produced' },
        ]),
      );
      writeFileSync(
        join(answerFolder, 'answer-b.json'),
        answer(crypto.randomUUID(), [
          { cardId: inBatch.cardId, printedNumber: inBatch.printedNumber, outcome: 'produced' },
        ]),
      );
      const before = [states(t), counts(t)];
      const report = await admin.must('production.readAnswers', {});
      expect(report.notices).toEqual([
        {
          code: 'answer_not_in_batch',
          params: { file: 'answer-a.json', printedNumber: notInBatch.printedNumber },
        },
        { code: 'answer_number_mismatch', params: { file: 'answer-a.json', printedNumber: 'XX0000000000' } },
        { code: 'answer_unknown_batch', params: { file: 'answer-b.json' } },
      ]);
      expect([states(t), counts(t)]).toEqual(before);
    });

    it('whatever bytes an answer file holds, reading it never changes a card it does not validly answer', async () => {
      const { t, admin, answerFolder, cards, batchId } = await withBatch();
      const card = cards[0]!;
      const valid = { cardId: card.cardId, printedNumber: card.printedNumber, outcome: 'produced' };
      const hostile = fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.json(),
        fc
          .anything()
          .map(
            (value) =>
              JSON.stringify({ format: ANSWER_FORMAT, batchId, answeredAt: 'x', answers: [value] }) ?? '',
          ),
        fc
          .record({ ...Object.fromEntries(Object.keys(valid).map((k) => [k, fc.anything()])) })
          .map((line) => answer(batchId, [line])),
      );
      await fc.assert(
        fc.asyncProperty(hostile, async (content) => {
          writeFileSync(join(answerFolder, 'answer-fuzz.json'), content);
          const before = [states(t), counts(t)];
          const report = await admin.must('production.readAnswers', {});
          expect(report.produced + report.failed).toBe(0);
          expect([states(t), counts(t)]).toEqual(before);
        }),
        { numRuns: 60 },
      );
    });
  });
});
