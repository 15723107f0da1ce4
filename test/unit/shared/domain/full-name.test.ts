import { describe, expect, it } from 'vitest';
import { fullName } from '../../../../src-shared/domain/full-name';

describe('fullName', () => {
  it('puts the given name first, as the desk greets people', () => {
    expect(fullName({ givenName: 'Åsa', familyName: 'Ørsted' })).toBe('Åsa Ørsted');
  });

  it('leaves no stray space while a form is half filled in', () => {
    expect(fullName({ givenName: 'Åsa', familyName: '' })).toBe('Åsa');
    expect(fullName({ givenName: '', familyName: '' })).toBe('');
  });
});
