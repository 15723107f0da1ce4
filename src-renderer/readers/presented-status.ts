// What reception must read at a glance for a presented card: a colour (tone) and words. The words are
// i18n keys with their parameters, so the mapping is testable without a screen and every language
// says the same thing. The core sends its reason as a code with typed parts (`presented-reason.ts`):
// this picks the sentence for the code, and marks which parts the screen formats or translates.
import type { PresentedReason } from '../../src-shared/api/presented-reason';
import type { PresentedStatus } from '../../src-shared/api/readers';
import type { CardState } from '../../src-shared/domain/card-states';

/** ok: green, stop: red, wait: amber, unknown: grey. */
export type PresentationTone = 'ok' | 'stop' | 'wait' | 'unknown';

const TONES: Record<PresentedStatus, PresentationTone> = {
  active: 'ok',
  blocked: 'stop',
  expired: 'stop',
  not_yet_active: 'wait',
  unknown: 'unknown',
  ambiguous: 'unknown',
  unusable: 'unknown',
  unreadable: 'unknown',
};

export function toneOf(status: PresentedStatus): PresentationTone {
  return TONES[status];
}

/** An i18n key and its parameters, some of which the screen formats or translates first. */
export interface Words {
  key: string;
  params?: Record<string, string>;
  /** Parameter names whose values are ISO dates, to be shown in the operator's date format. */
  dates?: readonly string[];
  /** Parameter names whose values are i18n keys themselves (a card state, a problem), shown translated. */
  translated?: readonly string[];
}

export interface WordsTranslator {
  t(key: string, named?: Record<string, unknown>): string;
  /** An ISO date in the operator's date format. */
  formatDate(iso: string): string;
}

/** The words in the operator's language, their dates formatted and their codes translated. */
export function say(words: Words, i18n: WordsTranslator): string {
  const params: Record<string, string> = { ...words.params };
  for (const name of words.dates ?? []) params[name] = i18n.formatDate(params[name] ?? '');
  for (const name of words.translated ?? []) params[name] = i18n.t(params[name] ?? '');
  return i18n.t(words.key, params);
}

function stateParam(state: CardState): Pick<Words, 'params' | 'translated'> {
  return { params: { state: `cards.state.${state}` }, translated: ['state'] };
}

function wordsOf(reason: PresentedReason): Words | null {
  switch (reason.code) {
    case 'block_reason':
      return { key: `present.blockReason.${reason.params.blockReason}` };
    case 'card_state':
      return { key: 'present.reason.state', ...stateParam(reason.params.state) };
    case 'not_activated':
      return { key: 'present.reason.notActivated', ...stateParam(reason.params.state) };
    case 'valid_from':
      return { key: 'present.reason.validFrom', params: { date: reason.params.date }, dates: ['date'] };
    case 'expired_on':
      return { key: 'present.reason.expiredOn', params: { date: reason.params.date }, dates: ['date'] };
    case 'unreadable':
      // Said as the technician's detail; the line under the status tells reception what to do.
      return null;
  }
}

/** What to say when the core sends no reason: the status alone. */
const WITHOUT_REASON: Partial<Record<PresentedStatus, Words>> = {
  blocked: { key: 'present.reason.blocked' },
  expired: { key: 'present.reason.expired' },
  not_yet_active: { key: 'present.help.not_yet_active' },
};

/** The line under the status: why, or what to do. */
export function reasonWords(status: PresentedStatus, reason: PresentedReason | null): Words | null {
  if (status === 'active') return null;
  const said = reason ? wordsOf(reason) : null;
  return said ?? WITHOUT_REASON[status] ?? { key: `present.help.${status}` };
}

/**
 * What went wrong with a failed read, for a technician: shown small under the explanation. Only for
 * reads that failed; for an ambiguous or random-UID card the translated help says it all.
 */
export function technicalDetail(status: PresentedStatus, reason: PresentedReason | null): Words | null {
  if (status !== 'unreadable' || reason?.code !== 'unreadable') return null;
  const { problem, profileId } = reason.params;
  return profileId === undefined
    ? { key: `credentialProblems.${problem}` }
    : {
        key: 'present.problemWithProfile',
        params: { problem: `credentialProblems.${problem}`, profile: `readerProfiles.${profileId}` },
        translated: ['problem', 'profile'],
      };
}

/** Today as the core counts it when it checks validity (the UTC date), as YYYY-MM-DD. */
export function deskToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
