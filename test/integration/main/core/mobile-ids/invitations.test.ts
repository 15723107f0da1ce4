// Invitations for mobile IDs through a real SMTP server started here: the mail arrives for the holder
// with a code that matches the stored hash, a new code invalidates the old, a server that is down
// gives a clear error and the invitation can be sent again. The code is nowhere but in the mail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../../../../src-main/core/mail/adapters/smtp-mailer';
import { isActivationCode } from '../../../../../src-main/core/mobile-ids/code-hash';
import { ACTIVATION_CODE_BITS } from '../../../../../src-shared/domain/activation-code';
import { createHolder, insertReadyCard } from '../../../../harness/ready-cards';
import {
  activationCodeIn,
  decodeQuotedPrintable,
  startSmtpSink,
  type SmtpSink,
} from '../../../../harness/smtp-sink';
import { startTestDesk, type TestDesk, type TypedConnection } from '../../../../harness/test-desk';

let smtp: SmtpSink;
let t: TestDesk;
let reception: TypedConnection;
/** The port the desk's mailer talks to: the sink's, or a closed one to play "server down". */
let mailPort: number;

beforeEach(async () => {
  smtp = await startSmtpSink();
  mailPort = smtp.port;
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
  t = await startTestDesk({ mailer, mailLanguage: 'sv' });
  reception = await t.loginAs(['reception']);
});
afterEach(async () => {
  await t.close();
  await smtp.close();
});

async function invitedMobile(
  email: string | null = 'karin.lindqvist@example.se',
  printedNumber = 'AB3000000001',
) {
  const holderId = await createHolder(t.admin, { givenName: 'Karin', familyName: 'Lindqvist', email });
  const { cardId, mobileId } = insertReadyCard(t.desk.db, holderId, printedNumber, {});
  return { holderId, cardId, mobileId: mobileId! };
}

function storedHashes(cardId: string) {
  return t.desk.db
    .prepare(
      'SELECT id, code_hash AS hash, superseded_at AS supersededAt FROM invitations WHERE card_id = ? ORDER BY created_at, rowid',
    )
    .all(cardId) as { id: string; hash: string; supersededAt: string | null }[];
}

/** Everything the desk keeps or shows besides the invitations table: the code must be in none of it. */
function everywhereButTheMail(): string {
  const db = t.desk.db;
  const dump = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return [
    dump('SELECT * FROM outbox'),
    dump('SELECT * FROM audit_events'),
    dump('SELECT * FROM invitations'),
  ].join('\n');
}

describe('invitations', () => {
  it('sends the holder a mail with a grouped code that matches the stored hash, in the desk language', async () => {
    const { mobileId, holderId } = await invitedMobile();
    const invitation = await reception.must('mobileIds.reinvite', { cardId: mobileId });
    expect(invitation).toMatchObject({ state: 'sent', email: 'karin.lindqvist@example.se', sendError: null });
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['karin.lindqvist@example.se']);
    expect(mail.from).toBe('desk@example.se');
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain('Hej Karin Lindqvist');
    expect(text).toContain('Content-Type: text/html');
    const code = activationCodeIn(mail)!;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(ACTIVATION_CODE_BITS).toBeGreaterThanOrEqual(40);
    const [stored] = storedHashes(mobileId);
    expect(await isActivationCode(stored!.hash, code)).toBe(true);
    // Typed as people type it: lower case, without the hyphen.
    expect(await isActivationCode(stored!.hash, code.replace('-', ' ').toLowerCase())).toBe(true);
    expect(await isActivationCode(stored!.hash, 'AAAAA-AAAAA')).toBe(false);
    // Valid for seven days.
    const days = (Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)) / 86_400_000;
    expect(days).toBe(7);
    expect(everywhereButTheMail()).not.toContain(code);
    expect(everywhereButTheMail()).not.toContain(code.replace('-', ''));
    const shown = await reception.must('mobileIds.invitations', { holderId });
    expect(JSON.stringify(shown)).not.toContain(code.replace('-', ''));
    expect(shown.items).toEqual([expect.objectContaining({ cardId: mobileId, state: 'sent' })]);
  });

  it('a new code invalidates the old one', async () => {
    const { mobileId } = await invitedMobile();
    await reception.must('mobileIds.reinvite', { cardId: mobileId });
    await reception.must('mobileIds.reinvite', { cardId: mobileId });
    const [firstMail, secondMail] = smtp.received;
    const [old, current] = storedHashes(mobileId);
    expect(old!.supersededAt).not.toBeNull();
    expect(current!.supersededAt).toBeNull();
    const oldCode = activationCodeIn(firstMail!)!;
    const newCode = activationCodeIn(secondMail!)!;
    expect(newCode).not.toBe(oldCode);
    expect(await isActivationCode(current!.hash, newCode)).toBe(true);
    expect(await isActivationCode(current!.hash, oldCode)).toBe(false);
  });

  it('with the mail server down, says so, keeps the invitation, and sends a new code once it is back', async () => {
    const { mobileId, holderId } = await invitedMobile();
    await smtp.close();
    const failed = await reception.must('mobileIds.reinvite', { cardId: mobileId });
    expect(failed.state).toBe('failed');
    expect(failed.sendError).toMatchObject({ code: 'mail_failed', params: { problem: 'unreachable' } });
    const { items } = await reception.must('mobileIds.invitations', { holderId });
    expect(items[0]).toMatchObject({ id: failed.id, state: 'failed' });

    smtp = await startSmtpSink();
    mailPort = smtp.port;
    const resent = await reception.must('mobileIds.reinvite', { cardId: mobileId });
    expect(resent.state).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    const [, current] = storedHashes(mobileId);
    expect(await isActivationCode(current!.hash, activationCodeIn(smtp.received[0]!)!)).toBe(true);
  });

  it('a desk without a mail server says so; a holder without an e-mail address gets a clear refusal', async () => {
    const { mobileId } = await invitedMobile(null);
    const before = t.count('invitations');
    const refused = await reception.call('mobileIds.reinvite', { cardId: mobileId });
    expect(refused.ok || refused.error.code).toBe('email_required');
    expect(t.count('invitations')).toBe(before);
    await t.close();
    t = await startTestDesk();
    reception = await t.loginAs(['reception']);
    const other = await invitedMobile();
    const unsent = await reception.must('mobileIds.reinvite', { cardId: other.mobileId });
    expect(unsent.sendError).toMatchObject({ code: 'mail_not_configured' });
  });

  it('sendInvitations invites mobile IDs just created by an approval, and reports those it cannot', async () => {
    const { mobileId } = await invitedMobile();
    const { cardId: physical } = await invitedMobile(null, 'AB3000000002');
    const results = (await t.desk.sendInvitations([mobileId, physical])) as {
      cardId: string;
      error: string | null;
    }[];
    expect(results.map((r) => [r.cardId, r.error])).toEqual([
      [mobileId, null],
      [physical, 'not_for_kind'],
    ]);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['karin.lindqvist@example.se']);
  });
});

describe('lost phone', () => {
  it('blocks only that mobile ID and invites a new one for the same physical card', async () => {
    const { cardId, mobileId, holderId } = await invitedMobile();
    t.desk.db.prepare(`UPDATE cards SET state = 'active' WHERE id IN (?, ?)`).run(cardId, mobileId);
    const cardsBefore = t.count('cards');
    const result = await reception.must('mobileIds.reportLostPhone', { cardId: mobileId });
    expect(result.blocked).toMatchObject({ id: mobileId, state: 'blocked', blockReason: 'lost' });
    expect(result.replacement).toMatchObject({
      kind: 'mobile_id',
      state: 'invited',
      physicalCardId: cardId,
      printedNumber: 'AB3000000001-M-R2',
    });
    expect(result.invitation).toMatchObject({ state: 'sent', cardId: result.replacement.id });
    expect(t.count('cards')).toBe(cardsBefore + 1);
    expect(await reception.must('cards.get', { id: cardId })).toMatchObject({ state: 'active' });
    const mail = await smtp.waitForMail(1);
    const [stored] = storedHashes(result.replacement.id);
    expect(await isActivationCode(stored!.hash, activationCodeIn(mail)!)).toBe(true);
    const holder = await t.admin.must('holders.get', { id: holderId });
    expect(
      holder.cards
        .filter((c) => c.kind === 'mobile_id')
        .map((c) => c.state)
        .sort(),
    ).toEqual(['blocked', 'invited']);
  });

  it('is refused for a physical card, writing nothing', async () => {
    const { cardId } = await invitedMobile();
    const before = [t.count('cards'), t.count('blocks'), t.count('outbox')];
    const refused = await reception.call('mobileIds.reportLostPhone', { cardId });
    expect(refused.ok || refused.error.code).toBe('not_for_kind');
    expect([t.count('cards'), t.count('blocks'), t.count('outbox')]).toEqual(before);
  });
});
