// Reminder e-mails before a card expires, through a real SMTP server: sent once per card and end date,
// only when the desk sets a window, only for cards in use; a failed send is tried again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../../../../src-main/core/mail/adapters/smtp-mailer';
import { createHolder, insertCard } from '../../../../harness/ready-cards';
import { decodeQuotedPrintable, startSmtpSink, type SmtpSink } from '../../../../harness/smtp-sink';
import { manualClock, startTestDesk, type TestDesk } from '../../../../harness/test-desk';

const DAY = 86_400_000;
let smtp: SmtpSink;
let t: TestDesk | undefined;
let mailPort: number;
const mailer = {
  send: (message: Parameters<ReturnType<typeof createSmtpMailer>['send']>[0]) =>
    createSmtpMailer(
      {
        host: '127.0.0.1',
        port: mailPort,
        secure: false,
        user: null,
        from: 'desk@example.se',
        ignoreTls: true,
      },
      async () => null,
    ).send(message),
};

beforeEach(async () => {
  smtp = await startSmtpSink();
  mailPort = smtp.port;
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  await smtp.close();
});

const dayFrom = (clock: { now(): number }, days: number) =>
  new Date(clock.now() + days * DAY).toISOString().slice(0, 10);

describe('expiry reminders', () => {
  it('mails the holder once when a card in use enters the window; other cards get nothing', async () => {
    const clock = manualClock(Date.now());
    t = await startTestDesk({
      mailer,
      mailLanguage: 'sv',
      expiryReminderDays: 14,
      clock,
      expiryIntervalMs: 60_000,
    });
    const holderId = await createHolder(t.admin, {
      givenName: 'Nils',
      familyName: 'Åberg',
      email: 'nils@example.se',
    });
    const soon = insertCard(t.desk.db, {
      holderId,
      printedNumber: 'AB7000000001',
      state: 'active',
      validUntil: dayFrom(clock, 10),
    });
    insertCard(t.desk.db, {
      holderId,
      printedNumber: 'AB7000000002',
      state: 'active',
      validUntil: dayFrom(clock, 40),
    });
    insertCard(t.desk.db, {
      holderId,
      printedNumber: 'AB7000000003',
      state: 'blocked',
      validUntil: dayFrom(clock, 5),
    });
    const path = t.path;
    await t.desk.close();
    // Opened again: the round at start sends what is due.
    const { createDesk } = await import('../../../../../src-main/core/create-desk');
    const desk = createDesk({
      databasePath: path,
      logger: { error: () => {} },
      mailer,
      mailLanguage: 'sv',
      expiryReminderDays: 14,
      clock,
    });
    try {
      const mail = await smtp.waitForMail(1);
      expect(mail.to).toEqual(['nils@example.se']);
      const text = decodeQuotedPrintable(mail.raw);
      expect(text).toContain('Ditt kort AB7000000001 gäller till och med');
      await expect
        .poll(() =>
          desk.db.prepare('SELECT card_id, sent_at IS NOT NULL AS sent FROM expiry_reminders').all(),
        )
        .toEqual([{ card_id: soon, sent: 1 }]);
    } finally {
      await desk.close();
    }
    // A second start finds nothing new to send.
    const again = createDesk({
      databasePath: path,
      logger: { error: () => {} },
      mailer,
      mailLanguage: 'sv',
      expiryReminderDays: 14,
      clock,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received).toHaveLength(1);
    await again.close();
  });

  it('sends nothing unless the desk sets a window', async () => {
    t = await startTestDesk({ mailer });
    const holderId = await createHolder(t.admin);
    insertCard(t.desk.db, {
      holderId,
      printedNumber: 'AB7000000010',
      state: 'active',
      validUntil: dayFrom({ now: Date.now }, 3),
    });
    const path = t.path;
    await t.desk.close();
    const { createDesk } = await import('../../../../../src-main/core/create-desk');
    const desk = createDesk({ databasePath: path, logger: { error: () => {} }, mailer });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received).toHaveLength(0);
    expect(desk.db.prepare('SELECT count(*) AS n FROM expiry_reminders').get()).toEqual({ n: 0 });
    await desk.close();
  });
});
