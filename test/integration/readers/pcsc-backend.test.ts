// The PC/SC backend against the real pcscd with virtual cards on vpcd's two readers.
// Run through the harness: bash scripts/pcscd-harness.sh -- npx vitest run --project pcsc
import { describe, expect, it } from 'vitest';
import {
  ATR_DESFIRE,
  ATR_MIFARE_CLASSIC_1K,
  ATR_MIFARE_ULTRALIGHT,
  VPCD_PORT_READER_1,
} from '../../harness/virtual-card';
import { isRead, isReaderStatus, isRemoved } from './backend-recorder';
import { seededRandom } from '../../harness/seeded-random';
import { hex, READER_0, READER_1, sleep, startedBackend, tap, virtualCard } from './pcsc-setup';

describe('PC/SC backend with pcscd and a virtual card', () => {
  it('reads a MIFARE Classic 1K card once and reports its removal once', async () => {
    const { backend, recorder } = await startedBackend();
    expect(backend.status().state).toBe('up');
    const card = virtualCard({ atr: ATR_MIFARE_CLASSIC_1K, uid: Uint8Array.of(0xde, 0xad, 0xbe, 0xef) });

    await card.insert();
    const { read } = await recorder.waitFor(isRead);
    expect(read).toMatchObject({
      kind: 'bytes',
      readerId: READER_0,
      backend: 'pcsc',
      cardType: 'mifare_classic_1k',
      isUsableForIdentification: true,
    });
    expect(hex(read.bytes)).toBe('deadbeef');
    expect(read.atr).toEqual(ATR_MIFARE_CLASSIC_1K);
    expect(typeof read.seenAt).toBe('bigint');
    const present = backend.readers().find((reader) => reader.id === READER_0);
    expect(present).toMatchObject({
      state: 'card_present',
      lastEvent: { summary: 'MIFARE Classic 1K, UID DE AD BE EF' },
    });

    await card.remove();
    await recorder.waitFor(isRemoved);
    expect(backend.readers().find((reader) => reader.id === READER_0)?.state).toBe('idle');
    await sleep(500);
    expect(recorder.reads()).toHaveLength(1);
    expect(recorder.removals()).toEqual([READER_0]);
  });

  it('names DESFire and Ultralight cards and flags random UIDs (08 + 3 bytes) as unusable', async () => {
    const { recorder } = await startedBackend();
    const cases = [
      { atr: ATR_DESFIRE, uid: Uint8Array.of(0x08, 0x3a, 0x5c, 0x11), cardType: 'desfire', isUsable: false },
      {
        atr: ATR_DESFIRE,
        uid: Uint8Array.of(0x04, 0x52, 0x31, 0x6a, 0x1b, 0x5e, 0x80),
        cardType: 'desfire',
        isUsable: true,
      },
      {
        atr: ATR_MIFARE_ULTRALIGHT,
        uid: Uint8Array.of(0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66),
        cardType: 'mifare_ultralight',
        isUsable: true,
      },
      {
        atr: ATR_MIFARE_CLASSIC_1K,
        uid: Uint8Array.of(0x08, 0x01, 0x02, 0x03),
        cardType: 'mifare_classic_1k',
        isUsable: false,
      },
    ];
    for (const [index, { atr, uid, cardType, isUsable }] of cases.entries()) {
      const card = virtualCard({ atr, uid });
      const from = recorder.events.length;
      await card.insert();
      const { read } = await recorder.waitFor(isRead, { from });
      expect({
        index,
        cardType: read.cardType,
        isUsable: read.isUsableForIdentification,
        uid: hex(read.bytes),
      }).toEqual({
        index,
        cardType,
        isUsable,
        uid: hex(uid),
      });
      await card.close();
      await recorder.waitFor(isRemoved, { from });
    }
    const summaries = recorder.events.flatMap((event) =>
      isReaderStatus(event) && event.status.lastEvent ? [event.status.lastEvent.summary] : [],
    );
    expect(summaries).toContain('MIFARE DESFire, UID 08 3A 5C 11 (random UID: it changes at every tap)');
  });

  it(
    'loses and doubles nothing over 60 taps with random timing, some as fast as vpcd allows',
    { timeout: 180_000 },
    async () => {
      const seed = Number(process.env.TAP_SEED ?? 20_251_124);
      const random = seededRandom(seed);
      const { recorder } = await startedBackend();
      const card = virtualCard({ atr: ATR_MIFARE_CLASSIC_1K, uid: new Uint8Array(4) });
      const expected: string[] = [];
      for (let tapIndex = 0; tapIndex < 60; tapIndex += 1) {
        const uid = Uint8Array.of(
          0x04,
          tapIndex,
          ...Array.from({ length: 5 }, () => Math.floor(random() * 256)),
        );
        card.setUid(uid);
        expected.push(hex(uid));
        await tap(card);
        // A third of the taps leave as soon as the UID was answered; the rest stay up to 0.4 s.
        if (tapIndex % 3 !== 0) await sleep(random() * 400);
        await card.remove();
        // The card itself stays away 0.5 s at least (one pcscd poll); some taps add up to 0.2 s.
        if (random() < 0.5) await sleep(random() * 200);
      }
      await recorder
        .waitFor(() => recorder.removals(READER_0).length === 60, { timeoutMs: 3000 })
        .catch(() => undefined);
      await sleep(500);

      const sequence = recorder.events.filter((event) => isRead(event) || isRemoved(event));
      const reads = sequence.flatMap((event) => (isRead(event) ? [hex(event.read.bytes)] : []));
      expect({ seed, reads }).toEqual({ seed, reads: expected });
      expect(recorder.removals(READER_0)).toHaveLength(60);
      // Strictly read, removed, read, removed ...
      expect(sequence.map((event) => event.type)).toEqual(
        Array.from({ length: 120 }, (_, index) => (index % 2 === 0 ? 'read' : 'removed')),
      );
      const errors = recorder.events.flatMap((event) =>
        isReaderStatus(event) && event.status.lastError ? [event.status.lastError.message] : [],
      );
      expect(errors).toEqual([]);
    },
  );

  it('reads two readers at once, each its own card', { timeout: 60_000 }, async () => {
    const { recorder } = await startedBackend();
    const random = seededRandom(7);
    const run = async (port: number, prefix: number) => {
      const card = virtualCard({ atr: ATR_DESFIRE, uid: new Uint8Array(7), port });
      const uids: string[] = [];
      for (let index = 0; index < 8; index += 1) {
        const uid = Uint8Array.of(prefix, index, 1, 2, 3, 4, 5);
        card.setUid(uid);
        uids.push(hex(uid));
        await tap(card);
        await sleep(random() * 300);
        await card.remove();
      }
      return uids;
    };
    const [first, second] = await Promise.all([run(35963, 0x04), run(VPCD_PORT_READER_1, 0x05)]);
    await recorder.waitFor(() => recorder.removals().length === 16, { timeoutMs: 3000 });
    expect(recorder.reads(READER_0).map((read) => hex(read.bytes))).toEqual(first);
    expect(recorder.reads(READER_1).map((read) => hex(read.bytes))).toEqual(second);
    expect(recorder.removals(READER_0)).toHaveLength(8);
    expect(recorder.removals(READER_1)).toHaveLength(8);
  });

  it('connects in exclusive mode when the reader is set to it', async () => {
    const { recorder } = await startedBackend({
      mode: (name) => (name.endsWith('00') ? 'exclusive' : 'shared'),
    });
    const card = virtualCard({ atr: ATR_MIFARE_CLASSIC_1K, uid: Uint8Array.of(1, 2, 3, 4) });
    await card.insert();
    const { read } = await recorder.waitFor(isRead);
    expect(hex(read.bytes)).toBe('01020304');
    await card.remove();
    await recorder.waitFor(isRemoved);
  });

  it('reads a card that is already on the reader when the backend starts', async () => {
    const card = virtualCard({ atr: ATR_DESFIRE, uid: Uint8Array.of(4, 9, 9, 9, 9, 9, 9) });
    await card.insert();
    await sleep(600);
    const { recorder } = await startedBackend();
    const { read } = await recorder.waitFor(isRead);
    expect(hex(read.bytes)).toBe('04090909090909');
  });
});
