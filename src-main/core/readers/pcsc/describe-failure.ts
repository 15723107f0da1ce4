// Binding errors and timeouts in the plain words the readers panel shows.
import { PcscTimeoutError } from './binding-call';
import { PcscErrorCode, pcscErrorCode } from './pcsc-binding';

export function describeFailure(error: unknown, timeoutMs: number): { message: string; isCardGone: boolean } {
  if (error instanceof PcscTimeoutError) {
    const seconds = (timeoutMs / 1000).toLocaleString('en', { maximumFractionDigits: 2 });
    return {
      message: `The card did not answer within ${seconds} s: remove it and present it again.`,
      isCardGone: false,
    };
  }
  switch (pcscErrorCode(error)) {
    case PcscErrorCode.removedCard:
    case PcscErrorCode.noSmartcard:
      return { message: 'The card was removed before it could be read.', isCardGone: true };
    case PcscErrorCode.sharingViolation:
      return {
        message: 'Another application is using this reader: close it, then present the card again.',
        isCardGone: false,
      };
    case PcscErrorCode.unresponsiveCard:
    case PcscErrorCode.unpoweredCard:
    case PcscErrorCode.unsupportedCard:
    case PcscErrorCode.resetCard:
      return {
        message:
          'The card does not respond to the reader: present it again, or it may be a card this reader cannot read.',
        isCardGone: false,
      };
    case PcscErrorCode.insufficientBuffer:
      return {
        message: 'The card answered with more data than a UID can have (oversized response).',
        isCardGone: false,
      };
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return { message: `The reader failed while reading the card: ${detail}`, isCardGone: false };
    }
  }
}
