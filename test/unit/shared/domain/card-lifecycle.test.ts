// The lifecycle as a table: every line × state × action × actor is either in ALLOWED (with the state it
// leads to) or refused with a code a screen can translate. The table below is written by hand from
// DESIGN.md and ID06's rules, not derived from the code it checks.
import { describe, expect, it } from 'vitest';
import { BLOCK_REASONS } from '../../../../src-shared/domain/block-reasons';
import {
  ACTORS,
  CARD_ACTIONS,
  availableActions,
  decideTransition,
  type Actor,
  type CardAction,
  type CardLine,
  type TransitionRequest,
} from '../../../../src-shared/domain/card-lifecycle';
import { CARD_STATES, type CardState } from '../../../../src-shared/domain/card-states';

const ALLOWED = `
physical ordered       approve          card_admin admin         -> approved
physical ordered       reject           card_admin admin         -> rejected
physical ordered       cancel           card_admin admin         -> cancelled
physical approved      cancel           card_admin admin         -> cancelled
physical approved      startProduction  card_admin admin         -> in_production
physical in_production productionFailed card_admin admin system  -> approved
physical in_production markReady        card_admin admin system  -> ready
physical ready         handOver         reception card_admin admin -> active
physical active        suspend          card_admin admin         -> suspended
physical suspended     resume           card_admin admin         -> active
physical active        block            reception card_admin admin -> blocked
physical suspended     block            reception card_admin admin -> blocked
physical blocked       unblock          card_admin admin         -> active
physical approved      terminate        card_admin admin         -> terminated
physical in_production terminate        card_admin admin         -> terminated
physical ready         terminate        card_admin admin         -> terminated
physical active        terminate        card_admin admin         -> terminated
physical suspended     terminate        card_admin admin         -> terminated
physical blocked       terminate        card_admin admin         -> terminated
physical ready         expire           system                   -> expired
physical active        expire           system                   -> expired
physical suspended     expire           system                   -> expired
mobile   invited       cancel           card_admin admin         -> cancelled
mobile   invited       activate         system                   -> active
mobile   invited       block            reception card_admin admin -> blocked
mobile   active        block            reception card_admin admin -> blocked
mobile   blocked       unblock          card_admin admin         -> active
mobile   invited       expire           system                   -> expired
mobile   active        expire           system                   -> expired
`;

const allowed = new Map<string, CardState>();
for (const line of ALLOWED.trim().split('\n')) {
  const [left, to] = line.split('->').map((s) => s.trim());
  const [kind, state, action, ...actors] = left!.split(/\s+/);
  for (const actor of actors) allowed.set(`${kind} ${state} ${action} ${actor}`, to as CardState);
}

/** Every fact an action may need, satisfied: only the state and the role decide. */
const satisfied = (
  line: CardLine,
  state: CardState,
  action: CardAction,
  actor: Actor,
): TransitionRequest => ({
  line,
  state,
  action,
  actors: [actor],
  isOrderer: false,
  blockReason: 'lost',
  note: 'Reported at the desk',
  faceChecked: true,
  stateBeforeBlock: 'active',
});

const LINES: CardLine[] = ['physical', 'mobile'];
const combos = LINES.flatMap((line) =>
  CARD_STATES.flatMap((state) =>
    CARD_ACTIONS.flatMap((action) => ACTORS.map((actor) => [line, state, action, actor] as const)),
  ),
);

describe('the card lifecycle table', () => {
  it(`answers each of the ${combos.length} combinations as the hand-written table says`, () => {
    const wrong: string[] = [];
    for (const [line, state, action, actor] of combos) {
      const key = `${line} ${state} ${action} ${actor}`;
      const decision = decideTransition(satisfied(line, state, action, actor));
      const expected = allowed.get(key);
      if (expected) {
        if (!decision.ok || decision.to !== expected) wrong.push(`${key}: expected ${expected}`);
      } else if (decision.ok) {
        wrong.push(`${key}: allowed (to ${decision.to}) but not in the table`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses with a code that names the problem, never a bare "no"', () => {
    const codes = new Set<string>();
    for (const [line, state, action, actor] of combos) {
      const decision = decideTransition(satisfied(line, state, action, actor));
      if (!decision.ok) codes.add(decision.refusal.code);
    }
    expect([...codes].sort()).toEqual(
      ['already_in_state', 'forbidden', 'never_activated', 'not_for_kind', 'not_yet'].sort(),
    );
  });

  it('says "already" for an order approved twice or after it was cancelled, "not yet" before its time', () => {
    const approveAgain = decideTransition({ ...satisfied('physical', 'approved', 'approve', 'card_admin') });
    expect(approveAgain).toEqual({
      ok: false,
      refusal: { code: 'already_in_state', params: { action: 'approve', state: 'approved' } },
    });
    const approveCancelled = decideTransition(satisfied('physical', 'cancelled', 'approve', 'card_admin'));
    expect(approveCancelled.ok || approveCancelled.refusal).toMatchObject({
      code: 'already_in_state',
      params: { state: 'cancelled' },
    });
    const handOverEarly = decideTransition(satisfied('physical', 'approved', 'handOver', 'reception'));
    expect(handOverEarly.ok || handOverEarly.refusal.code).toBe('not_yet');
  });

  it('asks to terminate, not block, a card that never reached its holder', () => {
    for (const state of ['approved', 'in_production', 'ready'] as const) {
      const decision = decideTransition(satisfied('physical', state, 'block', 'card_admin'));
      expect(decision.ok || decision.refusal).toEqual({ code: 'never_activated', params: { state } });
    }
  });

  it('keeps four eyes: the orderer can neither approve nor reject their own order', () => {
    for (const action of ['approve', 'reject'] as const) {
      const decision = decideTransition({
        ...satisfied('physical', 'ordered', action, 'admin'),
        isOrderer: true,
      });
      expect(decision.ok || decision.refusal).toEqual({ code: 'own_order', params: { action } });
    }
    const cancelOwn = decideTransition({
      ...satisfied('physical', 'ordered', 'cancel', 'card_admin'),
      isOrderer: true,
    });
    expect(cancelOwn).toEqual({ ok: true, to: 'cancelled' });
  });

  it('needs a note for a rejection, a suspension, an unblock, a termination and a block for "other"', () => {
    const cases: [CardLine, CardState, CardAction][] = [
      ['physical', 'ordered', 'reject'],
      ['physical', 'active', 'suspend'],
      ['physical', 'blocked', 'unblock'],
      ['mobile', 'blocked', 'unblock'],
      ['physical', 'ready', 'terminate'],
    ];
    for (const [line, state, action] of cases) {
      for (const note of [null, '', '   ']) {
        const decision = decideTransition({ ...satisfied(line, state, action, 'card_admin'), note });
        expect(decision.ok || decision.refusal).toEqual({ code: 'note_required', params: { action } });
      }
    }
    const other = decideTransition({
      ...satisfied('physical', 'active', 'block', 'card_admin'),
      blockReason: 'other',
      note: ' ',
    });
    expect(other.ok || other.refusal.code).toBe('note_required');
    const lostNoNote = decideTransition({
      ...satisfied('physical', 'active', 'block', 'reception'),
      note: null,
    });
    expect(lostNoNote).toEqual({ ok: true, to: 'blocked' });
  });

  it('lets reception block for what a holder reports, and a card administrator for any reason', () => {
    for (const reason of BLOCK_REASONS) {
      const byReception = decideTransition({
        ...satisfied('physical', 'active', 'block', 'reception'),
        blockReason: reason,
      });
      const byAdmin = decideTransition({
        ...satisfied('physical', 'active', 'block', 'card_admin'),
        blockReason: reason,
      });
      expect(byAdmin.ok).toBe(true);
      expect(byReception.ok).toBe(['lost', 'stolen', 'damaged'].includes(reason));
    }
    const withoutReason = decideTransition({
      ...satisfied('mobile', 'active', 'block', 'admin'),
      blockReason: null,
    });
    expect(withoutReason.ok || withoutReason.refusal.code).toBe('block_reason_required');
  });

  it('an operator with two roles may do what either allows', () => {
    const both = decideTransition({
      ...satisfied('physical', 'active', 'block', 'reception'),
      actors: ['reception', 'card_admin'],
      blockReason: 'left_employment',
    });
    expect(both).toEqual({ ok: true, to: 'blocked' });
  });

  it('needs the face check before a card is handed over', () => {
    const decision = decideTransition({
      ...satisfied('physical', 'ready', 'handOver', 'reception'),
      faceChecked: false,
    });
    expect(decision.ok || decision.refusal.code).toBe('face_check_required');
  });

  it('an unblock returns the card to where it was before its block, never further on', () => {
    const unblock = (line: CardLine, before: CardState | null) =>
      decideTransition({ ...satisfied(line, 'blocked', 'unblock', 'card_admin'), stateBeforeBlock: before });
    expect(unblock('physical', 'suspended')).toEqual({ ok: true, to: 'suspended' });
    expect(unblock('physical', null)).toEqual({ ok: true, to: 'active' });
    expect(unblock('physical', 'ordered')).toEqual({ ok: true, to: 'active' });
    expect(unblock('mobile', 'invited')).toEqual({ ok: true, to: 'invited' });
    expect(unblock('mobile', 'expired')).toEqual({ ok: true, to: 'invited' });
  });

  it('offers in menus exactly the actions the table allows for the state and role', () => {
    expect(availableActions('physical', 'active', ['reception'])).toEqual(['block']);
    expect(availableActions('physical', 'ordered', ['card_admin'])).toEqual(['approve', 'reject', 'cancel']);
    expect(availableActions('mobile', 'blocked', ['reception'])).toEqual([]);
    expect(availableActions('physical', 'terminated', ['admin'])).toEqual([]);
  });
});
