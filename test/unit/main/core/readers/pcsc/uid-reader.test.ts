import { describe, expect, it } from 'vitest';
import { getUidCommand } from '../../../../../../src-main/core/readers/pcsc/apdu';
import {
  answerUid,
  isRandomUid,
  type UidResult,
} from '../../../../../../src-main/core/readers/pcsc/uid-reader';
import type { ReaderWords } from '../../../../../../src-shared/api/readers';
import { expectWords } from '../reader-words';

type Transmit = (command: Uint8Array) => Promise<Uint8Array>;

/** The reader slot's exchange (Get Data, again after 6C XX), over a scripted transmit. */
async function readUid(transmit: Transmit): Promise<UidResult> {
  let command = getUidCommand(0);
  for (let attempt = 0; ; attempt += 1) {
    const step = answerUid(await transmit(command), attempt);
    if (step.ok !== 'again') return step;
    command = step.command;
  }
}

function answers(...responses: number[][]): { transmit: Transmit; commands: string[] } {
  const commands: string[] = [];
  const queue = [...responses];
  return {
    commands,
    transmit: async (command) => {
      commands.push(Buffer.from(command).toString('hex'));
      return Uint8Array.from(queue.shift() ?? []);
    },
  };
}

const UID7 = [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66];

describe('readUid', () => {
  it('gives a plain Uint8Array copy of the UID when the binding answers with a Buffer', () => {
    for (const size of [4, 7, 10]) {
      const answer = Buffer.from([...UID7, 0x01, 0x02, 0x03].slice(0, size).concat([0x90, 0x00]));
      const step = answerUid(answer, 0);
      if (step.ok !== true) throw new Error(`no UID for ${size} bytes`);
      expect(Buffer.isBuffer(step.uid)).toBe(false);
      expect(Array.from(step.uid)).toEqual(Array.from(answer.subarray(0, size)));
      answer[0] = 0xff;
      expect(step.uid[0]).toBe(0x04);
    }
  });

  it('sends FF CA 00 00 00 and returns the UID of a 90 00 answer', async () => {
    const { transmit, commands } = answers([...UID7, 0x90, 0x00]);
    expect(await readUid(transmit)).toEqual({ ok: true, uid: Uint8Array.from(UID7) });
    expect(commands).toEqual(['ffca000000']);
  });

  it.each([4, 7, 10])('accepts a %i-byte UID', async (length) => {
    const uid = Array.from({ length }, (_, index) => index + 1);
    expect(await readUid(answers([...uid, 0x90, 0x00]).transmit)).toEqual({
      ok: true,
      uid: Uint8Array.from(uid),
    });
  });

  it('uses the data of 62 82 (end of data reached before Le)', async () => {
    expect(await readUid(answers([...UID7, 0x62, 0x82]).transmit)).toEqual({
      ok: true,
      uid: Uint8Array.from(UID7),
    });
  });

  it('re-issues the command with Le = XX after 6C XX', async () => {
    const { transmit, commands } = answers([0x6c, 0x07], [...UID7, 0x90, 0x00]);
    expect(await readUid(transmit)).toEqual({ ok: true, uid: Uint8Array.from(UID7) });
    expect(commands).toEqual(['ffca000000', 'ffca000007']);
  });

  it('gives up when the reader asks for another length twice', async () => {
    const { transmit, commands } = answers([0x6c, 0x07], [0x6c, 0x04]);
    const result = await readUid(transmit);
    expect(result).toMatchObject({ ok: false, error: { code: 'unexpected_status' } });
    expect(commands).toHaveLength(2);
  });

  it.each<[string, number[], string, RegExp]>([
    ['63 00', [0x63, 0x00], 'uid_not_readable', /could not read the UID/],
    ['6A 81', [0x6a, 0x81], 'uid_not_supported', /does not support reading the UID/],
    ['6E 00 (contact card)', [0x6e, 0x00], 'uid_not_supported', /6E 00/],
    ['an unknown status word', [0x69, 0x85], 'unexpected_status', /69 85/],
    ['no bytes (card removed mid-APDU)', [], 'card_removed', /removed/],
    ['one byte', [0x90], 'malformed_response', /too short/],
    ['a 5-byte UID', [1, 2, 3, 4, 5, 0x90, 0x00], 'bad_uid_length', /5-byte UID \(01 02 03 04 05\)/],
    ['an empty UID', [0x90, 0x00], 'bad_uid_length', /0-byte UID;/],
    [
      '11 bytes of UID',
      [...Array.from({ length: 11 }, () => 1), 0x90, 0x00],
      'oversized_response',
      /13 bytes; a UID has at most 10/,
    ],
    [
      'a long answer',
      [...Array.from({ length: 200 }, () => 1), 0x90, 0x00],
      'oversized_response',
      /202 bytes/,
    ],
  ])('fails clearly on %s', async (_name, response, code, message) => {
    const result = await readUid(answers(response).transmit);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });

  it.each<[string, number[][], ReaderWords]>([
    ['63 00', [[0x63, 0x00]], { key: 'uid_not_readable' }],
    ['6A 81', [[0x6a, 0x81]], { key: 'uid_not_supported', params: { status: '6A 81' } }],
    ['69 85', [[0x69, 0x85]], { key: 'uid_unexpected_status', params: { status: '69 85' } }],
    [
      '6C XX twice',
      [
        [0x6c, 0x07],
        [0x6c, 0x07],
      ],
      { key: 'uid_length_asked_twice' },
    ],
    ['no bytes', [[]], { key: 'uid_card_removed' }],
    ['one byte', [[0x90]], { key: 'uid_response_too_short' }],
    [
      'a 5-byte UID',
      [[1, 2, 3, 4, 5, 0x90, 0x00]],
      { key: 'uid_bad_length', params: { length: 5, uid: '01 02 03 04 05' } },
    ],
    ['an empty UID', [[0x90, 0x00]], { key: 'uid_empty' }],
    [
      '11 bytes of UID',
      [[...Array.from({ length: 11 }, () => 1), 0x90, 0x00]],
      { key: 'uid_response_oversized', params: { length: 13 } },
    ],
  ])('gives the readers panel the words for %s', async (_name, responses, words) => {
    const result = await readUid(answers(...responses).transmit);
    if (result.ok) throw new Error('a UID was read');
    expectWords(result.error.message, result.error.words, words);
  });

  it('lets transmit errors through to the caller (the backend maps them)', async () => {
    await expect(
      readUid(() => Promise.reject(new Error('SCardTransmit error (0x80100016)'))),
    ).rejects.toThrow('0x80100016');
  });
});

describe('isRandomUid', () => {
  it('is true only for a 4-byte UID starting with 08', () => {
    expect(isRandomUid(Uint8Array.of(0x08, 1, 2, 3))).toBe(true);
    expect(isRandomUid(Uint8Array.of(0x04, 1, 2, 3))).toBe(false);
    expect(isRandomUid(Uint8Array.of(0x08, 1, 2, 3, 4, 5, 6))).toBe(false);
  });
});
