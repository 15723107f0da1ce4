import type { Organisation } from '../../../src-shared/api/schemas';
import type { MethodParsedInput } from '../../../src-shared/api/methods';
import { parseOrganisationNumber } from '../../../src-shared/domain/organisation-number';
import { DomainError } from '../ops/domain-error';
import { defineOperation, type OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { toOrganisation, type OrganisationRow } from './organisation-rows';

type OrganisationRecord = {
  id: string | null;
  name: string;
  country: OrganisationRow['country'];
  number: string;
};

const saveOrganisation = defineOperation<OrganisationRecord, OrganisationRow>(
  'organisation.save',
  ({ db, now, newId }, p) => {
    const clash = db
      .prepare('SELECT id FROM organisations WHERE country = ? AND number = ? AND id IS NOT ?')
      .get(p.country, p.number, p.id);
    if (clash) {
      throw new DomainError('conflict', 'An organisation with this number already exists.', [
        { path: 'number', message: 'Already registered.' },
      ]);
    }
    let id = p.id;
    if (id === null) {
      id = newId();
      db.prepare(
        'INSERT INTO organisations (id, name, country, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, p.name, p.country, p.number, now, now);
    } else {
      const changed = db
        .prepare('UPDATE organisations SET name = ?, country = ?, number = ?, updated_at = ? WHERE id = ?')
        .run(p.name, p.country, p.number, now, id).changes;
      if (changed === 0) throw new DomainError('not_found', 'No such organisation.');
    }
    const row = db.prepare('SELECT * FROM organisations WHERE id = ?').get(id) as OrganisationRow;
    return { result: row, recordType: 'organisation', recordId: id, outbox: { ...p, id } };
  },
);

export function createOrganisationService(db: Db, ops: OperationRunner) {
  function save(
    input: MethodParsedInput<'organisations.create'>,
    id: string | null,
    by: string,
  ): Organisation {
    const parsed = parseOrganisationNumber(input.number, input.country);
    if (!parsed.ok) {
      throw new DomainError('invalid_organisation_number', parsed.error.message, [
        { path: 'number', message: parsed.error.message },
      ]);
    }
    return toOrganisation(
      ops.run(
        saveOrganisation,
        { id, name: input.name, country: input.country, number: parsed.value.canonical },
        by,
      ),
    );
  }
  return {
    list(): Organisation[] {
      return (
        db.prepare('SELECT * FROM organisations ORDER BY name COLLATE NOCASE').all() as OrganisationRow[]
      ).map(toOrganisation);
    },
    create: (input: MethodParsedInput<'organisations.create'>, by: string) => save(input, null, by),
    update: (input: MethodParsedInput<'organisations.update'>, by: string) => save(input, input.id, by),
  };
}
