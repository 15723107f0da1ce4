// Lists never show a full identity number (DESIGN.md §9): whatever the core sent, only the birth-date
// part stays visible. The holder's own page shows what the core allows this operator to see.
// The core writes SE `YYYYMMDD-NNNN`, DK `DDMMYY-NNNN`, NO `DDMMYYNNNNN`, masked with `*`.

export function maskForList(identityNumber: string): string {
  if (identityNumber.includes('*')) return identityNumber;
  const dash = identityNumber.indexOf('-');
  if (dash > 0) return `${identityNumber.slice(0, dash)}-****`;
  if (/^\d{11}$/.test(identityNumber)) return `${identityNumber.slice(0, 6)}*****`;
  return '****';
}
