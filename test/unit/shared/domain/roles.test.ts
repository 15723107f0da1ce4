// The role groups are the contract's access rules and the screens' menus at once.
import { describe, expect, it } from 'vitest';
import { methods } from '../../../../src-shared/api/methods';
import { ADMINS, ALL_STAFF, CARD_ADMINS, CARD_HANDLERS, ROLES } from '../../../../src-shared/domain/roles';

describe('role groups', () => {
  it('everyone is staff; only administrators run the desk', () => {
    expect([...ALL_STAFF].sort()).toEqual([...ROLES].sort());
    expect(ADMINS).toEqual(['admin']);
  });

  it('an IT administrator neither registers nor binds cards; reception binds but does not register', () => {
    expect(CARD_ADMINS).not.toContain('it_admin');
    expect(CARD_HANDLERS).not.toContain('it_admin');
    expect(CARD_HANDLERS).toContain('reception');
    expect(CARD_ADMINS).not.toContain('reception');
    for (const role of CARD_ADMINS) expect(CARD_HANDLERS).toContain(role);
  });

  it('the contract uses these groups', () => {
    expect(methods['cards.register'].access).toBe(CARD_ADMINS);
    expect(methods['cards.bindCredential'].access).toBe(CARD_HANDLERS);
    expect(methods['operators.update'].access).toBe(ADMINS);
    expect(methods['holders.get'].access).toBe(ALL_STAFF);
  });
});
