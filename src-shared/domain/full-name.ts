/**
 * A holder's name as the desk shows and says it: given name, then family name. One rule, so the idle
 * screen, the toasts, the readers panel and the search index always agree.
 */
export function fullName(holder: { givenName: string; familyName: string }): string {
  return `${holder.givenName} ${holder.familyName}`.trim();
}
