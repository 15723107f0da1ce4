// Cards and readers that misbehave, through the real pcscd: each gives a clear error on the reader's
// status, nothing crashes, and the next good card is read.
// Run through the harness: bash scripts/pcscd-harness.sh -- npx vitest run --project pcsc
import { describe, expect, it } from 'vitest';
import {
  ATR_DESFIRE,
  ATR_MIFARE_CLASSIC_1K,
  oversizedHandler,
  removeDuringApduHandler,
  respondWith,
  silentHandler,
  uidHandler,
  type ApduHandler,
} from '../../harness/virtual-card';
import { isRead, isReaderStatus, isRemoved, type BackendRecorder } from './backend-recorder';
import { hex, READER_0, sleep, startedBackend, tap, virtualCard } from './pcsc-setup';

const GOOD_UID = Uint8Array.of(0x04, 0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6);

function waitForError(recorder: BackendRecorder, pattern: RegExp, from: number, timeoutMs = 5000) {
  return recorder.waitFor(
    (event) =>
      isReaderStatus(event) &&
      event.status.id === READER_0 &&
      pattern.test(event.status.lastError?.message ?? ''),
    { from, timeoutMs },
  );
}

async function expectNextGoodCardRead(recorder: BackendRecorder): Promise<void> {
  const from = recorder.events.length;
  const card = virtualCard({ atr: ATR_DESFIRE, uid: GOOD_UID });
  await card.insert();
  const { read } = await recorder.waitFor(isRead, { from });
  expect(hex(read.bytes)).toBe(hex(GOOD_UID));
  await card.close();
  await recorder.waitFor(isRemoved, { from });
}

describe('PC/SC backend: faults', () => {
  it('a card removed during the UID APDU: no read, no removed, a clear error, then the next card works', async () => {
    const { recorder } = await startedBackend();
    const card = virtualCard({
      atr: ATR_MIFARE_CLASSIC_1K,
      uid: Uint8Array.of(1, 2, 3, 4),
      handler: removeDuringApduHandler,
    });
    await card.insert();
    await waitForError(recorder, /removed before/, 0);
    await sleep(800);
    expect(recorder.reads()).toEqual([]);
    expect(recorder.removals()).toEqual([]);
    await expectNextGoodCardRead(recorder);
  });

  it('a card that never answers: a timeout error, then the next insertion works', async () => {
    const { backend, recorder } = await startedBackend({ apduTimeoutMs: 400 });
    const card = virtualCard({ atr: ATR_DESFIRE, uid: GOOD_UID, handler: silentHandler });
    const started = Date.now();
    await card.insert();
    await waitForError(recorder, /did not answer within 0\.4 s/, 0);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(backend.readers().find((reader) => reader.id === READER_0)?.state).toBe('error');
    // The event loop is alive while pcscd waits for the card.
    const tick = Date.now();
    await sleep(50);
    expect(Date.now() - tick).toBeLessThan(200);

    const beforeRemoval = recorder.events.length;
    await card.remove();
    await recorder.waitFor(
      (event) => isReaderStatus(event) && event.status.id === READER_0 && event.status.state === 'idle',
      {
        from: beforeRemoval,
      },
    );
    expect(recorder.reads()).toEqual([]);
    card.setHandler(uidHandler);
    await expectNextGoodCardRead(recorder);
  });

  it.each([
    [
      'a bad check byte',
      Uint8Array.of(0x3b, 0x81, 0x80, 0x01, 0x80, 0x81),
      /malformed ATR \(3B 81 80 01 80 81\).*check byte/,
    ],
    ['truncated interface bytes', Uint8Array.of(0x3b, 0xf0, 0x11), /malformed ATR.*TB1/],
    [
      'missing historical bytes',
      Uint8Array.of(0x3b, 0x8f, 0x80, 0x01, 0x80, 0x4f),
      /malformed ATR.*announces 20 bytes/,
    ],
    ['one byte', Uint8Array.of(0x3b), /malformed ATR.*at least 2 bytes/],
    ['more than 33 bytes', new Uint8Array(40).fill(0x3b), /no ATR/],
  ])('an ATR with %s gives a clear error and no read', async (_name, atr, message) => {
    const { recorder } = await startedBackend();
    const card = virtualCard({ atr, uid: Uint8Array.of(1, 2, 3, 4) });
    await card.insert();
    await waitForError(recorder, message, 0);
    await card.close();
    await sleep(600);
    expect(recorder.reads()).toEqual([]);
    expect(recorder.removals()).toEqual([]);
    await expectNextGoodCardRead(recorder);
  });

  const badAnswers: Array<[string, ApduHandler, RegExp]> = [
    ['garbage', respondWith(Uint8Array.of(0x12, 0x34, 0x56)), /status 34 56/],
    ['one byte', respondWith(Uint8Array.of(0x90)), /too short for a status word/],
    ['an oversized UID', oversizedHandler(20), /22 bytes; a UID has at most 10/],
    ['more than 258 bytes', oversizedHandler(300), /oversized response/],
    ['a 5-byte UID', respondWith(Uint8Array.of(1, 2, 3, 4, 5, 0x90, 0x00)), /5-byte UID/],
    ['63 00', respondWith(Uint8Array.of(0x63, 0x00)), /could not read the UID/],
    ['6A 81', respondWith(Uint8Array.of(0x6a, 0x81)), /does not support reading the UID/],
    ['6C 07 twice', respondWith(Uint8Array.of(0x6c, 0x07)), /another length/],
  ];
  it.each(badAnswers)(
    'an answer with %s gives a clear error and no read',
    async (_name, handler, message) => {
      const { recorder } = await startedBackend();
      const card = virtualCard({ atr: ATR_MIFARE_CLASSIC_1K, uid: Uint8Array.of(1, 2, 3, 4), handler });
      await tap(card);
      await waitForError(recorder, message, 0);
      await card.close();
      await sleep(600);
      expect(recorder.reads()).toEqual([]);
      await expectNextGoodCardRead(recorder);
    },
  );

  it('uses the data of 62 82 (end of data before Le) and re-issues the command after 6C XX', async () => {
    const { recorder } = await startedBackend();
    const uid = Uint8Array.of(0x04, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60);
    const endOfData: ApduHandler = () => Uint8Array.of(...uid, 0x62, 0x82);
    const commands: string[] = [];
    const wrongLength: ApduHandler = (apdu, context) => {
      commands.push(hex(apdu));
      return apdu[4] === uid.length
        ? Uint8Array.of(...context.uid, 0x90, 0x00)
        : Uint8Array.of(0x6c, uid.length);
    };
    for (const handler of [endOfData, wrongLength]) {
      const from = recorder.events.length;
      const card = virtualCard({ atr: ATR_MIFARE_CLASSIC_1K, uid, handler });
      await card.insert();
      const { read } = await recorder.waitFor(isRead, { from });
      expect(hex(read.bytes)).toBe(hex(uid));
      await card.close();
      await recorder.waitFor(isRemoved, { from });
    }
    expect(commands).toEqual(['ffca000000', 'ffca000007']);
  });
});
