// The card lifecycle (DESIGN.md sections 2 and 4, docs/card-lifecycle.md): every transition a card or a
// mobile visual ID can make, who may make it and what it needs, as one table. The core enforces it on
// every operation, the screens offer only what it allows, and the hub re-validates synced operations
// with it. Pure: no clock, no database; whatever it needs to know comes in as facts.
import { BLOCK_REASONS, type BlockReason } from './block-reasons';
import type { CardKind, CardState } from './card-states';
import { CARD_ADMINS, CARD_HANDLERS, type Role } from './roles';

/** Who acts: an operator's role, or the desk itself (expiry on the calendar, an issuer's answer file). */
export type Actor = Role | 'system';
export const ACTORS: readonly Actor[] = ['reception', 'card_admin', 'it_admin', 'admin', 'system'];

/** A physical card (ID06, access card, smart card) or a mobile visual ID: two different lives. */
export type CardLine = 'physical' | 'mobile';
export const cardLineOf = (kind: CardKind): CardLine => (kind === 'mobile_id' ? 'mobile' : 'physical');

export const CARD_ACTIONS = [
  'approve',
  'reject',
  'cancel',
  'startProduction',
  'productionFailed',
  'markReady',
  'handOver',
  'activate',
  'suspend',
  'resume',
  'block',
  'unblock',
  'terminate',
  'expire',
] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** What an action needs beside an allowed state and role. */
interface Needs {
  /** A free-text reason (a rejection, an unblock, a suspension): the next person reads it. */
  note?: boolean;
  /** A block reason from BLOCK_REASONS; `other` needs a note too. */
  blockReason?: boolean;
  /** Four eyes: never the operator who placed the order. */
  notOrderer?: boolean;
  /** Reception compared the holder's face with the photo and said so. */
  faceChecked?: boolean;
}

interface Transition {
  from: Partial<Record<CardLine, readonly CardState[]>>;
  /** The state after; 'previous' returns to the state the card had before its block. */
  to: CardState | 'previous';
  who: readonly Actor[];
  needs?: Needs;
}

const SYSTEM_OR_CARD_ADMINS: readonly Actor[] = [...CARD_ADMINS, 'system'];
/** Not yet in a holder's hands: such a card is terminated, never blocked (ID06's rule). */
export const NEVER_ACTIVATED_STATES: readonly CardState[] = ['approved', 'in_production', 'ready'];

/** The table. docs/card-lifecycle.md prints it; test/unit/shared/domain/card-lifecycle.test.ts walks it. */
export const TRANSITIONS: Readonly<Record<CardAction, Transition>> = {
  approve: { from: { physical: ['ordered'] }, to: 'approved', who: CARD_ADMINS, needs: { notOrderer: true } },
  reject: {
    from: { physical: ['ordered'] },
    to: 'rejected',
    who: CARD_ADMINS,
    needs: { notOrderer: true, note: true },
  },
  // An order cancelled after approval takes its mobile ID with it while the holder has not activated it.
  cancel: {
    from: { physical: ['ordered', 'approved'], mobile: ['invited'] },
    to: 'cancelled',
    who: CARD_ADMINS,
  },
  startProduction: { from: { physical: ['approved'] }, to: 'in_production', who: CARD_ADMINS },
  // A failed print or batch puts the card back where it was, with the error kept: nothing is lost.
  productionFailed: { from: { physical: ['in_production'] }, to: 'approved', who: SYSTEM_OR_CARD_ADMINS },
  markReady: { from: { physical: ['in_production'] }, to: 'ready', who: SYSTEM_OR_CARD_ADMINS },
  handOver: { from: { physical: ['ready'] }, to: 'active', who: CARD_HANDLERS, needs: { faceChecked: true } },
  // The holder entered the activation code from the invitation (the hub's page does this).
  activate: { from: { mobile: ['invited'] }, to: 'active', who: ['system'] },
  suspend: { from: { physical: ['active'] }, to: 'suspended', who: CARD_ADMINS, needs: { note: true } },
  resume: { from: { physical: ['suspended'] }, to: 'active', who: CARD_ADMINS },
  block: {
    from: { physical: ['active', 'suspended'], mobile: ['invited', 'active'] },
    to: 'blocked',
    who: CARD_HANDLERS,
    needs: { blockReason: true },
  },
  unblock: {
    from: { physical: ['blocked'], mobile: ['blocked'] },
    to: 'previous',
    who: CARD_ADMINS,
    needs: { note: true },
  },
  terminate: {
    from: { physical: [...NEVER_ACTIVATED_STATES, 'active', 'suspended', 'blocked'] },
    to: 'terminated',
    who: CARD_ADMINS,
    needs: { note: true },
  },
  expire: {
    from: { physical: ['ready', 'active', 'suspended'], mobile: ['invited', 'active'] },
    to: 'expired',
    who: ['system'],
  },
};

/**
 * Reception registers what a holder reports at the desk (a lost, stolen or damaged card); ending a
 * card for leaving the employer, or for a reason that needs explaining, is a card administrator's call.
 */
export const BLOCK_REASONS_BY_ACTOR: Readonly<Record<Actor, readonly BlockReason[]>> = {
  reception: ['lost', 'stolen', 'damaged'],
  card_admin: BLOCK_REASONS,
  admin: BLOCK_REASONS,
  it_admin: [],
  system: [],
};

/** A block reason that needs a note to say what happened. */
export const isNoteRequiredFor = (reason: BlockReason): boolean => reason === 'other';

/** Where a state sits on the way to the holder; the final and early-end states come after everything. */
const PROGRESS: Readonly<Record<CardState, number>> = {
  ordered: 0,
  invited: 1,
  approved: 1,
  in_production: 2,
  ready: 3,
  active: 4,
  suspended: 4,
  blocked: 5,
  terminated: 6,
  expired: 6,
  rejected: 6,
  cancelled: 6,
};

export interface TransitionRequest {
  line: CardLine;
  state: CardState;
  action: CardAction;
  /** The acting operator's roles as their record is now, or ['system']. */
  actors: readonly Actor[];
  /** Whether the actor placed the order the card comes from. */
  isOrderer?: boolean;
  blockReason?: BlockReason | null;
  note?: string | null;
  faceChecked?: boolean;
  /** For 'unblock': the state the card had when the block was placed. */
  stateBeforeBlock?: CardState | null;
}

export type TransitionRefusal =
  /** None of the actor's roles may take this action at all. */
  | { code: 'forbidden'; params: { action: CardAction } }
  /** The card has passed the point where this action applies ("already approved", "already cancelled"). */
  | { code: 'already_in_state'; params: { action: CardAction; state: CardState } }
  /** The card has not reached the point where this action applies (hand-over of an unapproved order). */
  | { code: 'not_yet'; params: { action: CardAction; state: CardState } }
  /** This kind of card has no such step (a mobile ID is not printed). */
  | { code: 'not_for_kind'; params: { action: CardAction; line: CardLine } }
  /** A card that never reached its holder is terminated, not blocked. */
  | { code: 'never_activated'; params: { state: CardState } }
  /** Four eyes: the orderer may not decide their own order. */
  | { code: 'own_order'; params: { action: CardAction } }
  | { code: 'note_required'; params: { action: CardAction } }
  | { code: 'block_reason_required'; params: Record<string, never> }
  /** This role may not block for this reason (reception and "left the employer"). */
  | { code: 'block_reason_not_allowed'; params: { blockReason: BlockReason } }
  | { code: 'face_check_required'; params: Record<string, never> };

export type TransitionDecision = { ok: true; to: CardState } | { ok: false; refusal: TransitionRefusal };

const refuse = (refusal: TransitionRefusal): TransitionDecision => ({ ok: false, refusal });
const hasNote = (note: string | null | undefined) => typeof note === 'string' && note.trim().length > 0;

/**
 * Whether `action` may happen to a card in `state` at the hands of `actors`, and the state after it.
 * Checks in the order a person would want to hear them: may I at all, is it the card's moment, then
 * what is missing from what I entered.
 */
export function decideTransition(request: TransitionRequest): TransitionDecision {
  const { line, state, action, actors } = request;
  const transition = TRANSITIONS[action];
  const entitled = actors.filter((actor) => transition.who.includes(actor));
  if (entitled.length === 0) return refuse({ code: 'forbidden', params: { action } });

  const from = transition.from[line];
  if (!from) return refuse({ code: 'not_for_kind', params: { action, line } });
  if (!from.includes(state)) {
    if (action === 'block' && line === 'physical' && NEVER_ACTIVATED_STATES.includes(state)) {
      return refuse({ code: 'never_activated', params: { state } });
    }
    const earliest = Math.min(...from.map((s) => PROGRESS[s]));
    return refuse({
      code: PROGRESS[state] < earliest ? 'not_yet' : 'already_in_state',
      params: { action, state },
    });
  }

  const needs = transition.needs ?? {};
  if (needs.notOrderer && request.isOrderer === true)
    return refuse({ code: 'own_order', params: { action } });
  if (needs.blockReason) {
    const reason = request.blockReason;
    if (!reason || !BLOCK_REASONS.includes(reason))
      return refuse({ code: 'block_reason_required', params: {} });
    if (!entitled.some((actor) => BLOCK_REASONS_BY_ACTOR[actor].includes(reason)))
      return refuse({ code: 'block_reason_not_allowed', params: { blockReason: reason } });
    if (isNoteRequiredFor(reason) && !hasNote(request.note))
      return refuse({ code: 'note_required', params: { action } });
  }
  if (needs.note && !hasNote(request.note)) return refuse({ code: 'note_required', params: { action } });
  if (needs.faceChecked && request.faceChecked !== true)
    return refuse({ code: 'face_check_required', params: {} });

  if (transition.to !== 'previous') return { ok: true, to: transition.to };
  // An unblock returns the card to where it was; a block record from before this rule existed (or from
  // a hub that did not say) leaves a physical card active and a mobile ID invited, never further on.
  const before = request.stateBeforeBlock;
  const fallback: CardState = line === 'mobile' ? 'invited' : 'active';
  const allowedBefore = TRANSITIONS.block.from[line] ?? [];
  return { ok: true, to: before && allowedBefore.includes(before) ? before : fallback };
}

/** The actions `actors` could take on a card in `state` now (the screens' menus); facts come later. */
export function availableActions(line: CardLine, state: CardState, actors: readonly Actor[]): CardAction[] {
  return CARD_ACTIONS.filter((action) => {
    const transition = TRANSITIONS[action];
    return (
      actors.some((actor) => transition.who.includes(actor)) && (transition.from[line] ?? []).includes(state)
    );
  });
}
