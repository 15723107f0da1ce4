export const ROLES = ['reception', 'card_admin', 'it_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see full national identity numbers; everyone else sees them masked (DESIGN.md §9). */
export const ROLES_SEEING_IDENTITY_NUMBERS: readonly Role[] = ['card_admin', 'admin'];

export function canSeeIdentityNumbers(roles: readonly Role[]): boolean {
  return roles.some((role) => ROLES_SEEING_IDENTITY_NUMBERS.includes(role));
}

// Who may do what, by group: the contract's `access` (enforced by the core dispatcher) and the screens
// (which only hide what an operator cannot do anyway) use these same groups.

/** Everyone who works at the desk. */
export const ALL_STAFF: readonly Role[] = ROLES;
/** Register holders, their employers and cards. */
export const CARD_ADMINS: readonly Role[] = ['card_admin', 'admin'];
/** Operators, reader settings: the desk itself. */
export const ADMINS: readonly Role[] = ['admin'];
/** Reception binds a new card's chip by tapping it when handing the card over (DESIGN.md flow 3). */
export const CARD_HANDLERS: readonly Role[] = ['reception', 'card_admin', 'admin'];
