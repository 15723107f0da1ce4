// What an order needs before it may exist (DESIGN.md flow 2, ID06's order data): each field's rule as
// a pure function, so the order form checks a field as it is typed, the core checks the whole order
// again before writing it, and the hub can check a synced order the same way. A problem names its
// field (`path`) and a code the screens translate, never an English sentence.
import { cardPhotoProblems, type CardPhotoFacts, type CardPhotoProblem } from './card-photo-rules';
import { parseIdentityNumber, type IdentityCountry } from './identity-number';

export const ORDER_KINDS = ['new', 'replacement', 'renewal'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
/** What an order makes: a physical card, a mobile visual ID, or both. */
export const ORDER_INCLUDES = ['physical', 'mobile', 'both'] as const;
export type OrderIncludes = (typeof ORDER_INCLUDES)[number];
/** The physical card kinds an order can ask for. */
export const ORDER_CARD_KINDS = ['id06', 'access_card'] as const;
export type OrderCardKind = (typeof ORDER_CARD_KINDS)[number];
/** An order's decision; the cards made from it then live their own lives (card-lifecycle.ts). */
export const ORDER_STATES = ['ordered', 'approved', 'rejected', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];
/** Why a card is replaced; the old card is blocked for the same reason. */
export const REPLACEMENT_REASONS = ['lost', 'stolen', 'damaged'] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

export const ID06_MAX_YEARS = 5;
export const DEFAULT_ACCESS_CARD_MAX_YEARS = 5;

export const includesPhysical = (includes: OrderIncludes) => includes !== 'mobile';
export const includesMobile = (includes: OrderIncludes) => includes !== 'physical';

export type OrderField =
  | 'kind'
  | 'replacementReason'
  | 'replacesCardId'
  | 'renewsCardId'
  | 'includes'
  | 'cardKind'
  | 'givenName'
  | 'familyName'
  | 'namesConfirmed'
  | 'identityNumber'
  | 'organisationId'
  | 'email'
  | 'phone'
  | 'validUntil'
  | 'site'
  | 'photo';

export type OrderProblemCode =
  | 'required'
  | 'names_not_confirmed'
  | 'identity_format'
  | 'identity_date'
  | 'identity_checksum'
  | 'identity_future'
  | 'identity_not_holders'
  | 'organisation_unknown'
  | 'email_required_for_mobile'
  | 'validity_not_a_date'
  | 'validity_in_past'
  | 'validity_too_long'
  | 'validity_past_employment'
  | 'card_not_holders'
  | 'card_not_renewable'
  | `photo_${CardPhotoProblem}`;

export interface OrderProblem {
  path: OrderField;
  code: OrderProblemCode;
  params?: Record<string, string | number>;
}

/** An order as the form holds it while it is being typed: anything may still be missing. */
export interface OrderDraft {
  kind?: OrderKind | null;
  replacementReason?: ReplacementReason | null;
  replacesCardId?: string | null;
  renewsCardId?: string | null;
  includes?: OrderIncludes | null;
  cardKind?: OrderCardKind | null;
  givenName?: string | null;
  familyName?: string | null;
  namesConfirmed?: boolean | null;
  identityCountry?: IdentityCountry | null;
  identityNumber?: string | null;
  organisationId?: string | null;
  email?: string | null;
  phone?: string | null;
  validUntil?: string | null;
  site?: string | null;
  photo?: CardPhotoFacts | null;
}

/** What the rules need to know beside the draft: the desk's settings and the holder's record. */
export interface OrderFacts {
  /** Now, in milliseconds; today is its UTC date. */
  now: number;
  photoMaxAgeMonths: number;
  accessCardMaxYears: number;
  holder: { identityCountry: IdentityCountry; identityNumber: string; employmentEnds: string | null };
  /** Whether organisationId names an employer this desk knows. */
  isKnownOrganisation(id: string): boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `date` (YYYY-MM-DD) plus whole years; 29 February lands on 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const todayOf = (now: number) => new Date(now).toISOString().slice(0, 10);

function isRealDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** The last day a card of this kind ordered today may be valid: the kind's maximum, and the employment's end. */
export function latestValidUntil(
  cardKind: OrderCardKind,
  today: string,
  accessCardMaxYears: number,
  employmentEnds: string | null,
): string {
  const byKind = addYears(today, cardKind === 'id06' ? ID06_MAX_YEARS : accessCardMaxYears);
  return employmentEnds && employmentEnds < byKind ? employmentEnds : byKind;
}

/**
 * The first day a new card is valid: today, or for a renewal the day after the renewed card ends when
 * that is still ahead, so the holder's validity continues without a gap or an overlap.
 */
export function validFromFor(today: string, renewedValidUntil: string | null): string {
  if (renewedValidUntil && isRealDate(renewedValidUntil) && renewedValidUntil >= today)
    return addDays(renewedValidUntil, 1);
  return today;
}

const isBlank = (value: string | null | undefined) =>
  value === undefined || value === null || value.trim() === '';

function validityProblem(draft: OrderDraft, facts: OrderFacts): OrderProblem | null {
  const value = draft.validUntil;
  if (isBlank(value)) return { path: 'validUntil', code: 'required' };
  if (!isRealDate(value!)) return { path: 'validUntil', code: 'validity_not_a_date' };
  const today = todayOf(facts.now);
  if (value! <= today) return { path: 'validUntil', code: 'validity_in_past' };
  const kind = draft.cardKind ?? 'id06';
  const maxYears = kind === 'id06' ? ID06_MAX_YEARS : facts.accessCardMaxYears;
  const byKind = addYears(today, maxYears);
  const employmentEnds = facts.holder.employmentEnds;
  if (employmentEnds && value! > employmentEnds && employmentEnds < byKind)
    return { path: 'validUntil', code: 'validity_past_employment', params: { latest: employmentEnds } };
  if (value! > byKind)
    return { path: 'validUntil', code: 'validity_too_long', params: { latest: byKind, years: maxYears } };
  return null;
}

function identityProblem(draft: OrderDraft, facts: OrderFacts): OrderProblem | null {
  if (isBlank(draft.identityNumber) || !draft.identityCountry)
    return { path: 'identityNumber', code: 'required' };
  const parsed = parseIdentityNumber(draft.identityNumber!, draft.identityCountry, {
    today: new Date(facts.now),
  });
  if (!parsed.ok) return { path: 'identityNumber', code: `identity_${parsed.error.code}` };
  const { holder } = facts;
  if (parsed.value.country !== holder.identityCountry || parsed.value.canonical !== holder.identityNumber)
    return { path: 'identityNumber', code: 'identity_not_holders' };
  return null;
}

/** Every problem of the draft, in the order of the form. An empty list: the order may be placed. */
export function orderProblems(draft: OrderDraft, facts: OrderFacts): OrderProblem[] {
  const problems: (OrderProblem | null)[] = [];
  const need = (path: OrderField, present: boolean) => (present ? null : { path, code: 'required' as const });

  problems.push(need('kind', Boolean(draft.kind)));
  if (draft.kind === 'replacement') {
    problems.push(need('replacementReason', Boolean(draft.replacementReason)));
    problems.push(need('replacesCardId', !isBlank(draft.replacesCardId)));
  }
  if (draft.kind === 'renewal') problems.push(need('renewsCardId', !isBlank(draft.renewsCardId)));
  problems.push(need('includes', Boolean(draft.includes)));
  problems.push(need('cardKind', Boolean(draft.cardKind)));
  problems.push(need('givenName', !isBlank(draft.givenName)));
  problems.push(need('familyName', !isBlank(draft.familyName)));
  if (draft.namesConfirmed !== true) problems.push({ path: 'namesConfirmed', code: 'names_not_confirmed' });
  problems.push(identityProblem(draft, facts));
  if (isBlank(draft.organisationId)) problems.push({ path: 'organisationId', code: 'required' });
  else if (!facts.isKnownOrganisation(draft.organisationId!))
    problems.push({ path: 'organisationId', code: 'organisation_unknown' });
  if (draft.includes && includesMobile(draft.includes) && isBlank(draft.email))
    problems.push({ path: 'email', code: 'email_required_for_mobile' });
  problems.push(need('phone', !isBlank(draft.phone)));
  problems.push(validityProblem(draft, facts));
  problems.push(need('site', !isBlank(draft.site)));
  if (!draft.photo) problems.push({ path: 'photo', code: 'required' });
  else {
    for (const problem of cardPhotoProblems(draft.photo, facts.now, facts.photoMaxAgeMonths)) {
      problems.push({ path: 'photo', code: `photo_${problem}` });
    }
  }
  return problems.filter((p): p is OrderProblem => p !== null);
}
