// CardPresented events and cards for the core's and the renderer's tests, shaped as the core sends them.
import type { CardPresented } from '../../src-shared/api/readers';
import type { Card, HolderDetail, HolderSummary } from '../../src-shared/api/schemas';

export const HOLDER: HolderSummary = {
  id: '0190a0b0-0000-7000-8000-0000000000a1',
  givenName: 'Karin',
  familyName: 'Lindqvist',
  employerName: 'Nordbygg AB',
  identityNumber: '19840314-****',
  birthDate: '1984-03-14',
  cardNumbers: ['NB-1001'],
  hasPhoto: false,
};

export function card(overrides: Partial<Card> = {}): Card {
  return {
    id: '0190a0b0-0000-7000-8000-0000000000c1',
    holderId: HOLDER.id,
    kind: 'access_card',
    printedNumber: 'NB-1001',
    state: 'active',
    validFrom: '2026-01-01',
    validUntil: '2030-12-31',
    blockReason: null,
    credentials: [],
    orderId: null,
    physicalCardId: null,
    site: null,
    stateChangedAt: null,
    productionError: null,
    ...overrides,
  };
}

export function holderDetail(cards: Card[]): HolderDetail {
  return {
    ...HOLDER,
    identityCountry: 'SE',
    isIdentityNumberMasked: true,
    email: null,
    phone: null,
    organisation: null,
    hasEid: true,
    site: null,
    cards,
    createdAt: '2026-01-01T08:00:00Z',
    updatedAt: '2026-01-01T08:00:00Z',
  };
}

let serial = 0;

export function presented(overrides: Partial<CardPresented> = {}): CardPresented {
  serial += 1;
  return {
    id: `0190a0b0-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    at: '2026-11-24T09:00:00.000Z',
    readerId: 'pcsc:Virtual PCD 00 00',
    backend: 'pcsc',
    status: 'active',
    reason: null,
    cardType: 'mifare_classic_1k',
    credential: { technology: 'iso14443a_uid', hex: '04A2B3C4', format: 'hex' },
    card: card(),
    holder: HOLDER,
    timings: { eventToReadUs: 1200, readToMatchUs: 80 },
    sentAtMs: 1_764_000_000_000.5,
    ...overrides,
  };
}

export function unknownTap(hex = '04A2B3C4D5E6F7'): CardPresented {
  return presented({
    status: 'unknown',
    card: null,
    holder: null,
    credential: { technology: 'iso14443a_uid', hex, format: 'hex' },
  });
}
