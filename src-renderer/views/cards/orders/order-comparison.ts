// The approval view's table: what the orderer entered beside the holder's record as it is now, each
// row marked when the two differ, so the approver sees at a glance what the approval will change.
import type { OrderDetail } from '../../../../src-shared/api/methods/orders';

export interface ComparisonRow {
  key: 'givenName' | 'familyName' | 'identityNumber' | 'employer' | 'email' | 'phone';
  entered: string;
  current: string;
  isChanged: boolean;
}

const employer = (o: { name: string; number: string } | null) => (o ? `${o.name} (${o.number})` : '');

export function compareOrder(order: OrderDetail): ComparisonRow[] {
  const { entered, holder } = order;
  const rows: Omit<ComparisonRow, 'isChanged'>[] = [
    { key: 'givenName', entered: entered.givenName, current: holder.givenName },
    { key: 'familyName', entered: entered.familyName, current: holder.familyName },
    { key: 'identityNumber', entered: entered.identityNumber, current: holder.identityNumber },
    { key: 'employer', entered: employer(entered.organisation), current: employer(holder.organisation) },
    { key: 'email', entered: entered.email ?? '', current: holder.email ?? '' },
    { key: 'phone', entered: entered.phone, current: holder.phone ?? '' },
  ];
  // Exact, letter by letter: "Lindqvist" and "Lindkvist" are two people to ID06.
  return rows.map((row) => ({ ...row, isChanged: row.entered !== row.current }));
}
