// Why a card was blocked: a code the screens translate, never free text that differs per desk.

export const BLOCK_REASONS = ['lost', 'stolen', 'damaged', 'left_employment', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export function isBlockReason(value: string): value is BlockReason {
  return (BLOCK_REASONS as readonly string[]).includes(value);
}

/**
 * The block reason a stored value stands for. The column is plain text: a value no version of the desk
 * writes (hand-edited, or from a future hub) still reads as a block, for another reason, rather than
 * as an answer the contract refuses.
 */
export function toBlockReason(stored: string | null): BlockReason | null {
  if (stored === null || stored.trim() === '') return null;
  return isBlockReason(stored) ? stored : 'other';
}
