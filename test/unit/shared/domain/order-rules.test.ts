import { describe, expect, it } from 'vitest';
import {
  addYears,
  latestValidUntil,
  orderProblems,
  validFromFor,
  type OrderDraft,
  type OrderFacts,
} from '../../../../src-shared/domain/order-rules';

const facts = (over: Partial<OrderFacts['holder']> = {}, accessCardMaxYears = 5): OrderFacts => ({
  now: Date.parse('2026-11-24T09:00:00Z'),
  photoMaxAgeMonths: 6,
  accessCardMaxYears,
  holder: { identityCountry: 'SE', identityNumber: '191212121212', employmentEnds: null, ...over },
  isKnownOrganisation: (id) => id === 'org-1',
});
const draft = (over: Partial<OrderDraft> = {}): OrderDraft => ({
  kind: 'new',
  includes: 'physical',
  cardKind: 'id06',
  givenName: 'Anna',
  familyName: 'Lindqvist',
  namesConfirmed: true,
  identityCountry: 'SE',
  identityNumber: '19121212-1212',
  organisationId: 'org-1',
  email: null,
  phone: '+46 70 123 45 67',
  validUntil: '2031-11-24',
  site: 'Kv. Gasklockan',
  photo: { mime: 'image/png', width: 330, height: 440, bytes: 5000, takenAt: '2026-11-01T00:00:00Z' },
  ...over,
});

describe('the validity rule', () => {
  it('lets an ID06 card run exactly five years from today, not a day more', () => {
    expect(orderProblems(draft({ validUntil: '2031-11-24' }), facts())).toEqual([]);
    expect(orderProblems(draft({ validUntil: '2031-11-25' }), facts())).toEqual([
      { path: 'validUntil', code: 'validity_too_long', params: { latest: '2031-11-24', years: 5 } },
    ]);
  });

  it('never past the end of employment when it is known, whichever comes first', () => {
    const ending = facts({ employmentEnds: '2027-03-31' });
    expect(orderProblems(draft({ validUntil: '2027-03-31' }), ending)).toEqual([]);
    expect(orderProblems(draft({ validUntil: '2027-04-01' }), ending)[0]).toMatchObject({
      code: 'validity_past_employment',
      params: { latest: '2027-03-31' },
    });
    expect(latestValidUntil('id06', '2026-11-24', 5, '2040-01-01')).toBe('2031-11-24');
    expect(latestValidUntil('access_card', '2026-11-24', 2, null)).toBe('2028-11-24');
  });

  it('takes the access card’s maximum from the settings', () => {
    expect(
      orderProblems(draft({ cardKind: 'access_card', validUntil: '2029-11-24' }), facts({}, 2))[0],
    ).toMatchObject({
      code: 'validity_too_long',
      params: { latest: '2028-11-24', years: 2 },
    });
  });

  it('refuses today, the past and dates that do not exist', () => {
    expect(orderProblems(draft({ validUntil: '2026-11-24' }), facts())[0]?.code).toBe('validity_in_past');
    expect(orderProblems(draft({ validUntil: '2027-02-30' }), facts())[0]?.code).toBe('validity_not_a_date');
  });

  it('adds years across 29 February, and continues a renewed card from the day after it ends', () => {
    expect(addYears('2028-02-29', 5)).toBe('2033-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(validFromFor('2026-11-24', '2026-12-31')).toBe('2027-01-01');
    expect(validFromFor('2026-11-24', '2026-11-01')).toBe('2026-11-24');
    expect(validFromFor('2026-11-24', null)).toBe('2026-11-24');
  });
});

describe('the other fields', () => {
  it('an empty draft names every mandatory field', () => {
    expect(orderProblems({}, facts()).map((p) => p.path)).toEqual([
      'kind',
      'includes',
      'cardKind',
      'givenName',
      'familyName',
      'namesConfirmed',
      'identityNumber',
      'organisationId',
      'phone',
      'validUntil',
      'site',
      'photo',
    ]);
  });

  it('needs an e-mail only when a mobile ID is ordered', () => {
    expect(orderProblems(draft({ includes: 'physical', email: null }), facts())).toEqual([]);
    for (const includes of ['mobile', 'both'] as const)
      expect(orderProblems(draft({ includes, email: ' ' }), facts())).toEqual([
        { path: 'email', code: 'email_required_for_mobile' },
      ]);
  });

  it('checks the identity number with its validator and against the holder', () => {
    expect(orderProblems(draft({ identityNumber: '191212121212' }), facts())).toEqual([]);
    expect(orderProblems(draft({ identityNumber: '19121212-1213' }), facts())[0]?.code).toBe(
      'identity_checksum',
    );
    expect(orderProblems(draft({ identityNumber: '811218-9876' }), facts())[0]?.code).toBe(
      'identity_not_holders',
    );
  });

  it('a replacement needs its reason and card, a renewal its card', () => {
    expect(orderProblems(draft({ kind: 'replacement' }), facts()).map((p) => p.path)).toEqual([
      'replacementReason',
      'replacesCardId',
    ]);
    expect(orderProblems(draft({ kind: 'renewal', renewsCardId: 'c-1' }), facts())).toEqual([]);
  });
});
