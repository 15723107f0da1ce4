// The desk's card printer against a real CUPS scheduler with the cups-pdf virtual printer
// (test/harness/cups.ts): what comes out of the queue is a PDF whose text and size can be checked.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CardFaceFacts } from '../../../../../src-shared/domain/card-face';
import { createCupsPrinter, ID1_MEDIA } from '../../../../../src-main/core/production/adapters/cups-printer';
import { renderCardFacePdf } from '../../../../../src-main/core/production/card-face-pdf';
import type { CardProducer, ProducerAnswer } from '../../../../../src-main/core/production/card-producer';
import { cupsCommand, printedPdf } from '../../../../harness/cups';

const run = promisify(execFile);
const cups = inject('cups');

const FACTS: CardFaceFacts = {
  givenName: 'Łukasz Šarūnas',
  familyName: 'Ŋ',
  employerName: 'Bygg & Anläggning AB',
  organisationNumber: '556677-8899',
  printedNumber: 'SE0000000000',
  validFrom: '2026-11-24',
  validUntil: '2031-11-23',
  kind: 'id06',
  site: 'Kiruna',
  hasPhoto: false,
};

/** A card number no other test run on this machine prints, so its PDF is found among theirs. */
const uniqueNumber = () => `SE${String(Date.now() % 1e10).padStart(10, '0')}`.slice(0, 12);

async function waitForOutcome(printer: CardProducer, ref: string): Promise<ProducerAnswer['outcome']> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { answers } = await printer.collect([{ ref, cardId: 'card-1' }]);
    const outcome = answers[0]!.outcome;
    if (outcome.state !== 'pending' || Date.now() > deadline) {
      return outcome;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('card printer through CUPS', () => {
  beforeAll(() => {
    if (cups.error) throw new Error(cups.error);
  });

  it('prints the face with the ID-1 media option; the PDF that comes out carries the name exactly', async () => {
    const printer = createCupsPrinter({ printer: cups.queue, server: cups.server, media: ID1_MEDIA });
    const printedNumber = uniqueNumber();
    const since = Date.now();
    const [submission] = await printer.submit(
      [{ cardId: 'card-1', facts: { ...FACTS, printedNumber }, photo: null }],
      'b',
    );
    expect(submission).toMatchObject({ ok: true, ref: expect.stringMatching(/^CardPDF-\d+$/) });
    const ref = (submission as { ref: string }).ref;

    expect(await waitForOutcome(printer, ref)).toEqual({ state: 'produced' });
    const { path, text } = await printedPdf(cups, ref, printedNumber, since);
    expect(text).toContain('Łukasz Šarūnas');
    expect(text).toContain('Ŋ');
    // The media option reached the queue: cups-pdf laid the job out on an ID-1 page (turned to
    // portrait), not on its A4 default.
    const { stdout } = await run('pdfinfo', [path]);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout)!;
    const [short, long] = [Number(width), Number(height)].sort((a, b) => a - b);
    expect(Math.abs(long! - 242.65)).toBeLessThan(1.5);
    expect(Math.abs(short! - 153.01)).toBeLessThan(1.5);
  });

  it("the desk's own face PDF is two ID-1 pages (242.65 × 153.01 pt) with the name as text", async () => {
    const pdf = await renderCardFacePdf(FACTS, null);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(2);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(242.65, 2);
      expect(page.getHeight()).toBeCloseTo(153.01, 2);
    }
    const file = join(mkdtempSync(join(tmpdir(), 'face-')), 'face.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(stdout).toContain('Łukasz Šarūnas');
    expect(stdout).toContain('Ŋ');
  });

  it('a printer CUPS does not know is refused with its name, and nothing is queued', async () => {
    const printer = createCupsPrinter({
      printer: 'NoSuchCardPrinter',
      server: cups.server,
      media: ID1_MEDIA,
    });
    const [submission] = await printer.submit([{ cardId: 'c', facts: FACTS, photo: null }], 'b');
    expect(submission).toEqual({
      ok: false,
      problem: { code: 'printer_not_found', params: { printer: 'NoSuchCardPrinter' } },
    });
  });

  it('a scheduler that does not answer is printer_unreachable', async () => {
    const printer = createCupsPrinter({ printer: cups.queue, server: '127.0.0.1:9', media: ID1_MEDIA });
    const [submission] = await printer.submit([{ cardId: 'c', facts: FACTS, photo: null }], 'b');
    expect(submission).toMatchObject({ ok: false, problem: { code: 'printer_unreachable' } });
  });

  it('a stopped printer is said before anything is sent; started again, the same card prints', async () => {
    const queue = `CardStop${process.pid}`;
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
    const printer = createCupsPrinter({ printer: queue, server: cups.server, media: ID1_MEDIA });
    const [stopped] = await printer.submit([{ cardId: 'c', facts: FACTS, photo: null }], 'b');
    expect(stopped).toEqual({ ok: false, problem: { code: 'printer_stopped', params: { printer: queue } } });
    expect(await cupsCommand(cups.server, 'lpstat', ['-o', queue])).toBe('');

    await cupsCommand(cups.server, 'cupsenable', [queue]);
    const [retried] = await printer.submit([{ cardId: 'c', facts: FACTS, photo: null }], 'b');
    expect(retried).toMatchObject({ ok: true });
    await cupsCommand(cups.server, 'lpadmin', ['-x', queue]).catch(() => '');
  });

  it('a job CUPS cancelled is reported failed with its job id', async () => {
    const printer = createCupsPrinter({ printer: cups.queue, server: cups.server, media: ID1_MEDIA });
    const pdf = await renderCardFacePdf(FACTS, null);
    const file = join(mkdtempSync(join(tmpdir(), 'held-')), 'face.pdf');
    writeFileSync(file, pdf);
    const held = await cupsCommand(cups.server, 'lp', ['-d', cups.queue, '-H', 'indefinite', file]);
    const ref = /request id is (\S+)/.exec(held)![1]!;
    const { answers } = await printer.collect([{ ref, cardId: 'card-1' }]);
    expect(answers[0]!.outcome).toEqual({ state: 'pending' });
    await printer.withdraw!(ref);
    expect(await waitForOutcome(printer, ref)).toEqual({
      state: 'failed',
      problem: { code: 'print_job_failed', params: { printer: cups.queue, job: ref } },
    });
  });
});
