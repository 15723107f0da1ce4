// The desk's own operation, run at start and then periodically: cards past their last valid day
// become `expired` through the lifecycle table's `expire` (the system's action). One operation per
// batch, so a desk that was off for months catches up in a few short transactions.
import { cardLineOf, TRANSITIONS } from '../../../../src-shared/domain/card-lifecycle';
import type { CardKind, CardState } from '../../../../src-shared/domain/card-states';
import { defineOperation } from '../../ops/operations';
import type { Db } from '../../store/database';
import { setCardState } from '../card-facts';
import { enforceTransition } from '../enforce-transition';

export interface ExpiryRound {
  /** The last day a card counts as past: cards valid until before this day (YYYY-MM-DD) expire. */
  today: string;
  limit: number;
}

/** Every state `expire` leaves from, physical and mobile together. */
const EXPIRING_STATES: readonly CardState[] = [
  ...new Set([...(TRANSITIONS.expire.from.physical ?? []), ...(TRANSITIONS.expire.from.mobile ?? [])]),
];

/** Whether any card is due: the round writes nothing (not even an audit event) when none is. */
export function isExpiryDue(db: Db, today: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM cards WHERE valid_until < ? AND state IN (${EXPIRING_STATES.map(() => '?').join(',')}) LIMIT 1`,
      )
      .get(today, ...EXPIRING_STATES) !== undefined
  );
}

export const expireCards = defineOperation<ExpiryRound, number>('card.expire', (scope, p) => {
  const due = scope.db
    .prepare(
      `SELECT id, kind, state FROM cards
       WHERE valid_until < ? AND state IN (${EXPIRING_STATES.map(() => '?').join(',')})
       ORDER BY valid_until LIMIT ?`,
    )
    .all(p.today, ...EXPIRING_STATES, p.limit) as { id: string; kind: CardKind; state: CardState }[];
  const expired: { id: string; from: CardState }[] = [];
  for (const card of due) {
    // A mobile ID in a state its line does not expire from stays as it is.
    const line = cardLineOf(card.kind);
    if (!(TRANSITIONS.expire.from[line] ?? []).includes(card.state)) continue;
    const to = enforceTransition({ line, state: card.state, action: 'expire', actors: ['system'] });
    setCardState(scope.db, card.id, to, scope.now);
    expired.push({ id: card.id, from: card.state });
  }
  const facts = { today: p.today, cards: expired };
  return {
    result: expired.length,
    recordType: 'cards',
    recordId: p.today,
    audit: { today: p.today, count: expired.length },
    outbox: facts,
  };
});
