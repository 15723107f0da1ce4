// The readers panel's picture of the keyboard-wedge reader: its last card in words, and why it is off.
import { describe, expect, it } from 'vitest';
import { DEFAULT_READER_SETTINGS } from '../../../../../src-main/core/readers/reader-settings';
import { createReadersService } from '../../../../../src-main/core/readers/readers-service';
import type { CardPresented, ReaderSettings, ReaderWords } from '../../../../../src-shared/api/readers';
import { expectWords } from './reader-words';

const HOLDER = {
  id: '0190a0b0-0000-7000-8000-0000000000a1',
  givenName: 'Karin',
  familyName: 'Lindqvist',
  employerName: 'Nordbygg AB',
  identityNumber: '19840314-****',
  birthDate: '1984-03-14',
  cardNumbers: ['NB-1001'],
  hasPhoto: false,
};
const CREDENTIAL = { technology: 'iso14443a_uid', hex: '04A2B3C4', format: 'hex' };

function presented(overrides: Partial<CardPresented>): CardPresented {
  return {
    id: '0190a0b0-0000-7000-8000-000000000001',
    at: '2026-11-24T09:00:00.000Z',
    readerId: 'wedge',
    backend: 'wedge',
    status: 'active',
    reason: null,
    cardType: null,
    credential: CREDENTIAL,
    card: null,
    holder: HOLDER,
    timings: { eventToReadUs: 0, readToMatchUs: 0 },
    sentAtMs: 0,
    ...overrides,
  };
}

function service(event: CardPresented, settings: ReaderSettings = DEFAULT_READER_SETTINGS) {
  return createReadersService({
    backends: [],
    handle: () => event,
    onPresented: () => {},
    onChanged: () => {},
    settings: () => settings,
  });
}

describe('createReadersService: the wedge reader in words', () => {
  it.each<[string, Partial<CardPresented>, ReaderWords]>([
    [
      'an active card',
      {},
      { key: 'presented_active', params: { credential: '04A2B3C4', holder: 'Karin Lindqvist' } },
    ],
    [
      'a blocked card',
      { status: 'blocked' },
      { key: 'presented_blocked', params: { credential: '04A2B3C4', holder: 'Karin Lindqvist' } },
    ],
    [
      'a card not yet active',
      { status: 'not_yet_active' },
      { key: 'presented_not_yet_active', params: { credential: '04A2B3C4', holder: 'Karin Lindqvist' } },
    ],
    [
      'an unknown card',
      { status: 'unknown', holder: null },
      { key: 'presented_unknown', params: { credential: '04A2B3C4' } },
    ],
    [
      'an ambiguous number',
      { status: 'ambiguous', holder: null },
      { key: 'presented_ambiguous', params: { credential: '04A2B3C4' } },
    ],
    [
      'an unreadable read',
      { status: 'unreadable', holder: null, credential: null },
      { key: 'presented_unreadable', params: {} },
    ],
  ])('sums up %s with the credential and holder as params', (_name, overrides, words) => {
    const readers = service(presented(overrides));
    readers.wedgeRead('04A2B3C4');
    const wedge = readers.overview().readers.find((reader) => reader.id === 'wedge');
    expectWords(wedge?.lastEvent?.summary, wedge?.lastEvent?.words, words);
  });

  it('says the wedge reader is turned off', () => {
    const off = { ...DEFAULT_READER_SETTINGS, wedge: { ...DEFAULT_READER_SETTINGS.wedge, isEnabled: false } };
    const wedge = service(presented({}), off)
      .overview()
      .backends.find((backend) => backend.backend === 'wedge');
    expect(wedge?.state).toBe('unavailable');
    expectWords(wedge?.message, wedge?.words, { key: 'wedge_off' });
  });
});
