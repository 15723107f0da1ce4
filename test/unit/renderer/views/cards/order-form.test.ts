import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../../../src-shared/api/methods/orders';
import type { HolderDetail } from '../../../../../src-shared/api/schemas';
import {
  formFor,
  formProblems,
  holderIdentityOf,
  toPlaceInput,
} from '../../../../../src-renderer/views/cards/orders/order-form';
import { compareOrder } from '../../../../../src-renderer/views/cards/orders/order-comparison';

const NOW = Date.parse('2026-11-24T09:00:00Z');
const RULES = { photoMaxAgeMonths: 6, accessCardMaxYears: 2, id06MaxYears: 5, cardNumberPrefix: 'FD' };
const HOLDER = {
  id: '01900000-0000-7000-8000-000000000001',
  givenName: 'Anna',
  familyName: 'Lindqvist',
  identityCountry: 'SE',
  identityNumber: '19121212-1212',
  isIdentityNumberMasked: false,
  email: null,
  phone: '+46 70 123 45 67',
  organisation: {
    id: 'org-1',
    name: 'Bygg AB',
    country: 'SE',
    number: '5560160680',
    numberDisplay: '556016-0680',
  },
  site: null,
  cards: [
    { id: 'card-1', kind: 'access_card', printedNumber: 'AC-1', state: 'active', validUntil: '2026-12-31' },
  ],
} as unknown as HolderDetail;
const PHOTO = {
  mime: 'image/jpeg' as const,
  base64: 'AAAA',
  dataUrl: 'data:image/jpeg;base64,AAAA',
  width: 360,
  height: 480,
  bytes: 30_000,
  takenAt: '2026-11-24T08:59:00Z',
};
const facts = {
  now: NOW,
  rules: RULES,
  holderIdentity: holderIdentityOf(HOLDER),
  organisationIds: ['org-1'],
};

describe('the order form', () => {
  it('starts from the holder’s record, the longest validity the card type allows, and the renewed card’s type', () => {
    const form = formFor(HOLDER, RULES, NOW, {});
    expect(form).toMatchObject({
      kind: 'new',
      cardKind: 'id06',
      givenName: 'Anna',
      identityNumber: '19121212-1212',
      organisationId: 'org-1',
      validUntil: '2031-11-24',
      namesConfirmed: false,
    });
    expect(formFor(HOLDER, RULES, NOW, { renewCardId: 'card-1' })).toMatchObject({
      kind: 'renewal',
      renewsCardId: 'card-1',
      cardKind: 'access_card',
      validUntil: '2028-11-24',
    });
    expect(formFor(HOLDER, RULES, NOW, { replaceCardId: 'card-1' }).kind).toBe('replacement');
  });

  it('names what is still missing, one message per field', () => {
    const form = formFor(HOLDER, RULES, NOW, {});
    const problems = formProblems({ ...form, includes: 'both' }, facts);
    expect([...problems.entries()].map(([field, p]) => `${field}:${p.code}`)).toEqual([
      'namesConfirmed:names_not_confirmed',
      'email:email_required_for_mobile',
      'site:required',
      'photo:required',
    ]);
  });

  it('checks the syntax the core will check: a name with a digit, an e-mail without @', () => {
    const form = { ...formFor(HOLDER, RULES, NOW, {}), namesConfirmed: true, site: 'A', photo: PHOTO };
    expect(formProblems(form, facts).size).toBe(0);
    const problems = formProblems({ ...form, givenName: 'Anna 2', email: 'anna.example.se' }, facts);
    expect(problems.get('givenName')?.code).toBe('syntax');
    expect(problems.get('email')?.code).toBe('syntax');
  });

  it('sends only what the order kind needs, and the photo with its time', () => {
    const form = {
      ...formFor(HOLDER, RULES, NOW, { replaceCardId: 'card-1' }),
      replacementReason: 'lost' as const,
      photo: PHOTO,
    };
    const input = toPlaceInput(HOLDER.id, { ...form, kind: 'new' });
    expect(input).toMatchObject({
      replacementReason: null,
      replacesCardId: null,
      renewsCardId: null,
      email: null,
    });
    expect(toPlaceInput(HOLDER.id, form)).toMatchObject({
      kind: 'replacement',
      replacementReason: 'lost',
      replacesCardId: 'card-1',
      photo: { mime: 'image/jpeg', base64: 'AAAA' },
      photoTakenAt: '2026-11-24T08:59:00Z',
    });
  });
});

describe('the approval view’s comparison', () => {
  it('marks exactly the rows that differ, letter by letter', () => {
    const order = {
      entered: {
        givenName: 'Anna',
        familyName: 'Lindkvist',
        identityNumber: '19121212-1212',
        organisation: { name: 'Bygg AB', number: '556016-0680' },
        email: 'anna@bygg.se',
        phone: '+46 70 123 45 67',
      },
      holder: {
        givenName: 'Anna',
        familyName: 'Lindqvist',
        identityNumber: '19121212-1212',
        organisation: { name: 'Bygg AB', number: '556016-0680' },
        email: null,
        phone: '+46 70 123 45 67',
      },
    } as unknown as OrderDetail;
    expect(
      compareOrder(order)
        .filter((r) => r.isChanged)
        .map((r) => r.key),
    ).toEqual(['familyName', 'email']);
  });
});
