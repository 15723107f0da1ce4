// The answers to PC/SC part 3 Get Data (FF CA 00 00 00), the contactless card's UID, checked: length,
// status word and the UID's length. Pure: the reader slot sends the commands, unit tests script them.
import type { ReaderMessageKey, ReaderWords } from '../../../../src-shared/api/readers';
import { formatHex } from '../../../../src-shared/credentials/atr';
import {
  formatStatusWord,
  getUidCommand,
  parseResponse,
  SW1_WRONG_LE,
  SW_CLA_NOT_SUPPORTED,
  SW_END_OF_DATA,
  SW_FUNCTION_NOT_SUPPORTED,
  SW_INS_NOT_SUPPORTED,
  SW_NO_INFORMATION,
  SW_OK,
  SW_WRONG_P1P2,
} from './apdu';

export type UidErrorCode =
  | 'card_removed'
  | 'malformed_response'
  | 'oversized_response'
  | 'bad_uid_length'
  | 'uid_not_readable'
  | 'uid_not_supported'
  | 'unexpected_status';

export interface UidError {
  code: UidErrorCode;
  message: string;
  /** The message for the readers panel to translate. */
  words: ReaderWords;
}

export type UidResult = { ok: true; uid: Uint8Array } | { ok: false; error: UidError };

/** ISO/IEC 14443-3 UIDs are single (4), double (7) or triple (10) size. */
export const UID_LENGTHS: readonly number[] = [4, 7, 10];
const MAX_UID_LENGTH = 10;

/**
 * ISO/IEC 14443-3 section 6.4.4: a 4-byte UID whose first byte is 08 is a random ID, made up anew at
 * every power-up (DESFire EV1+ with random ID enabled, many payment cards): it identifies nobody.
 */
export function isRandomUid(uid: Uint8Array): boolean {
  return uid.length === 4 && uid[0] === 0x08;
}

function failure(
  code: UidErrorCode,
  message: string,
  key: ReaderMessageKey,
  params?: ReaderWords['params'],
): UidResult {
  return { ok: false, error: { code, message, words: params ? { key, params } : { key } } };
}

function checkUid(data: Uint8Array): UidResult {
  if (!UID_LENGTHS.includes(data.length)) {
    if (data.length === 0) {
      return failure(
        'bad_uid_length',
        'The reader returned a 0-byte UID; a UID has 4, 7 or 10 bytes.',
        'uid_empty',
      );
    }
    const uid = formatHex(data);
    return failure(
      'bad_uid_length',
      `The reader returned a ${data.length}-byte UID (${uid}); a UID has 4, 7 or 10 bytes.`,
      'uid_bad_length',
      { length: data.length, uid },
    );
  }
  return { ok: true, uid: data };
}

/** What one answer to Get Data means: the UID (or why not), or the command to send again. */
export type UidStep = UidResult | { ok: 'again'; command: Uint8Array };

/**
 * Reads the answer to the UID command. `attempt` counts the commands already sent before this one:
 * one re-issue at most (6C XX), as a reader that keeps asking for another Le is broken.
 */
export function answerUid(answer: Uint8Array, attempt: number): UidStep {
  // The usual answer first, with as little work as can be (a tap runs this code cold, where every
  // built-in it touches costs microseconds): a 4, 7 or 10-byte UID and 90 00, copied by hand, which
  // also makes it a plain Uint8Array when the binding hands over a Buffer.
  const length = answer.length;
  if (
    (length === 6 || length === 9 || length === 12) &&
    answer[length - 2] === 0x90 &&
    answer[length - 1] === 0
  ) {
    const uid = new Uint8Array(length - 2);
    for (let i = 0; i < uid.length; i += 1) uid[i] = answer[i]!;
    return { ok: true, uid };
  }
  const bytes = new Uint8Array(answer);
  // pcsc-lite quirk: when the card leaves during an APDU, SCardTransmit "succeeds" with 0 bytes.
  if (bytes.length === 0) {
    return failure('card_removed', 'The card was removed before its UID could be read.', 'uid_card_removed');
  }
  if (bytes.length > MAX_UID_LENGTH + 2) {
    return failure(
      'oversized_response',
      `The reader answered the UID command with ${bytes.length} bytes; a UID has at most 10.`,
      'uid_response_oversized',
      { length: bytes.length },
    );
  }
  const response = parseResponse(bytes);
  if (!response) {
    return failure(
      'malformed_response',
      'The reader answered with 1 byte, too short for a status word.',
      'uid_response_too_short',
    );
  }
  switch (response.sw) {
    case SW_OK:
    case SW_END_OF_DATA:
      // 62 82: end of data reached before Le bytes; what came is the whole UID.
      return checkUid(response.data);
    case SW_NO_INFORMATION:
      return failure(
        'uid_not_readable',
        'The reader could not read the UID (status 63 00). Present the card again.',
        'uid_not_readable',
      );
    case SW_FUNCTION_NOT_SUPPORTED:
    case SW_WRONG_P1P2:
    case SW_INS_NOT_SUPPORTED:
    case SW_CLA_NOT_SUPPORTED: {
      const status = formatStatusWord(response.sw);
      return failure(
        'uid_not_supported',
        `This reader does not support reading the UID (status ${status}).`,
        'uid_not_supported',
        { status },
      );
    }
  }
  if (response.sw1 === SW1_WRONG_LE && response.data.length === 0) {
    if (attempt > 0) {
      return failure(
        'unexpected_status',
        'The reader asked twice for another length (6C XX) for the UID.',
        'uid_length_asked_twice',
      );
    }
    // 6C XX: wrong Le, the UID has XX bytes: send the command again with Le = XX.
    return { ok: 'again', command: getUidCommand(response.sw2) };
  }
  const status = formatStatusWord(response.sw);
  return failure(
    'unexpected_status',
    `The reader answered the UID command with status ${status}.`,
    'uid_unexpected_status',
    { status },
  );
}
