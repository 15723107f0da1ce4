// Printing approved cards on the desk's card printer: a real CUPS scheduler with the cups-pdf queue
// (test/harness/cups.ts), through the desk's API as a card administrator would.
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { approvedCard } from '../../../../harness/approved-cards';
import { cupsCommand, printedPdf } from '../../../../harness/cups';
import {
  manualClock,
  startTestDesk,
  type TestDesk,
  type TypedConnection,
} from '../../../../harness/test-desk';

const cups = inject('cups');
let t: TestDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

beforeAll(() => {
  if (cups.error) throw new Error(cups.error);
});

async function deskWithPrinter(printer: string = cups.queue) {
  t = await startTestDesk({ production: { printer: { name: printer, server: cups.server } } });
  return { t, admin: await t.loginAs(['card_admin']) };
}

const stateOf = (desk: TestDesk, cardId: string) =>
  desk.desk.db.prepare('SELECT state, production_error FROM cards WHERE id = ?').get(cardId) as {
    state: string;
    production_error: string | null;
  };

/** Asks the desk about its print jobs until none waits; what the screen's progress does. */
async function checkUntilDone(admin: TypedConnection) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const report = await admin.must('production.checkJobs', {});
    const queue = await admin.must('production.queue', {});
    if (queue.inProduction.length === 0 || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('production.print', () => {
  it('prints an approved card: in production while CUPS has it, then ready, and the PDF carries the name', async () => {
    const { t, admin } = await deskWithPrinter();
    const card = await approvedCard(t.admin, t.desk.db, { givenName: 'Łukasz Šarūnas', familyName: 'Ŋ' });
    const since = Date.now();

    const run = await admin.must('production.print', { cardIds: [card.cardId] });
    expect(run.results).toEqual([
      {
        cardId: card.cardId,
        printedNumber: card.printedNumber,
        isAccepted: true,
        ref: expect.stringMatching(/^CardPDF-\d+$/),
        error: null,
      },
    ]);
    const queued = await admin.must('production.queue', {});
    expect(queued.waiting).toEqual([]);
    expect(queued.inProduction.map((c) => [c.cardId, c.job?.channel, c.job?.ref])).toEqual([
      [card.cardId, 'printer', run.results[0]!.ref],
    ]);

    await checkUntilDone(admin);
    expect(stateOf(t, card.cardId)).toEqual({ state: 'ready', production_error: null });
    const { text } = await printedPdf(cups, run.results[0]!.ref!, card.printedNumber, since);
    expect(text).toContain('Łukasz Šarūnas');
    expect(text).toContain('Ŋ');
    expect(text).toContain('Bygg & Anläggning AB');
    // Each step is an operation with its audit event; the start and the outcome go to the hub.
    const types = (
      t.desk.db.prepare('SELECT type FROM outbox ORDER BY rowid').all() as { type: string }[]
    ).map((r) => r.type);
    expect(types.filter((x) => x.startsWith('production.'))).toEqual([
      'production.start',
      'production.submitted',
      'production.markReady',
    ]);
  });

  it('a stopped printer leaves the card approved with the error and a retry that works once it is started', async () => {
    const queue = `CardStopped${process.pid}`;
    await cupsCommand(cups.server, 'lpadmin', [
      '-p',
      queue,
      '-E',
      '-v',
      'cups-pdf:/',
      '-P',
      '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd',
    ]);
    await cupsCommand(cups.server, 'cupsdisable', [queue]);
    try {
      const { t, admin } = await deskWithPrinter(queue);
      const card = await approvedCard(t.admin, t.desk.db, { givenName: 'Åsa', familyName: 'Öberg' });

      const run = await admin.must('production.print', { cardIds: [card.cardId] });
      expect(run.results[0]).toMatchObject({
        isAccepted: false,
        error: { code: 'printer_stopped', params: { printer: queue } },
      });
      const queueView = await admin.must('production.queue', {});
      expect(queueView.waiting).toHaveLength(1);
      expect(queueView.waiting[0]!.productionError).toMatchObject({
        code: 'printer_stopped',
        params: { printer: queue },
      });
      expect(stateOf(t, card.cardId).state).toBe('approved');

      await cupsCommand(cups.server, 'cupsenable', [queue]);
      const retried = await admin.must('production.retry', { cardIds: [card.cardId] });
      expect(retried.runs.map((r) => [r.channel, r.results[0]!.isAccepted])).toEqual([['printer', true]]);
      await checkUntilDone(admin);
      expect(stateOf(t, card.cardId)).toEqual({ state: 'ready', production_error: null });
      // The failed attempt stays in the history beside the one that printed.
      expect(
        t.desk.db
          .prepare('SELECT state FROM production_jobs WHERE card_id = ? ORDER BY started_at, rowid')
          .all(card.cardId),
      ).toEqual([{ state: 'failed' }, { state: 'produced' }]);
    } finally {
      await cupsCommand(cups.server, 'lpadmin', ['-x', queue]).catch(() => '');
    }
  });

  it('a printer the scheduler does not know: the card stays approved with printer_not_found', async () => {
    const { t, admin } = await deskWithPrinter('NoSuchPrinter');
    const card = await approvedCard(t.admin, t.desk.db, { givenName: 'Nils', familyName: 'Ek' });
    const run = await admin.must('production.print', { cardIds: [card.cardId] });
    expect(run.results[0]!.error).toEqual({
      code: 'printer_not_found',
      params: { printer: 'NoSuchPrinter' },
    });
    expect(stateOf(t, card.cardId).state).toBe('approved');
    expect(JSON.parse(stateOf(t, card.cardId).production_error!)).toMatchObject({
      code: 'printer_not_found',
    });
  });

  it('a desk without a printer refuses to print and writes nothing', async () => {
    t = await startTestDesk();
    const admin = await t.loginAs(['card_admin']);
    const card = await approvedCard(t.admin, t.desk.db, { givenName: 'Nils', familyName: 'Ek' });
    const before = [t.count('production_jobs'), t.count('outbox'), t.count('audit_events')];
    const refused = await admin.call('production.print', { cardIds: [card.cardId] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'production_not_configured' } });
    expect([t.count('production_jobs'), t.count('outbox'), t.count('audit_events')]).toEqual(before);
  });

  it('a card that is not approved is refused with its state, and none of the cards asked for moves', async () => {
    const { t, admin } = await deskWithPrinter();
    const good = await approvedCard(t.admin, t.desk.db, { givenName: 'Anna', familyName: 'Lind' });
    const active = await approvedCard(t.admin, t.desk.db, { givenName: 'Bo', familyName: 'Berg' });
    t.desk.db.prepare(`UPDATE cards SET state = 'active' WHERE id = ?`).run(active.cardId);
    const refused = await admin.call('production.print', { cardIds: [good.cardId, active.cardId] });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'already_in_state', params: { state: 'active' } },
    });
    expect(stateOf(t, good.cardId).state).toBe('approved');
    expect(t.count('production_jobs')).toBe(0);
  });

  it('a print cut off before CUPS took it (the desk stopped) is failed after five minutes, and the card can be retried', async () => {
    const clock = manualClock(Date.now());
    // A session outlasts the wait: the operator is still there.
    t = await startTestDesk({
      clock,
      idleTimeoutSeconds: 3600,
      production: { printer: { name: cups.queue, server: cups.server } },
    });
    const admin = await t.loginAs(['card_admin']);
    const card = await approvedCard(t.admin, t.desk.db, { givenName: 'Nils', familyName: 'Ek' });
    const started = new Date(clock.now()).toISOString();
    // What a desk that stopped between "started" and "taken by CUPS" leaves behind.
    t.desk.db.prepare(`UPDATE cards SET state = 'in_production' WHERE id = ?`).run(card.cardId);
    t.desk.db
      .prepare(
        `INSERT INTO production_jobs (id, card_id, channel, batch_id, state, started_at) VALUES (?, ?, 'printer', ?, 'submitting', ?)`,
      )
      .run(crypto.randomUUID(), card.cardId, crypto.randomUUID(), started);

    clock.advance(60_000);
    expect(await admin.must('production.checkJobs', {})).toMatchObject({ failed: 0 });
    expect(stateOf(t, card.cardId).state).toBe('in_production');
    clock.advance(5 * 60_000);
    expect(await admin.must('production.checkJobs', {})).toMatchObject({ failed: 1 });
    expect(stateOf(t, card.cardId).state).toBe('approved');
    expect(JSON.parse(stateOf(t, card.cardId).production_error!)).toMatchObject({ code: 'print_failed' });
    const retried = await admin.must('production.retry', { cardIds: [card.cardId] });
    expect(retried.runs[0]!.results[0]!.isAccepted).toBe(true);
  });

  it('reception may not print', async () => {
    const { t } = await deskWithPrinter();
    const reception = await t.loginAs(['reception']);
    const card = await approvedCard(t.admin, t.desk.db, { givenName: 'Anna', familyName: 'Lind' });
    expect(await reception.call('production.print', { cardIds: [card.cardId] })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
