import { describe, expect, it } from 'vitest';
import { BLOCK_REASONS, toBlockReason } from '../../../../src-shared/domain/block-reasons';

describe('toBlockReason', () => {
  it('reads every stored code as itself', () => {
    for (const reason of BLOCK_REASONS) expect(toBlockReason(reason)).toBe(reason);
  });

  it('reads no reason as none', () => {
    expect(toBlockReason(null)).toBeNull();
    expect(toBlockReason('')).toBeNull();
    expect(toBlockReason('   ')).toBeNull();
  });

  it('reads text no desk writes as another reason, so the card still reads as blocked', () => {
    expect(toBlockReason('Found in the lift')).toBe('other');
    expect(toBlockReason('LOST')).toBe('other');
  });
});
