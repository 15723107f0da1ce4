import { describe, expect, it } from 'vitest';
import { PRESENTED_STATUSES, type PresentedStatus } from '../../../../src-shared/api/readers';
import { i18n } from '../../../../src-renderer/i18n';
import { formatDate } from '../../../../src-renderer/composables/use-format';
import {
  isBindable,
  reasonWords,
  statusOfCard,
  technicalDetail,
  toneOf,
  type Words,
} from '../../../../src-renderer/readers/presented-status';
import { card } from '../../../harness/presented-events';

/** What the screen says, in English, as PresentedCard.vue builds it. */
function english(words: Words | null): string | null {
  if (!words) return null;
  const { t } = i18n.global;
  const params: Record<string, string> = { ...words.params };
  for (const key of words.dates ?? []) params[key] = formatDate(params[key] ?? '', 'en-GB');
  for (const key of words.states ?? []) params[key] = t(`cards.state.${params[key]}`, {}, { locale: 'en' });
  return t(words.key, params, { locale: 'en' });
}

describe('status colour', () => {
  it.each<[PresentedStatus, string]>([
    ['active', 'ok'],
    ['blocked', 'stop'],
    ['expired', 'stop'],
    ['not_yet_active', 'wait'],
    ['unknown', 'unknown'],
    ['ambiguous', 'unknown'],
    ['unusable', 'unknown'],
    ['unreadable', 'unknown'],
  ])('%s is %s', (status, tone) => {
    expect(toneOf(status)).toBe(tone);
  });

  it('every status has its words in every language', () => {
    for (const status of PRESENTED_STATUSES) {
      for (const locale of ['en', 'sv', 'da', 'nb'] as const) {
        expect(i18n.global.te(`present.status.${status}`, locale), `${locale} ${status}`).toBe(true);
      }
    }
  });
});

describe('status words', () => {
  it.each<[PresentedStatus, string | null, string | null]>([
    ['active', null, null],
    ['blocked', 'lost', 'Reported lost'],
    ['blocked', 'stolen', 'Reported stolen'],
    ['blocked', 'damaged', 'Reported damaged'],
    ['blocked', 'left_employment', 'The holder has left the employer'],
    ['blocked', 'other', 'Blocked for another reason'],
    ['blocked', 'terminated', 'Card status: Terminated'],
    ['blocked', 'suspended', 'Card status: Suspended'],
    [
      'blocked',
      'Found in the lift, handed in by security',
      'Reason: Found in the lift, handed in by security',
    ],
    ['blocked', null, 'This card is blocked.'],
    ['expired', '2025-03-03', 'Expired on 3 Mar 2025'],
    ['expired', null, 'The card is no longer valid.'],
    ['not_yet_active', '2027-01-15', 'Valid from 15 Jan 2027'],
    ['not_yet_active', 'ready', 'Card status: Ready for pick-up. The card has not been activated yet.'],
  ])('%s (%s) reads "%s"', (status, reason, words) => {
    expect(english(reasonWords(status, reason))).toBe(words);
  });

  it('tells what to do with a card that identifies no one', () => {
    expect(english(reasonWords('unknown', null))).toMatch(/not registered at this desk/);
    expect(english(reasonWords('ambiguous', 'This reader sends only part…'))).toMatch(
      /Find the holder by name/,
    );
    expect(english(reasonWords('unusable', 'random'))).toMatch(/number printed on the card/);
    expect(english(reasonWords('unreadable', 'The card was removed'))).toMatch(/Hold it still/);
  });

  it('gives a technician the reader’s own words only for a failed read', () => {
    expect(technicalDetail('unreadable', 'The card did not answer within 1 s.')).toBe(
      'The card did not answer within 1 s.',
    );
    expect(technicalDetail('ambiguous', 'This reader sends only part of the card number.')).toBeNull();
    expect(technicalDetail('blocked', 'stolen')).toBeNull();
  });
});

describe('a card’s status as a tap would read it', () => {
  const today = '2026-11-24';

  it.each([
    [card(), 'active', null],
    [card({ state: 'blocked', blockReason: 'stolen' }), 'blocked', 'stolen'],
    [card({ state: 'terminated' }), 'blocked', 'terminated'],
    [card({ validUntil: '2026-11-23' }), 'expired', '2026-11-23'],
    [card({ validFrom: '2026-12-01' }), 'not_yet_active', '2026-12-01'],
    [card({ state: 'ready' }), 'not_yet_active', 'ready'],
  ])('%#', (c, status, reason) => {
    expect(statusOfCard(c, today)).toEqual({ status, reason });
  });

  it('binds a chip only to a physical card still in use', () => {
    expect(isBindable(card(), today)).toBe(true);
    expect(isBindable(card({ state: 'ready' }), today)).toBe(true);
    expect(isBindable(card({ state: 'blocked' }), today)).toBe(false);
    expect(isBindable(card({ state: 'terminated' }), today)).toBe(false);
    expect(isBindable(card({ state: 'expired' }), today)).toBe(false);
    expect(isBindable(card({ validUntil: '2026-11-01' }), today)).toBe(false);
    expect(isBindable(card({ kind: 'mobile_id' }), today)).toBe(false);
  });
});
