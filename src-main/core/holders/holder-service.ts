import type { HolderDetail } from '../../../src-shared/api/schemas';
import type { MethodParsedInput } from '../../../src-shared/api/methods';
import { parseIdentityNumber } from '../../../src-shared/domain/identity-number';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { createHolder, updateHolder, type HolderRecord } from './holder-operations';
import { createHolderSearch } from './holder-search';
import { createHolderViews } from './holder-views';
import { acceptPhoto } from './photo';

type HolderFields = Omit<MethodParsedInput<'holders.create'>, 'photo'>;

function toRecord(input: HolderFields): HolderRecord {
  const parsed = parseIdentityNumber(input.identityNumber, input.identityCountry);
  if (!parsed.ok) {
    throw new DomainError('invalid_identity_number', parsed.error.message, [
      { path: 'identityNumber', message: parsed.error.message },
    ]);
  }
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    identityCountry: input.identityCountry,
    identityNumber: parsed.value.canonical,
    birthDate: parsed.value.birthDate,
    email: input.email ?? null,
    phone: input.phone ?? null,
    organisationId: input.organisationId ?? null,
    hasEid: input.hasEid,
    site: input.site ?? null,
  };
}

export function createHolderService(db: Db, ops: OperationRunner) {
  const search = createHolderSearch(db);
  const views = createHolderViews(db);
  const photo = db.prepare('SELECT mime, bytes FROM holder_photos WHERE holder_id = ?');

  function detailOrThrow(id: string, showFull: boolean): HolderDetail {
    const detail = views.detail(id, showFull);
    if (!detail) throw new DomainError('not_found', 'No such holder.');
    return detail;
  }

  return {
    search(query: string, limit: number, showFull: boolean) {
      const { ids, total, isMore } = search(query, limit);
      return { items: views.summaries(ids, showFull), total, isMore };
    },
    /** Viewing a full record is personal-data access: it is audited (DESIGN.md §9). */
    get(id: string, showFull: boolean, by: string): HolderDetail {
      const detail = detailOrThrow(id, showFull);
      ops.record('holder.view', by, { type: 'holder', id }, { identityNumberShown: showFull });
      return detail;
    },
    photo(id: string): { mime: string; base64: string } | null {
      const row = photo.get(id) as { mime: string; bytes: Buffer } | undefined;
      return row ? { mime: row.mime, base64: row.bytes.toString('base64') } : null;
    },
    create(input: MethodParsedInput<'holders.create'>, by: string, showFull: boolean): HolderDetail {
      const holder = toRecord(input);
      const accepted = input.photo ? acceptPhoto(input.photo) : undefined;
      const id = ops.run(createHolder, accepted ? { holder, photo: accepted } : { holder }, by);
      return detailOrThrow(id, showFull);
    },
    update(input: MethodParsedInput<'holders.update'>, by: string, showFull: boolean): HolderDetail {
      const holder = toRecord(input);
      const accepted =
        input.photo === undefined ? undefined : input.photo === null ? null : acceptPhoto(input.photo);
      ops.run(updateHolder, { id: input.id, holder, photo: accepted }, by);
      return detailOrThrow(input.id, showFull);
    },
  };
}
