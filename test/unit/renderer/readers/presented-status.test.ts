import { describe, expect, it } from 'vitest';
import type { PresentedReason } from '../../../../src-shared/api/presented-reason';
import { PRESENTED_STATUSES, type PresentedStatus } from '../../../../src-shared/api/readers';
import { CREDENTIAL_ERROR_CODES } from '../../../../src-shared/credentials/credential';
import { BUILT_IN_READER_PROFILES } from '../../../../src-shared/credentials/reader-profile';
import { LANGUAGES, type Language } from '../../../../src-shared/domain/languages';
import { i18n, LOCALE_TAGS } from '../../../../src-renderer/i18n';
import { formatDate } from '../../../../src-renderer/composables/use-format';
import {
  reasonWords,
  say,
  technicalDetail,
  toneOf,
  type Words,
} from '../../../../src-renderer/readers/presented-status';

/** What the screen says, in `locale`, as PresentedCard.vue builds it. */
function spoken(words: Words | null, locale: Language = 'en'): string | null {
  if (!words) return null;
  return say(words, {
    t: (key, named) => i18n.global.t(key, named ?? {}, { locale }),
    formatDate: (iso) => formatDate(iso, LOCALE_TAGS[locale]),
  });
}

const blockedFor = (blockReason: 'lost' | 'stolen' | 'damaged' | 'left_employment' | 'other') =>
  ({ code: 'block_reason', params: { blockReason } }) as const;

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
      for (const locale of LANGUAGES) {
        expect(i18n.global.te(`present.status.${status}`, locale), `${locale} ${status}`).toBe(true);
      }
    }
  });
});

describe('status words', () => {
  it.each<[PresentedStatus, PresentedReason | null, string | null]>([
    ['active', null, null],
    ['blocked', blockedFor('lost'), 'Reported lost'],
    ['blocked', blockedFor('stolen'), 'Reported stolen'],
    ['blocked', blockedFor('damaged'), 'Reported damaged'],
    ['blocked', blockedFor('left_employment'), 'The holder has left the employer'],
    ['blocked', blockedFor('other'), 'Blocked for another reason'],
    ['blocked', { code: 'card_state', params: { state: 'terminated' } }, 'Card status: Terminated'],
    ['blocked', { code: 'card_state', params: { state: 'suspended' } }, 'Card status: Suspended'],
    ['blocked', null, 'This card is blocked.'],
    ['expired', { code: 'expired_on', params: { date: '2025-03-03' } }, 'Expired on 3 Mar 2025'],
    ['expired', null, 'The card is no longer valid.'],
    ['not_yet_active', { code: 'valid_from', params: { date: '2027-01-15' } }, 'Valid from 15 Jan 2027'],
    [
      'not_yet_active',
      { code: 'not_activated', params: { state: 'ready' } },
      'Card status: Ready for pick-up. The card has not been activated yet.',
    ],
    ['not_yet_active', null, 'The card has not been activated yet.'],
  ])('%s (%j) reads "%s"', (status, reason, words) => {
    expect(spoken(reasonWords(status, reason))).toBe(words);
  });

  it('says the reason in the operator’s language, the date in its format, never a code', () => {
    const cases: Array<[PresentedStatus, PresentedReason]> = [
      ['blocked', blockedFor('lost')],
      ['blocked', { code: 'card_state', params: { state: 'terminated' } }],
      ['expired', { code: 'expired_on', params: { date: '2025-03-03' } }],
      ['not_yet_active', { code: 'not_activated', params: { state: 'in_production' } }],
    ];
    const said = (locale: Language) =>
      cases.map(([status, reason]) => spoken(reasonWords(status, reason), locale));
    expect(said('sv')).toEqual([
      'Anmält borttappat',
      'Kortets status: Avslutat',
      'Gick ut den 3 mars 2025',
      'Kortets status: Under tillverkning. Kortet är inte aktiverat än.',
    ]);
    // English words can equal a code ("Reported lost"); no other language shows one.
    for (const locale of LANGUAGES.filter((l) => l !== 'en')) {
      for (const text of said(locale))
        expect(text, locale).not.toMatch(/lost|terminated|in_production|2025-03-03/);
    }
    expect(said('en')).not.toContain(expect.stringMatching(/in_production|2025-03-03/));
  });

  it('tells what to do with a card that identifies no one', () => {
    expect(spoken(reasonWords('unknown', null))).toMatch(/not registered at this desk/);
    expect(spoken(reasonWords('ambiguous', null))).toMatch(/Find the holder by name/);
    expect(spoken(reasonWords('unusable', null))).toMatch(/number printed on the card/);
    const unreadable: PresentedReason = { code: 'unreadable', params: { problem: 'parity' } };
    expect(spoken(reasonWords('unreadable', unreadable))).toMatch(/Hold it still/);
  });
});

describe('what a technician reads about a failed read', () => {
  it('names the problem and the reader profile in the operator’s language', () => {
    const reason: PresentedReason = {
      code: 'unreadable',
      params: { problem: 'invalid_character', profileId: 'wedge-hex-reversed' },
    };
    expect(spoken(technicalDetail('unreadable', reason))).toBe(
      'a card number with a character that does not belong in it (reader profile: Keyboard wedge, UID in hex, bytes reversed)',
    );
    expect(spoken(technicalDetail('unreadable', reason), 'nb')).toBe(
      'et kortnummer med et tegn som ikke hører hjemme der (leserprofil: Tastaturleser, UID heksadesimalt, omvendt byterekkefølge)',
    );
    expect(
      spoken(technicalDetail('unreadable', { code: 'unreadable', params: { problem: 'invalid_length' } })),
    ).toBe('a card number with the wrong number of digits');
  });

  it('has words for every problem and every built-in profile in every language', () => {
    for (const locale of LANGUAGES) {
      for (const problem of CREDENTIAL_ERROR_CODES) {
        for (const { id } of BUILT_IN_READER_PROFILES) {
          const text = spoken(
            technicalDetail('unreadable', { code: 'unreadable', params: { problem, profileId: id } }),
            locale,
          );
          expect(text, `${locale} ${problem} ${id}`).not.toMatch(/credentialProblems|readerProfiles|\{/);
        }
      }
    }
  });

  it('says nothing technical about a read that did not fail', () => {
    expect(technicalDetail('ambiguous', null)).toBeNull();
    expect(technicalDetail('blocked', blockedFor('stolen'))).toBeNull();
    expect(technicalDetail('unreadable', null)).toBeNull();
  });
});
