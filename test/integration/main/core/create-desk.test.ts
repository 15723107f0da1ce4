// The desk as a whole: a card tapped on a reader is someone at the desk, so it keeps the operator
// signed in; a screen with nobody signed in hears that a card was presented, and nothing more.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEventName } from '../../../../src-shared/api/events';
import { scriptedBackend } from '../../../harness/scripted-backend';
import { manualClock, startTestDesk, type TestDesk, type TypedConnection } from '../../../harness/test-desk';

const IDLE_SECONDS = 60;
const UID = '04A2B3C4D5E6F7';

let t: TestDesk;
let reader: ReturnType<typeof scriptedBackend>;
let clock: ReturnType<typeof manualClock>;

function record(connection: TypedConnection): Array<{ event: DeskEventName; payload: unknown }> {
  const seen: Array<{ event: DeskEventName; payload: unknown }> = [];
  connection.raw.onEvent((event, payload) => seen.push({ event, payload }));
  return seen;
}

function nextEvent(connection: TypedConnection, name: DeskEventName): Promise<unknown> {
  return new Promise((resolve) => {
    const stop = connection.raw.onEvent((event, payload) => {
      if (event !== name) return;
      stop();
      resolve(payload);
    });
  });
}

async function seedCard(): Promise<void> {
  const holder = await t.admin.must('holders.create', {
    givenName: 'Karin',
    familyName: 'Lindqvist',
    identityCountry: 'SE',
    identityNumber: '19121212-1212',
    hasEid: true,
  });
  const card = await t.admin.must('cards.register', {
    holderId: holder.id,
    kind: 'access_card',
    printedNumber: 'NB-1001',
  });
  await t.admin.must('cards.bindCredential', { cardId: card.id, technology: 'iso14443a_uid', hex: UID });
}

beforeEach(async () => {
  reader = scriptedBackend('pcsc');
  clock = manualClock();
  t = await startTestDesk({ readers: [reader], clock, idleTimeoutSeconds: IDLE_SECONDS });
  await seedCard();
});
afterEach(() => t.close());

describe('a tap counts as activity', () => {
  it('a desk that is only being tapped stays signed in well past the idle timeout', async () => {
    const reception = await t.loginAs(['reception']);
    // Five minutes of taps every 40 s, with no click or key on the screen in between.
    for (let i = 0; i < 8; i++) {
      clock.advance(40_000);
      reader.readBytes(UID);
    }
    clock.advance(40_000);
    const search = await reception.call('holders.search', { query: 'Lindqvist' });
    expect(search.ok).toBe(true);
  });

  it('an untouched desk is signed out after the idle timeout, and its screen is told', async () => {
    const reception = await t.loginAs(['reception']);
    const ended = nextEvent(reception, 'session.ended');
    clock.advance(IDLE_SECONDS * 1000);
    // The desk's idle check runs every second on the real timer: wait for what the screen would see.
    await expect(ended).resolves.toEqual({ reason: 'idle' });
    const search = await reception.call('holders.search', { query: 'Lindqvist' });
    expect(search).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('a tap after the session went idle does not bring it back', async () => {
    const reception = await t.loginAs(['reception']);
    clock.advance(IDLE_SECONDS * 1000);
    reader.readBytes(UID);
    const search = await reception.call('holders.search', { query: 'Lindqvist' });
    expect(search).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('a tap at a signed-out screen', () => {
  it('is only a notice, with no name, photo, card or credential in it', async () => {
    const signedOut = t.anonymous();
    const seen = record(signedOut);
    const operator = record(t.admin);
    reader.readBytes(UID);

    expect(operator.map((e) => e.event)).toEqual(['card.presented']);
    expect(seen).toEqual([{ event: 'card.presentedSignedOut', payload: { canUsePin: false } }]);
    const wire = JSON.stringify(seen);
    for (const secret of ['Karin', 'Lindqvist', 'NB-1001', UID, '1912']) expect(wire).not.toContain(secret);
  });

  it('is what a screen gets once its operator logged out', async () => {
    const reception = await t.loginAs(['reception']);
    await reception.must('session.logout', {});
    const seen = record(reception);
    reader.readBytes(UID);
    expect(seen).toEqual([{ event: 'card.presentedSignedOut', payload: { canUsePin: false } }]);
  });
});
