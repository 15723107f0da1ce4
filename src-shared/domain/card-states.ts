// A card's life (DESIGN.md section 4): the states it passes through and the kinds of card there are.
// The contract's schemas, the core's operations and the screens all take them from here.

export const CARD_STATES = [
  'ordered',
  // A mobile visual ID waits for its holder to enter the activation code from the invitation e-mail.
  'invited',
  'approved',
  'in_production',
  'ready',
  'active',
  'suspended',
  'blocked',
  'terminated',
  'expired',
  'rejected',
  'cancelled',
] as const;
export type CardState = (typeof CARD_STATES)[number];

export const CARD_KINDS = ['access_card', 'id06', 'smart_card', 'mobile_id'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** On its way to the holder: not usable yet. */
export const NOT_YET_ISSUED_STATES: readonly CardState[] = [
  'ordered',
  'invited',
  'approved',
  'in_production',
  'ready',
];
/** Stopped by someone: reception must not let the card through, whatever its dates say. */
export const STOPPED_STATES: readonly CardState[] = [
  'blocked',
  'suspended',
  'terminated',
  'rejected',
  'cancelled',
];

export function isCardState(value: string): value is CardState {
  return (CARD_STATES as readonly string[]).includes(value);
}
