// Binding errors and timeouts in the plain words the readers panel shows.
import type { ReaderMessage } from '../reader-backend';
import { PcscTimeoutError } from './binding-call';
import { PcscErrorCode, pcscErrorCode } from './pcsc-binding';

export interface ReadFailure extends ReaderMessage {
  isCardGone: boolean;
}

export const CARD_REMOVED: ReadFailure = {
  message: 'The card was removed before it could be read.',
  words: { key: 'card_removed' },
  isCardGone: true,
};
const READER_IN_USE: ReadFailure = {
  message: 'Another application is using this reader: close it, then present the card again.',
  words: { key: 'reader_in_use' },
  isCardGone: false,
};
const CARD_NOT_RESPONDING: ReadFailure = {
  message:
    'The card does not respond to the reader: present it again, or it may be a card this reader cannot read.',
  words: { key: 'card_not_responding' },
  isCardGone: false,
};
const RESPONSE_OVERSIZED: ReadFailure = {
  message: 'The card answered with more data than a UID can have (oversized response).',
  words: { key: 'response_oversized' },
  isCardGone: false,
};

export function describeFailure(error: unknown, timeoutMs: number): ReadFailure {
  if (error instanceof PcscTimeoutError) {
    const seconds = (timeoutMs / 1000).toLocaleString('en', { maximumFractionDigits: 2 });
    return {
      message: `The card did not answer within ${seconds} s: remove it and present it again.`,
      words: { key: 'card_timeout', params: { seconds: timeoutMs / 1000 } },
      isCardGone: false,
    };
  }
  switch (pcscErrorCode(error)) {
    case PcscErrorCode.removedCard:
    case PcscErrorCode.noSmartcard:
      return CARD_REMOVED;
    case PcscErrorCode.sharingViolation:
      return READER_IN_USE;
    case PcscErrorCode.unresponsiveCard:
    case PcscErrorCode.unpoweredCard:
    case PcscErrorCode.unsupportedCard:
    case PcscErrorCode.resetCard:
      return CARD_NOT_RESPONDING;
    case PcscErrorCode.insufficientBuffer:
      return RESPONSE_OVERSIZED;
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        message: `The reader failed while reading the card: ${detail}`,
        words: { key: 'reader_failed', params: { detail } },
        isCardGone: false,
      };
    }
  }
}
