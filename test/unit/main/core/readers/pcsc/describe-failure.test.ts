import { describe, expect, it } from 'vitest';
import type { ReaderMessageKey } from '../../../../../../src-shared/api/readers';
import { PcscTimeoutError } from '../../../../../../src-main/core/readers/pcsc/binding-call';
import { describeFailure } from '../../../../../../src-main/core/readers/pcsc/describe-failure';
import { expectWords } from '../reader-words';

const bindingError = (text: string) => new Error(`SCardTransmit error: ${text}`);

describe('describeFailure', () => {
  it.each<[string, unknown, ReaderMessageKey, boolean]>([
    ['the card removed', bindingError('Card was removed.(0x80100069)'), 'card_removed', true],
    ['no card', bindingError('No smart card inserted.(0x8010000C)'), 'card_removed', true],
    ['another application', bindingError('Sharing violation.(0x8010000B)'), 'reader_in_use', false],
    ['an unresponsive card', bindingError('Unresponsive card.(0x80100066)'), 'card_not_responding', false],
    ['an unpowered card', bindingError('Unpowered card.(0x80100067)'), 'card_not_responding', false],
    ['an unsupported card', bindingError('Unsupported card.(0x80100065)'), 'card_not_responding', false],
    ['a reset card', bindingError('Card was reset.(0x80100068)'), 'card_not_responding', false],
    ['an oversized answer', bindingError('Insufficient buffer.(0x80100008)'), 'response_oversized', false],
  ])('names %s with a key of its own', (_name, error, key, isCardGone) => {
    const failure = describeFailure(error, 2000);
    expectWords(failure.message, failure.words, { key });
    expect(failure.isCardGone).toBe(isCardGone);
  });

  it('gives the timeout in seconds as a number, for the screen to write its own way', () => {
    const failure = describeFailure(new PcscTimeoutError('The card', 50), 50);
    expectWords(failure.message, failure.words, { key: 'card_timeout', params: { seconds: 0.05 } });
    expect(failure.message).toContain('within 0.05 s');
  });

  it("passes any other error on in the binding's own words", () => {
    const failure = describeFailure(new Error('SCardTransmit error: Transaction failed.(0x80100016)'), 2000);
    expectWords(failure.message, failure.words, {
      key: 'reader_failed',
      params: { detail: 'SCardTransmit error: Transaction failed.(0x80100016)' },
    });
    const thrown = describeFailure('odd', 2000);
    expectWords(thrown.message, thrown.words, { key: 'reader_failed', params: { detail: 'odd' } });
  });
});
