// The order form's state and its checks: the same rules the core applies (order-rules.ts), plus the
// contract's own field syntax, so each field says what is wrong while it is being typed.
import { orderPlaceInput, type OrderPlaceInput } from '../../../../src-shared/api/methods/orders';
import type { HolderDetail } from '../../../../src-shared/api/schemas';
import { parseIdentityNumber, type IdentityCountry } from '../../../../src-shared/domain/identity-number';
import {
  latestValidUntil,
  orderProblems,
  todayOf,
  type OrderCardKind,
  type OrderField,
  type OrderIncludes,
  type OrderKind,
  type OrderProblem,
  type ReplacementReason,
} from '../../../../src-shared/domain/order-rules';
import type { OrderRules } from '../../../../src-shared/api/methods/orders';
import type { CardPhoto } from '../photo/CardPhotoCapture.vue';

export interface OrderForm {
  kind: OrderKind;
  replacementReason: ReplacementReason | null;
  replacesCardId: string | null;
  renewsCardId: string | null;
  includes: OrderIncludes;
  cardKind: OrderCardKind;
  givenName: string;
  familyName: string;
  namesConfirmed: boolean;
  identityCountry: IdentityCountry;
  identityNumber: string;
  organisationId: string | null;
  email: string;
  phone: string;
  validUntil: string;
  site: string;
  photo: CardPhoto | null;
}

/** The form for a holder, filled from their record; the query may ask for a renewal or a replacement. */
export function formFor(
  holder: HolderDetail,
  rules: OrderRules,
  now: number,
  query: { renewCardId?: string | null; replaceCardId?: string | null },
): OrderForm {
  const kind: OrderKind = query.replaceCardId ? 'replacement' : query.renewCardId ? 'renewal' : 'new';
  const renewed = holder.cards.find((c) => c.id === query.renewCardId);
  const cardKind: OrderCardKind = renewed?.kind === 'access_card' ? 'access_card' : 'id06';
  return {
    kind,
    replacementReason: null,
    replacesCardId: query.replaceCardId ?? null,
    renewsCardId: query.renewCardId ?? null,
    includes: 'physical',
    cardKind,
    givenName: holder.givenName,
    familyName: holder.familyName,
    namesConfirmed: false,
    identityCountry: holder.identityCountry,
    identityNumber: holder.isIdentityNumberMasked ? '' : holder.identityNumber,
    organisationId: holder.organisation?.id ?? null,
    email: holder.email ?? '',
    phone: holder.phone ?? '',
    validUntil: latestValidUntil(cardKind, todayOf(now), rules.accessCardMaxYears, null),
    site: holder.site ?? '',
    photo: null,
  };
}

export interface FormFacts {
  now: number;
  rules: OrderRules;
  /** The holder's identity, canonical digits (holderIdentityOf). */
  holderIdentity: { identityCountry: IdentityCountry; identityNumber: string };
  organisationIds: readonly string[];
}

const SYNTAX_FIELDS = ['givenName', 'familyName', 'email', 'phone', 'site'] as const;

/** A rule's problem, or the contract's: the text does not have the form the field takes. */
export type FormProblem = Omit<OrderProblem, 'code'> & { code: OrderProblem['code'] | 'syntax' };

/** The holder's identity as the rules compare it: canonical digits, parsed from what the screen shows. */
export function holderIdentityOf(holder: HolderDetail): FormFacts['holderIdentity'] {
  const parsed = parseIdentityNumber(holder.identityNumber, holder.identityCountry);
  return {
    identityCountry: holder.identityCountry,
    identityNumber: parsed.ok ? parsed.value.canonical : holder.identityNumber,
  };
}

/** Every problem of the form, the rules' first, then the contract's syntax; at most one per field. */
export function formProblems(form: OrderForm, facts: FormFacts): Map<OrderField, FormProblem> {
  const problems = orderProblems(
    {
      ...form,
      email: form.email.trim() || null,
      photo: form.photo
        ? {
            mime: form.photo.mime,
            width: form.photo.width,
            height: form.photo.height,
            bytes: form.photo.bytes,
            takenAt: form.photo.takenAt,
          }
        : null,
    },
    {
      now: facts.now,
      photoMaxAgeMonths: facts.rules.photoMaxAgeMonths,
      accessCardMaxYears: facts.rules.accessCardMaxYears,
      holder: { ...facts.holderIdentity, employmentEnds: null },
      isKnownOrganisation: (id) => facts.organisationIds.includes(id),
    },
  );
  const byField = new Map<OrderField, FormProblem>();
  for (const problem of problems) if (!byField.has(problem.path)) byField.set(problem.path, problem);
  for (const field of SYNTAX_FIELDS) {
    const value = form[field].trim();
    if (byField.has(field) || value === '') continue;
    if (!orderPlaceInput.shape[field].safeParse(value).success)
      byField.set(field, { path: field, code: 'syntax' });
  }
  return byField;
}

export function toPlaceInput(holderId: string, form: OrderForm): OrderPlaceInput {
  const photo = form.photo!;
  return {
    holderId,
    kind: form.kind,
    replacementReason: form.kind === 'replacement' ? form.replacementReason : null,
    replacesCardId: form.kind === 'replacement' ? form.replacesCardId : null,
    renewsCardId: form.kind === 'renewal' ? form.renewsCardId : null,
    includes: form.includes,
    cardKind: form.cardKind,
    givenName: form.givenName,
    familyName: form.familyName,
    namesConfirmed: form.namesConfirmed,
    identityCountry: form.identityCountry,
    identityNumber: form.identityNumber,
    organisationId: form.organisationId ?? '',
    email: form.email.trim() || null,
    phone: form.phone,
    validUntil: form.validUntil,
    site: form.site,
    photo: { mime: photo.mime, base64: photo.base64 },
    photoTakenAt: photo.takenAt,
  };
}
