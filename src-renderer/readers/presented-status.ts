// What reception must read at a glance for a presented card: a colour (tone) and words. The words are
// i18n keys with their parameters, so the mapping is testable without a screen and every language
// says the same thing. The core's `reason` is a block reason code, a card state, a date, or English
// text for a technician (see src-main/core/readers/identify.ts and reader-pipeline.ts).
import type { PresentedStatus } from '../../src-shared/api/readers';
import { CARD_STATES, type Card } from '../../src-shared/api/schemas';
import { cardStatus, UNBINDABLE_CARD_STATES } from '../../src-shared/domain/card-status';

/** ok: green, stop: red, wait: amber, unknown: grey. */
export type PresentationTone = 'ok' | 'stop' | 'wait' | 'unknown';

export const BLOCK_REASONS = ['lost', 'stolen', 'damaged', 'left_employment', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

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

/** An i18n key and its parameters; `date` parameters are formatted by the screen (`dates`). */
export interface Words {
  key: string;
  params?: Record<string, string>;
  /** Parameter names whose values are ISO dates, to be shown in the operator's date format. */
  dates?: readonly string[];
  /** Parameter names whose values are card states, to be shown translated. */
  states?: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

function isBlockReason(reason: string): reason is BlockReason {
  return (BLOCK_REASONS as readonly string[]).includes(reason);
}

function isCardState(reason: string): reason is Card['state'] {
  return (CARD_STATES as readonly string[]).includes(reason);
}

function blockedWords(reason: string | null): Words {
  if (reason === null || reason.trim() === '') return { key: 'present.reason.blocked' };
  if (isBlockReason(reason)) return { key: `present.blockReason.${reason}` };
  if (isCardState(reason))
    return { key: 'present.reason.state', params: { state: reason }, states: ['state'] };
  return { key: 'present.reason.freeText', params: { text: reason } };
}

function notYetWords(reason: string | null): Words {
  if (reason !== null && DATE.test(reason))
    return { key: 'present.reason.validFrom', params: { date: reason }, dates: ['date'] };
  if (reason !== null && isCardState(reason))
    return { key: 'present.reason.notActivated', params: { state: reason }, states: ['state'] };
  return { key: 'present.help.not_yet_active' };
}

/** The line under the status: why, or what to do. */
export function reasonWords(status: PresentedStatus, reason: string | null): Words | null {
  switch (status) {
    case 'active':
      return null;
    case 'blocked':
      return blockedWords(reason);
    case 'expired':
      return reason !== null && DATE.test(reason)
        ? { key: 'present.reason.expiredOn', params: { date: reason }, dates: ['date'] }
        : { key: 'present.reason.expired' };
    case 'not_yet_active':
      return notYetWords(reason);
    default:
      return { key: `present.help.${status}` };
  }
}

/**
 * The core's own words for a failed read, for a technician: shown small under the explanation. Only
 * for reads that failed; for an ambiguous or random-UID card the translated help says it all.
 */
export function technicalDetail(status: PresentedStatus, reason: string | null): string | null {
  return status === 'unreadable' && reason ? reason : null;
}

/** A card's status on `today`, as the core decides it at a tap: shows a card just bound at once. */
export const statusOfCard = cardStatus;

/** Whether a tapped chip may be bound to this card: a physical card that is still in use. */
export function isBindable(card: Pick<Card, 'kind' | 'state' | 'validUntil'>, today: string): boolean {
  if (card.kind === 'mobile_id' || UNBINDABLE_CARD_STATES.includes(card.state)) return false;
  return card.validUntil === null || card.validUntil >= today;
}

/** Today as the core counts it when it checks validity (the UTC date), as YYYY-MM-DD. */
export function deskToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
