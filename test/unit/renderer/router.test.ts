import { describe, expect, it } from 'vitest';
import { ADMINS, CARD_ADMINS, type Role } from '../../../src-shared/domain/roles';
import { redirectFor } from '../../../src-renderer/router';

const as = (roles: Role[]) => (allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

describe('which screen the session allows', () => {
  it('sends everything to the first run until the first administrator exists', () => {
    expect(redirectFor('needsFirstAdmin', {}, as([]))).toEqual({ name: 'firstRun' });
    expect(redirectFor('needsFirstAdmin', { phase: 'needsFirstAdmin' }, as([]))).toBeNull();
  });

  it('sends a logged-out screen to the login', () => {
    expect(redirectFor('loggedOut', { roles: ADMINS }, as([]))).toEqual({ name: 'login' });
    expect(redirectFor('loggedOut', { phase: 'loggedOut' }, as([]))).toBeNull();
  });

  it('keeps an operator out of screens their role cannot use', () => {
    expect(redirectFor('loggedIn', { roles: ADMINS }, as(['reception']))).toEqual({ name: 'home' });
    expect(redirectFor('loggedIn', { roles: CARD_ADMINS }, as(['card_admin']))).toBeNull();
    expect(redirectFor('loggedIn', {}, as(['reception']))).toBeNull();
    expect(redirectFor('loggedIn', { phase: 'loggedOut' }, as(['admin']))).toEqual({ name: 'home' });
  });
});
