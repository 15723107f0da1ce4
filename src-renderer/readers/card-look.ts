// How a card's situation looks at a glance, the same on the idle screen after a tap and in a holder's
// card list: each situation reception must tell apart has its own colour AND icon, so it is never
// "one red" (and still readable for someone who does not see the colour).
import type { PresentedReason } from '../../src-shared/api/presented-reason';
import type { PresentedStatus } from '../../src-shared/api/readers';
import type { CardState } from '../../src-shared/domain/card-states';

export type CardLook = 'active' | 'blocked' | 'suspended' | 'terminated' | 'expired' | 'waiting' | 'unknown';

export const LOOK_ICONS: Readonly<Record<CardLook, string>> = {
  active: 'pi pi-check-circle',
  blocked: 'pi pi-ban',
  suspended: 'pi pi-pause-circle',
  terminated: 'pi pi-times-circle',
  expired: 'pi pi-calendar-times',
  waiting: 'pi pi-clock',
  unknown: 'pi pi-question-circle',
};

/** Ended for good or never made: the card will not come back. */
const ENDED: readonly CardState[] = ['terminated', 'rejected', 'cancelled'];

export function lookOfState(state: CardState): CardLook {
  if (state === 'active') return 'active';
  if (state === 'blocked') return 'blocked';
  if (state === 'suspended') return 'suspended';
  if (state === 'expired') return 'expired';
  if (ENDED.includes(state)) return 'terminated';
  return 'waiting';
}

/** A card in a list: its state, or expired when its last valid day has passed (before the desk's round). */
export function lookOfCard(card: { state: CardState; validUntil: string | null }, today: string): CardLook {
  const look = lookOfState(card.state);
  if (look === 'active' && card.validUntil !== null && card.validUntil < today) return 'expired';
  return look;
}

/** A tap: the status the core decided, told apart further by its reason where the status is "blocked". */
export function lookOfPresented(status: PresentedStatus, reason: PresentedReason | null): CardLook {
  switch (status) {
    case 'active':
      return 'active';
    case 'expired':
      return 'expired';
    case 'not_yet_active':
      return 'waiting';
    case 'blocked':
      return reason?.code === 'card_state' ? lookOfState(reason.params.state) : 'blocked';
    default:
      return 'unknown';
  }
}
