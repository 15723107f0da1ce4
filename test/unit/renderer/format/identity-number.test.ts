import { describe, expect, it } from 'vitest';
import { maskForList } from '../../../../src-renderer/format/identity-number';

describe('identity numbers in lists', () => {
  it('hides everything after the birth date', () => {
    expect(maskForList('19900517-1234')).toBe('19900517-****');
    expect(maskForList('170590-1234')).toBe('170590-****');
    expect(maskForList('17059012345')).toBe('170590*****');
  });

  it('leaves an already masked number alone and hides anything unexpected', () => {
    expect(maskForList('19900517-****')).toBe('19900517-****');
    expect(maskForList('1234')).toBe('****');
  });
});
