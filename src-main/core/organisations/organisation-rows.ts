import type { Organisation } from '../../../src-shared/api/schemas';
import {
  parseOrganisationNumber,
  type OrganisationCountry,
} from '../../../src-shared/domain/organisation-number';

export interface OrganisationRow {
  id: string;
  name: string;
  country: OrganisationCountry;
  number: string;
  created_at: string;
  updated_at: string;
}

export function toOrganisation(row: OrganisationRow): Organisation {
  const parsed = parseOrganisationNumber(row.number, row.country);
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    number: row.number,
    numberDisplay: parsed.ok ? parsed.value.display : row.number,
  };
}
