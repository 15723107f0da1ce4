// SMS codes end to end below the API: a real desk database, the real 46elks adapter and a local
// server that speaks 46elks' API. What an operator would notice: the code arrives in their language,
// works once, stops working after five minutes, five wrong tries or a newer code; "send again" waits;
// a gateway that fails says why and leaves the last code usable. The code is kept nowhere but in the
// SMS: not in the database file, the audit log or the outbox.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../../../src-shared/domain/languages';
import {
  SMS_CODE_TTL_MS,
  SMS_MAX_SENDS_PER_WINDOW,
  SMS_RESEND_AFTER_MS,
  SMS_SEND_WINDOW_MS,
} from '../../../../../src-shared/domain/sign-in';
import { systemRandom } from '../../../../../src-main/core/ops/context';
import { DomainError } from '../../../../../src-main/core/ops/domain-error';
import { createOperationRunner } from '../../../../../src-main/core/ops/operations';
import { createElksSmsGateway } from '../../../../../src-main/core/sign-in/adapters/elks-sms-gateway';
import { createSmsCodes, type SmsCodes } from '../../../../../src-main/core/sign-in/sms-codes';
import { startSmsGatewayPeer, type SmsGatewayPeer } from '../../../../harness/sms-gateway-peer';
import { ADMIN_PASSWORD, manualClock, startTestDesk, type TestDesk } from '../../../../harness/test-desk';

const PHONE = '+46701234572';

let peer: SmsGatewayPeer;
let t: TestDesk;
let clock: ReturnType<typeof manualClock>;
let codes: SmsCodes;
let rita: { id: string; mobilePhone: string | null; language: Language };

function smsCodesWith(gatewayPassword: string | null = peer.password, timeoutMs = 10_000): SmsCodes {
  const gateway = createElksSmsGateway(
    { baseUrl: peer.baseUrl, username: peer.username, from: 'Frontdesk', timeoutMs },
    async () => gatewayPassword,
  );
  const ops = createOperationRunner(t.desk.db, clock, systemRandom, t.desk.id);
  return createSmsCodes({ db: t.desk.db, ops, clock, random: systemRandom, gateway });
}

beforeEach(async () => {
  peer = await startSmsGatewayPeer();
  clock = manualClock();
  t = await startTestDesk({ clock });
  const created = await t.admin.must('operators.create', {
    username: 'rita',
    displayName: 'Rita Reception',
    password: ADMIN_PASSWORD,
    roles: ['reception'],
    language: 'sv',
  });
  rita = { id: created.id, mobilePhone: PHONE, language: 'sv' };
  codes = smsCodesWith();
});
afterEach(async () => {
  await t.close();
  await peer.close();
});

/** The DomainError a call ends with; fails the test if it succeeds. */
async function refusal(action: () => unknown): Promise<DomainError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('the call succeeded');
}

async function sendAndRead(): Promise<string> {
  const count = peer.messages.filter((m) => m.to === PHONE).length;
  await codes.send(rita);
  await peer.waitForMessage(PHONE, count + 1);
  return peer.codeSentTo(PHONE)!;
}

function codeRows() {
  return t.desk.db
    .prepare('SELECT state, attempts, code_hash AS hash FROM sms_codes WHERE operator_id = ? ORDER BY rowid')
    .all(rita.id) as { state: string; attempts: number; hash: string }[];
}

function auditActions(): { action: string; details: string }[] {
  return t.desk.db
    .prepare(`SELECT action, details FROM audit_events WHERE action LIKE 'operator.sms%' ORDER BY rowid`)
    .all() as { action: string; details: string }[];
}

/** A different code of the same shape. */
const another = (code: string) => code.replace(/^./, (d) => String((Number(d) + 1) % 10));

describe('sending a code', () => {
  it('sends an 8-digit code in the operator language, grouped 4+4, and answers the masked number', async () => {
    const sent = await codes.send(rita);
    expect(sent).toEqual({
      maskedPhone: 'xxxx-xxxx72',
      expiresAt: new Date(clock.now() + SMS_CODE_TTL_MS).toISOString(),
      resendAfterSeconds: SMS_RESEND_AFTER_MS / 1000,
    });
    const sms = await peer.waitForMessage(PHONE, 1);
    expect(sms.from).toBe('Frontdesk');
    expect(sms.message).toMatch(
      /^Din inloggningskod till Frontdesk ID är [0-9]{4} [0-9]{4}\. Den gäller i 5 minuter\. Dela den inte med någon\.$/,
    );
    expect(peer.codeSentTo(PHONE)).toMatch(/^[0-9]{8}$/);
    expect(codes.isConfigured).toBe(true);
  });

  it('keeps the code only as a salted hash: not in the database file, the audit log or the outbox', async () => {
    const code = await sendAndRead();
    const grouped = `${code.slice(0, 4)} ${code.slice(4)}`;
    codes.verify(rita.id, code);
    const files = [t.path, `${t.path}-wal`].filter(existsSync).map((p) => readFileSync(p).toString('latin1'));
    for (const bytes of files) {
      expect(bytes).not.toContain(code);
      expect(bytes).not.toContain(grouped);
    }
    const dump = JSON.stringify([
      t.desk.db.prepare('SELECT * FROM audit_events').all(),
      t.desk.db.prepare('SELECT * FROM outbox').all(),
    ]);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(PHONE);
    const sentEvent = auditActions().find((e) => e.action === 'operator.smsSent')!;
    expect(JSON.parse(sentEvent.details)).toMatchObject({ maskedPhone: 'xxxx-xxxx72' });
    expect(codeRows()[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers sms_not_configured without a gateway and no_mobile_number without a number', async () => {
    const ops = createOperationRunner(t.desk.db, clock, systemRandom, t.desk.id);
    const none = createSmsCodes({ db: t.desk.db, ops, clock, random: systemRandom, gateway: null });
    expect(none.isConfigured).toBe(false);
    expect((await refusal(() => none.send(rita))).code).toBe('sms_not_configured');
    expect((await refusal(() => codes.send({ ...rita, mobilePhone: null }))).code).toBe('no_mobile_number');
    expect(peer.requestCount).toBe(0);
    expect(t.count('sms_codes')).toBe(0);
  });

  it('waits 30 seconds before "send again", and sends nothing meanwhile', async () => {
    await sendAndRead();
    clock.advance(10_000);
    const tooSoon = await refusal(() => codes.send(rita));
    expect(tooSoon).toMatchObject({ code: 'sms_too_soon', params: { retryAfterSeconds: 20 } });
    expect(peer.messages).toHaveLength(1);
    clock.advance(20_000);
    await sendAndRead();
    expect(peer.messages).toHaveLength(2);
  });

  it(`sends at most ${SMS_MAX_SENDS_PER_WINDOW} codes in 15 minutes, then says when the next may go`, async () => {
    for (let i = 0; i < SMS_MAX_SENDS_PER_WINDOW; i++) {
      await codes.send(rita);
      clock.advance(60_000);
    }
    const error = await refusal(() => codes.send(rita));
    // The first send leaves the window 15 minutes after it; 5 minutes have passed.
    expect(error).toMatchObject({
      code: 'sms_too_soon',
      params: { retryAfterSeconds: (SMS_SEND_WINDOW_MS - 5 * 60_000) / 1000 },
    });
    expect(peer.messages).toHaveLength(SMS_MAX_SENDS_PER_WINDOW);
    clock.advance(SMS_SEND_WINDOW_MS - 5 * 60_000);
    await codes.send(rita);
    expect(peer.messages).toHaveLength(SMS_MAX_SENDS_PER_WINDOW + 1);
  });

  it('sends one SMS when "send" is pressed twice at once', async () => {
    const both = await Promise.allSettled([codes.send(rita), codes.send(rita)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = both.find((r) => r.status === 'rejected')!;
    expect(rejected.reason).toMatchObject({ code: 'sms_too_soon' });
    expect(peer.messages).toHaveLength(1);
    expect(codeRows()).toHaveLength(1);
  });

  it('counts the codes sent since a time, for the usage on the policy screen', async () => {
    const start = new Date(clock.now()).toISOString();
    await codes.send(rita);
    clock.advance(SMS_RESEND_AFTER_MS);
    await codes.send(rita);
    expect(codes.sentSince(start)).toBe(2);
    expect(codes.sentSince(new Date(clock.now()).toISOString())).toBe(1);
    expect(codes.sentSince(new Date(clock.now() + 1).toISOString())).toBe(0);
  });
});

describe('when the gateway fails', () => {
  it('says unavailable (unreachable), writes no code, and the last code still works', async () => {
    const code = await sendAndRead();
    clock.advance(SMS_RESEND_AFTER_MS);
    await peer.goDown();
    const error = await refusal(() => codes.send(rita));
    expect(error).toMatchObject({ code: 'sms_unavailable', params: { reason: 'unreachable' } });
    expect(codeRows().map((r) => r.state)).toEqual(['open']);
    const failed = auditActions().filter((e) => e.action === 'operator.smsFailed');
    expect(failed.map((e) => JSON.parse(e.details))).toEqual([{ reason: 'unreachable' }]);
    expect(failed[0]!.details).not.toContain(PHONE);
    codes.verify(rita.id, code);
  });

  it('lets the operator try again at once after a failure, and then sends', async () => {
    await peer.goDown();
    expect((await refusal(() => codes.send(rita))).code).toBe('sms_unavailable');
    await peer.comeBack();
    const code = await sendAndRead();
    codes.verify(rita.id, code);
  });

  it('says refused for a wrong gateway password and bad_number for a number 46elks refuses', async () => {
    const wrongPassword = smsCodesWith('wrong');
    expect(await refusal(() => wrongPassword.send(rita))).toMatchObject({ params: { reason: 'refused' } });
    peer.failWith(403, 'Invalid to number');
    expect(await refusal(() => codes.send(rita))).toMatchObject({ params: { reason: 'bad_number' } });
    expect(await refusal(() => codes.send({ ...rita, mobilePhone: '070-123 45 72' }))).toMatchObject({
      code: 'sms_unavailable',
      params: { reason: 'bad_number' },
    });
    expect(t.count('sms_codes')).toBe(0);
    expect(peer.messages).toHaveLength(0);
  });

  it('says unreachable when the gateway does not answer in time', async () => {
    peer.stall();
    const impatient = smsCodesWith(peer.password, 500);
    expect(await refusal(() => impatient.send(rita))).toMatchObject({ params: { reason: 'unreachable' } });
    expect(t.count('sms_codes')).toBe(0);
  });
});

describe('entering the code', () => {
  it('accepts the code once, typed with or without its space; again it is "used"', async () => {
    const code = await sendAndRead();
    codes.verify(rita.id, ` ${code.slice(0, 4)} ${code.slice(4)} `);
    expect(codeRows()[0]!.state).toBe('used');
    expect((await refusal(() => codes.verify(rita.id, code))).code).toBe('code_used');
  });

  it('works until five minutes have passed, then is expired', async () => {
    const code = await sendAndRead();
    clock.advance(SMS_CODE_TTL_MS - 1);
    expect((await refusal(() => codes.verify(rita.id, another(code)))).code).toBe('invalid_code');
    codes.verify(rita.id, code);

    clock.advance(SMS_RESEND_AFTER_MS);
    const next = await sendAndRead();
    clock.advance(SMS_CODE_TTL_MS);
    expect((await refusal(() => codes.verify(rita.id, next))).code).toBe('code_expired');
  });

  it('answers code_expired when no code was ever sent', async () => {
    expect((await refusal(() => codes.verify(rita.id, '12345678'))).code).toBe('code_expired');
  });

  it('refuses a code that a newer one replaced; the newer one works', async () => {
    const first = await sendAndRead();
    clock.advance(SMS_RESEND_AFTER_MS);
    const second = await sendAndRead();
    expect(second).not.toBe(first);
    expect((await refusal(() => codes.verify(rita.id, first))).code).toBe('invalid_code');
    expect(codeRows().map((r) => r.state)).toEqual(['replaced', 'open']);
    codes.verify(rita.id, second);
  });

  it('counts wrong entries down, and after five the code is exhausted, even when then typed right', async () => {
    const code = await sendAndRead();
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      const error = await refusal(() => codes.verify(rita.id, another(code)));
      expect(error.code).toBe('invalid_code');
      left.push(Number(error.params?.attemptsLeft));
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect((await refusal(() => codes.verify(rita.id, another(code)))).code).toBe('code_exhausted');
    expect((await refusal(() => codes.verify(rita.id, code))).code).toBe('code_exhausted');
    expect(codeRows()[0]).toMatchObject({ state: 'exhausted', attempts: 5 });

    clock.advance(SMS_RESEND_AFTER_MS);
    codes.verify(rita.id, await sendAndRead());
  });

  it('treats hostile input as a wrong code and keeps working', async () => {
    const code = await sendAndRead();
    for (const typed of [
      `${code}' OR '1'='1`,
      '１２３４５６７８',
      `${code}${' '.repeat(100)}`,
      '9'.repeat(1_000_000),
    ]) {
      expect((await refusal(() => codes.verify(rita.id, typed))).code).toBe('invalid_code');
    }
    codes.verify(rita.id, code);
    const audit = JSON.stringify(t.desk.db.prepare('SELECT details FROM audit_events').all());
    expect(audit).not.toContain(code);
    expect(audit.length).toBeLessThan(100_000);
  });

  it("keeps one operator's code from working for another", async () => {
    const other = await t.admin.must('operators.create', {
      username: 'olle',
      displayName: 'Olle Operator',
      password: ADMIN_PASSWORD,
      roles: ['reception'],
      language: 'en',
    });
    const code = await sendAndRead();
    expect((await refusal(() => codes.verify(other.id, code))).code).toBe('code_expired');
    codes.verify(rita.id, code);
  });
});

describe('the message', () => {
  it('is written in the operator language', async () => {
    await codes.send({ ...rita, language: 'nb' });
    const sms = await peer.waitForMessage(PHONE, 1);
    expect(sms.message).toMatch(
      /^Engangskoden din til Frontdesk ID er [0-9]{4} [0-9]{4}\. Den gjelder i 5 minutter\./,
    );
  });
});
