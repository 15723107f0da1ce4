import { DomainError } from '../ops/domain-error';
import { defineOperation, type OperationScope } from '../ops/operations';
import { searchableName } from './holder-search';
import type { Photo } from './photo';

/** A holder as validated by the service: identity number in canonical form. */
export interface HolderRecord {
  givenName: string;
  familyName: string;
  identityCountry: 'SE' | 'DK' | 'NO';
  identityNumber: string;
  birthDate: string;
  email: string | null;
  phone: string | null;
  organisationId: string | null;
  hasEid: boolean;
  site: string | null;
}

function assertUniqueIdentity(scope: OperationScope, h: HolderRecord, exceptId: string | null): void {
  const other = scope.db
    .prepare('SELECT id FROM holders WHERE identity_country = ? AND identity_number = ? AND id IS NOT ?')
    .get(h.identityCountry, h.identityNumber, exceptId);
  if (other) {
    throw new DomainError('conflict', 'A holder with this identity number already exists.', [
      { path: 'identityNumber', message: 'Already registered.' },
    ]);
  }
  if (
    h.organisationId &&
    !scope.db.prepare('SELECT 1 FROM organisations WHERE id = ?').get(h.organisationId)
  ) {
    throw new DomainError('not_found', 'No such organisation.', [
      { path: 'organisationId', message: 'Unknown.' },
    ]);
  }
}

export function writeSearchName(
  scope: OperationScope,
  id: string,
  h: Pick<HolderRecord, 'givenName' | 'familyName'>,
): void {
  const { rowid } = scope.db.prepare('SELECT rowid FROM holders WHERE id = ?').get(id) as { rowid: number };
  scope.db.prepare('DELETE FROM holder_names WHERE rowid = ?').run(rowid);
  scope.db
    .prepare('INSERT INTO holder_names (rowid, name) VALUES (?, ?)')
    .run(rowid, searchableName(h.givenName, h.familyName));
}

export function writePhoto(scope: OperationScope, id: string, photo: Photo | null | undefined): void {
  if (photo === undefined) return;
  scope.db.prepare('DELETE FROM holder_photos WHERE holder_id = ?').run(id);
  if (photo) {
    scope.db
      .prepare('INSERT INTO holder_photos (holder_id, mime, bytes, sha256) VALUES (?, ?, ?, ?)')
      .run(id, photo.mime, photo.bytes, photo.sha256);
  }
}

function outboxPhoto(photo: Photo | null | undefined) {
  if (photo === undefined) return undefined;
  return photo ? { mime: photo.mime, sha256: photo.sha256, base64: photo.bytes.toString('base64') } : null;
}

export const createHolder = defineOperation<{ holder: HolderRecord; photo?: Photo }, string>(
  'holder.create',
  (scope, { holder: h, photo }) => {
    assertUniqueIdentity(scope, h, null);
    const id = scope.newId();
    scope.db
      .prepare(
        `INSERT INTO holders (id, given_name, family_name, identity_country, identity_number, birth_date, email, phone,
           organisation_id, has_eid, site, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        h.givenName,
        h.familyName,
        h.identityCountry,
        h.identityNumber,
        h.birthDate,
        h.email,
        h.phone,
        h.organisationId,
        h.hasEid ? 1 : 0,
        h.site,
        scope.now,
        scope.now,
      );
    writeSearchName(scope, id, h);
    writePhoto(scope, id, photo);
    return {
      result: id,
      recordType: 'holder',
      recordId: id,
      audit: { hasPhoto: Boolean(photo) },
      outbox: { id, ...h, photo: outboxPhoto(photo) },
    };
  },
);

export const updateHolder = defineOperation<
  { id: string; holder: HolderRecord; photo?: Photo | null },
  string
>('holder.update', (scope, { id, holder: h, photo }) => {
  if (!scope.db.prepare('SELECT 1 FROM holders WHERE id = ?').get(id))
    throw new DomainError('not_found', 'No such holder.');
  assertUniqueIdentity(scope, h, id);
  scope.db
    .prepare(
      `UPDATE holders SET given_name = ?, family_name = ?, identity_country = ?, identity_number = ?, birth_date = ?,
           email = ?, phone = ?, organisation_id = ?, has_eid = ?, site = ?, updated_at = ? WHERE id = ?`,
    )
    .run(
      h.givenName,
      h.familyName,
      h.identityCountry,
      h.identityNumber,
      h.birthDate,
      h.email,
      h.phone,
      h.organisationId,
      h.hasEid ? 1 : 0,
      h.site,
      scope.now,
      id,
    );
  writeSearchName(scope, id, h);
  writePhoto(scope, id, photo);
  return {
    result: id,
    recordType: 'holder',
    recordId: id,
    audit: { photo: photo === undefined ? 'kept' : photo ? 'replaced' : 'removed' },
    outbox: { id, ...h, photo: outboxPhoto(photo) },
  };
});
