// Hand-over, chip replacement, block, unblock, terminate, suspend, resume and expiry through the desk's
// one API door, on a real SQLite file: what reception and card administrators see happen to a card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdentifier } from '../../../../../src-main/core/readers/identify';
import { createDesk } from '../../../../../src-main/core/create-desk';
import { createHolder, insertCard, insertReadyCard } from '../../../../harness/ready-cards';
import { startTestDesk, typed, type TestDesk, type TypedConnection } from '../../../../harness/test-desk';

const CHIP_A = '04A1A2A3A4A5A6';
const CHIP_B = '04B1B2B3B4B5B6';
const TODAY = new Date().toISOString().slice(0, 10);

let t: TestDesk;
let reception: TypedConnection;
let cardAdmin: TypedConnection;

beforeEach(async () => {
  t = await startTestDesk();
  reception = await t.loginAs(['reception']);
  cardAdmin = await t.loginAs(['card_admin']);
});
afterEach(() => t.close());

/** Everything an operation writes: nothing of it may change when a call is refused. */
function writes() {
  const tables = [
    'cards',
    'credentials',
    'credential_keys',
    'blocks',
    'block_cards',
    'invitations',
    'outbox',
  ];
  const counts = Object.fromEntries(tables.map((table) => [table, t.count(table)]));
  const states = t.desk.db.prepare('SELECT id, state, block_reason FROM cards ORDER BY id').all();
  const credentials = t.desk.db.prepare('SELECT id, retired_at FROM credentials ORDER BY id').all();
  const audit = t.desk.db
    .prepare(`SELECT count(*) AS n FROM audit_events WHERE action NOT IN ('holder.view')`)
    .get() as { n: number };
  return { counts, states, credentials, audit: audit.n };
}

/** Who a tap of this chip shows, as the idle screen would. */
function tap(hex: string) {
  const identify = createIdentifier(t.desk.db).identify;
  return identify(
    { technology: 'iso14443a_uid', bytes: Uint8Array.from(Buffer.from(hex, 'hex')) },
    'hex',
    TODAY,
  );
}

async function readyCard(printed = 'AB1000000001', withMobile = false) {
  const holderId = await createHolder(t.admin);
  return { holderId, ...insertReadyCard(t.desk.db, holderId, printed, withMobile ? {} : undefined) };
}

async function activeCard(printed = 'AB1000000001', withMobile = false) {
  const ready = await readyCard(printed, withMobile);
  await reception.must('cards.handOver', {
    cardId: ready.cardId,
    faceChecked: true,
    chip: { technology: 'iso14443a_uid', hex: CHIP_A },
  });
  return ready;
}

function lastOutbox(type: string): Record<string, unknown> {
  const row = t.desk.db
    .prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY rowid DESC LIMIT 1')
    .get(type) as { payload: string };
  return JSON.parse(row.payload) as Record<string, unknown>;
}

describe('hand-over', () => {
  it('activates a ready card with its chip in one operation that records the face check and who made it', async () => {
    const { cardId } = await readyCard();
    const card = await reception.must('cards.handOver', {
      cardId,
      faceChecked: true,
      chip: { technology: 'iso14443a_uid', hex: CHIP_A },
    });
    expect(card.state).toBe('active');
    expect(card.validFrom).toBe(TODAY);
    expect(card.credentials.map((c) => c.hex)).toEqual([CHIP_A]);
    expect(tap(CHIP_A).status).toBe('active');
    const payload = lastOutbox('card.handOver');
    expect(payload).toMatchObject({ cardId, faceChecked: true, hex: CHIP_A });
    const receptionist = t.desk.db
      .prepare(`SELECT operator_id AS id FROM outbox WHERE type = 'card.handOver'`)
      .get() as {
      id: string;
    };
    expect(payload.faceCheckedBy).toBe(receptionist.id);
  });

  it('is refused without the face check, and writes nothing', async () => {
    const { cardId } = await readyCard();
    const before = writes();
    const result = await reception.call('cards.handOver', {
      cardId,
      faceChecked: false,
      chip: { technology: 'iso14443a_uid', hex: CHIP_A },
    });
    expect(result.ok || result.error.code).toBe('face_check_required');
    expect(writes()).toEqual(before);
    expect(tap(CHIP_A).status).toBe('unknown');
  });

  it('no longer happens by binding a chip to a ready card: that asks for the hand-over', async () => {
    const { cardId } = await readyCard();
    const before = writes();
    const result = await reception.call('cards.bindCredential', {
      cardId,
      technology: 'iso14443a_uid',
      hex: CHIP_A,
    });
    expect(result.ok || result.error.code).toBe('hand_over_required');
    expect(writes()).toEqual(before);
  });

  it('is refused for a card that is not ready, and for an IT administrator', async () => {
    const { cardId } = await activeCard();
    const again = await reception.call('cards.handOver', {
      cardId,
      faceChecked: true,
      chip: { technology: 'iso14443a_uid', hex: CHIP_B },
    });
    expect(again.ok || again.error.code).toBe('already_in_state');
    const it = await t.loginAs(['it_admin']);
    const other = await readyCard('AB1000000002');
    const refused = await it.call('cards.handOver', {
      cardId: other.cardId,
      faceChecked: true,
      chip: { technology: 'iso14443a_uid', hex: CHIP_B },
    });
    expect(refused.ok || refused.error.code).toBe('forbidden');
  });
});

describe('chip replacement', () => {
  it('a second chip is refused until the replacement is said, and nothing is added silently', async () => {
    const { cardId } = await activeCard();
    const before = writes();
    const result = await reception.call('cards.bindCredential', {
      cardId,
      technology: 'iso14443a_uid',
      hex: CHIP_B,
    });
    expect(result.ok || result.error.code).toBe('chip_replacement_required');
    expect(writes()).toEqual(before);
    expect(tap(CHIP_B).status).toBe('unknown');
  });

  it('retires the old chip in the same operation: the old chip finds nothing, the new one the card', async () => {
    const { cardId } = await activeCard();
    const card = await reception.must('cards.bindCredential', {
      cardId,
      technology: 'iso14443a_uid',
      hex: CHIP_B,
      replacement: { reason: 'lost_chip' },
    });
    const [old, current] = card.credentials;
    expect(old).toMatchObject({ hex: CHIP_A });
    expect(old!.retiredAt).not.toBeNull();
    expect(current).toMatchObject({ hex: CHIP_B, retiredAt: null });
    expect(tap(CHIP_A).status).toBe('unknown');
    expect(tap(CHIP_B)).toMatchObject({ status: 'active', card: { id: cardId } });
    expect(lastOutbox('card.bindCredential')).toMatchObject({ replacement: { reason: 'lost_chip' } });
    expect(
      t.desk.db.prepare('SELECT retired_reason AS r FROM credentials WHERE retired_at IS NOT NULL').get(),
    ).toEqual({
      r: 'lost_chip',
    });
  });

  it('"other" needs a note that says what happened', async () => {
    const { cardId } = await activeCard();
    const before = writes();
    const result = await reception.call('cards.bindCredential', {
      cardId,
      technology: 'iso14443a_uid',
      hex: CHIP_B,
      replacement: { reason: 'other' },
    });
    expect(result.ok || result.error.code).toBe('note_required');
    expect(writes()).toEqual(before);
  });
});

describe('block', () => {
  it('reception blocks a lost card; its mobile IDs are blocked in the same operation', async () => {
    const { cardId, mobileId } = await activeCard('AB1000000001', true);
    const before = t.count('outbox');
    const result = await reception.must('cards.block', { cardId, reason: 'lost' });
    expect(result.card).toMatchObject({ state: 'blocked', blockReason: 'lost' });
    expect(result.mobileIdsBlocked).toBe(1);
    expect(t.count('outbox')).toBe(before + 1);
    const mobile = await reception.must('cards.get', { id: mobileId! });
    expect(mobile).toMatchObject({ state: 'blocked', blockReason: 'lost' });
    expect(tap(CHIP_A)).toMatchObject({
      status: 'blocked',
      reason: { code: 'block_reason', params: { blockReason: 'lost' } },
    });
    const { items } = await reception.must('cards.blocks', { cardId });
    expect(items).toEqual([expect.objectContaining({ reason: 'lost', cardCount: 2, liftedAt: null })]);
  });

  it('reception may not block for leaving the employer; a card administrator may', async () => {
    const { cardId } = await activeCard();
    const before = writes();
    const refused = await reception.call('cards.block', { cardId, reason: 'left_employment' });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'block_reason_not_allowed',
      params: { blockReason: 'left_employment' },
    });
    expect(writes()).toEqual(before);
    const done = await cardAdmin.must('cards.block', { cardId, reason: 'left_employment' });
    expect(done.card.blockReason).toBe('left_employment');
  });

  it('"other" needs a note; a never-activated card is terminated instead; an IT administrator may not block: nothing written', async () => {
    const { cardId } = await activeCard();
    const ready = await readyCard('AB1000000002');
    const it = await t.loginAs(['it_admin']);
    const before = writes();
    const noNote = await cardAdmin.call('cards.block', { cardId, reason: 'other' });
    expect(noNote.ok || noNote.error.code).toBe('note_required');
    const never = await reception.call('cards.block', { cardId: ready.cardId, reason: 'lost' });
    expect(never.ok || never.error).toMatchObject({ code: 'never_activated', params: { state: 'ready' } });
    const forbidden = await it.call('cards.block', { cardId, reason: 'lost' });
    expect(forbidden.ok || forbidden.error.code).toBe('forbidden');
    expect(writes()).toEqual(before);
  });

  it('blocking a blocked card again is refused', async () => {
    const { cardId } = await activeCard();
    await reception.must('cards.block', { cardId, reason: 'stolen' });
    const before = writes();
    const again = await reception.call('cards.block', { cardId, reason: 'lost' });
    expect(again.ok || again.error.code).toBe('already_in_state');
    expect(writes()).toEqual(before);
  });

  it('survives any later edit: the holder edited, a chip bound, the number registered again', async () => {
    const { cardId, holderId } = await activeCard();
    await reception.must('cards.block', { cardId, reason: 'stolen' });
    const holder = await t.admin.must('holders.get', { id: holderId });
    await t.admin.must('holders.update', {
      id: holderId,
      givenName: 'Karin',
      familyName: 'Lindqvist-Berg',
      identityCountry: holder.identityCountry,
      identityNumber: holder.identityNumber,
      email: 'karin@example.se',
      hasEid: false,
    });
    const rebind = await cardAdmin.call('cards.bindCredential', {
      cardId,
      technology: 'iso14443a_uid',
      hex: CHIP_B,
      replacement: { reason: 'damaged' },
    });
    expect(rebind.ok).toBe(false);
    const handOver = await reception.call('cards.handOver', {
      cardId,
      faceChecked: true,
      chip: { technology: 'iso14443a_uid', hex: CHIP_B },
    });
    expect(handOver.ok).toBe(false);
    const reRegister = await cardAdmin.call('cards.register', {
      holderId,
      kind: 'id06',
      printedNumber: 'AB1000000001',
    });
    expect(reRegister.ok || reRegister.error.code).toBe('conflict');
    const resume = await cardAdmin.call('cards.resume', { cardId });
    expect(resume.ok).toBe(false);
    expect(await reception.must('cards.get', { id: cardId })).toMatchObject({
      state: 'blocked',
      blockReason: 'stolen',
    });
    expect(tap(CHIP_A).status).toBe('blocked');
  });
});

describe('atomicity', () => {
  it('a block whose mobile ID cannot be stopped blocks nothing at all', async () => {
    const { cardId, mobileId } = await activeCard('AB1000000001', true);
    t.desk.db.exec(
      `CREATE TRIGGER fail_mobile BEFORE UPDATE ON cards WHEN NEW.id = '${mobileId}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const before = writes();
    const result = await reception.call('cards.block', { cardId, reason: 'lost' });
    expect(result.ok || result.error.code).toBe('internal');
    expect(writes()).toEqual(before);
    expect(tap(CHIP_A).status).toBe('active');
  });

  it('a chip replacement whose new chip cannot be stored leaves the old chip working', async () => {
    const { cardId } = await activeCard();
    t.desk.db.exec(
      `CREATE TRIGGER fail_chip BEFORE INSERT ON credentials BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const before = writes();
    const result = await reception.call('cards.bindCredential', {
      cardId,
      technology: 'iso14443a_uid',
      hex: CHIP_B,
      replacement: { reason: 'damaged' },
    });
    expect(result.ok || result.error.code).toBe('internal');
    expect(writes()).toEqual(before);
    expect(tap(CHIP_A).status).toBe('active');
  });
});

describe('unblock', () => {
  it('by a card administrator with a reason, naming the block: every card it stopped returns to where it was', async () => {
    const { cardId, mobileId } = await activeCard('AB1000000001', true);
    await cardAdmin.must('cards.suspend', { cardId, note: 'On leave until March' });
    const { blockId } = await reception.must('cards.block', { cardId, reason: 'lost' });

    const before = writes();
    const byReception = await reception.call('cards.unblock', { cardId, blockId, note: 'Found it' });
    expect(byReception.ok || byReception.error.code).toBe('forbidden');
    const noNote = await cardAdmin.call('cards.unblock', { cardId, blockId, note: '   ' });
    expect(noNote.ok || noNote.error.code).toBe('bad_request');
    expect(writes()).toEqual(before);

    const lifted = await cardAdmin.must('cards.unblock', { cardId, blockId, note: 'Found in the car' });
    expect(lifted.card).toMatchObject({ state: 'suspended', blockReason: null });
    expect(lifted.cardsRestored).toBe(2);
    expect(await reception.must('cards.get', { id: mobileId! })).toMatchObject({
      state: 'invited',
      blockReason: null,
    });
    const { items } = await reception.must('cards.blocks', { cardId });
    expect(items[0]).toMatchObject({ id: blockId, liftNote: 'Found in the car' });
    expect(items[0]!.liftedAt).not.toBeNull();

    const again = await cardAdmin.call('cards.unblock', { cardId, blockId, note: 'Again' });
    expect(again.ok || again.error.code).toBe('block_already_lifted');
  });

  it('refuses a block that does not concern the card', async () => {
    const first = await activeCard('AB1000000001');
    const { blockId } = await reception.must('cards.block', { cardId: first.cardId, reason: 'lost' });
    const other = await readyCard('AB1000000002');
    const result = await cardAdmin.call('cards.unblock', {
      cardId: other.cardId,
      blockId,
      note: 'Wrong card',
    });
    expect(result.ok || result.error.code).toBe('not_found');
  });
});

describe('terminate, suspend, resume', () => {
  it('terminates a card that never reached its holder, with a reason; it is final', async () => {
    const { cardId } = await readyCard();
    const byReception = await reception.call('cards.terminate', { cardId, note: 'Never collected' });
    expect(byReception.ok || byReception.error.code).toBe('forbidden');
    const card = await cardAdmin.must('cards.terminate', { cardId, note: 'Never collected' });
    expect(card.state).toBe('terminated');
    const again = await cardAdmin.call('cards.terminate', { cardId, note: 'Again' });
    expect(again.ok || again.error.code).toBe('already_in_state');
  });

  it('suspends with a reason and resumes: the tap shows blocked, then active again', async () => {
    const { cardId } = await activeCard();
    const suspended = await cardAdmin.must('cards.suspend', { cardId, note: 'Parental leave' });
    expect(suspended.state).toBe('suspended');
    expect(tap(CHIP_A)).toMatchObject({
      status: 'blocked',
      reason: { code: 'card_state', params: { state: 'suspended' } },
    });
    const resumed = await cardAdmin.must('cards.resume', { cardId });
    expect(resumed.state).toBe('active');
    expect(tap(CHIP_A).status).toBe('active');
  });
});

describe('expiry', () => {
  it('cards past their validity become expired at start; valid ones and stopped ones stay', async () => {
    const holderId = await createHolder(t.admin);
    const db = t.desk.db;
    const past = insertCard(db, {
      holderId,
      printedNumber: 'AB2000000001',
      state: 'active',
      validUntil: '2020-01-31',
    });
    const pastReady = insertCard(db, { holderId, printedNumber: 'AB2000000002', validUntil: '2020-01-31' });
    const pastMobile = insertCard(db, {
      holderId,
      kind: 'mobile_id',
      printedNumber: 'AB2000000001-M',
      state: 'invited',
      validUntil: '2020-01-31',
      physicalCardId: past,
    });
    const pastBlocked = insertCard(db, {
      holderId,
      printedNumber: 'AB2000000003',
      state: 'blocked',
      validUntil: '2020-01-31',
    });
    const current = insertCard(db, {
      holderId,
      printedNumber: 'AB2000000004',
      state: 'active',
      validUntil: '2099-01-31',
    });
    const path = t.path;
    await t.desk.close();
    // The same database opened again, as after a night switched off: the round at start expires them.
    const desk = createDesk({ databasePath: path, logger: { error: () => {} } });
    try {
      const states = Object.fromEntries(
        (desk.db.prepare('SELECT id, state FROM cards').all() as { id: string; state: string }[]).map((r) => [
          r.id,
          r.state,
        ]),
      );
      expect(states[past]).toBe('expired');
      expect(states[pastReady]).toBe('expired');
      expect(states[pastMobile]).toBe('expired');
      expect(states[pastBlocked]).toBe('blocked');
      expect(states[current]).toBe('active');
      const ops = desk.db.prepare(`SELECT payload FROM outbox WHERE type = 'card.expire'`).all() as {
        payload: string;
      }[];
      expect(ops).toHaveLength(1);
      // A second round finds nothing and writes nothing.
      const admin = typed(desk.connect());
      await admin.must('session.login', { username: 'admin', password: 'correct horse battery' });
      expect(desk.db.prepare(`SELECT count(*) AS n FROM outbox WHERE type = 'card.expire'`).get()).toEqual({
        n: 1,
      });
    } finally {
      await desk.close();
      t = await startTestDesk();
    }
  });
});
