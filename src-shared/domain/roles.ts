export const ROLES = ['reception', 'card_admin', 'it_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see full national identity numbers; everyone else sees them masked (DESIGN.md §9). */
export const ROLES_SEEING_IDENTITY_NUMBERS: readonly Role[] = ['card_admin', 'admin'];

export function canSeeIdentityNumbers(roles: readonly Role[]): boolean {
  return roles.some((role) => ROLES_SEEING_IDENTITY_NUMBERS.includes(role));
}
