// A card that already has a working chip gets a new one only as a replacement, with a reason: the old
// chip is retired in the same step, so a tap of it no longer finds the card.

export const CHIP_REPLACEMENT_REASONS = ['lost_chip', 'damaged', 'other'] as const;
export type ChipReplacementReason = (typeof CHIP_REPLACEMENT_REASONS)[number];

export interface ChipReplacement {
  reason: ChipReplacementReason;
  note?: string | null | undefined;
}

/** `other` needs a note that says what happened; the others speak for themselves. */
export function isChipReplacementComplete(replacement: ChipReplacement): boolean {
  return replacement.reason !== 'other' || (replacement.note ?? '').trim().length > 0;
}
