// The readers panel's picture of the keyboard-wedge reader: its last card in words, and why it is off.
import { describe, expect, it } from 'vitest';
import { DEFAULT_READER_SETTINGS } from '../../../../../src-main/core/readers/reader-settings';
import { createReadersService } from '../../../../../src-main/core/readers/readers-service';
import type { CardPresented, ReaderSettings, ReaderWords } from '../../../../../src-shared/api/readers';
import { presented } from '../../../../harness/presented-events';
import { expectWords } from './reader-words';

/** A card the wedge reader typed, as the pipeline hands it over. */
function typed(overrides: Partial<CardPresented>): CardPresented {
  return presented({ readerId: 'wedge', backend: 'wedge', cardType: null, ...overrides });
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
    const readers = service(typed(overrides));
    readers.wedgeRead('04A2B3C4');
    const wedge = readers.overview().readers.find((reader) => reader.id === 'wedge');
    expectWords(wedge?.lastEvent?.summary, wedge?.lastEvent?.words, words);
  });

  it('says the wedge reader is turned off', () => {
    const off = { ...DEFAULT_READER_SETTINGS, wedge: { ...DEFAULT_READER_SETTINGS.wedge, isEnabled: false } };
    const wedge = service(typed({}), off)
      .overview()
      .backends.find((backend) => backend.backend === 'wedge');
    expect(wedge?.state).toBe('unavailable');
    expectWords(wedge?.message, wedge?.words, { key: 'wedge_off' });
  });

  it('refuses a burst from the screen while the wedge reader is turned off, and shows no card', () => {
    const off = { ...DEFAULT_READER_SETTINGS, wedge: { ...DEFAULT_READER_SETTINGS.wedge, isEnabled: false } };
    const presentedEvents: CardPresented[] = [];
    const readers = createReadersService({
      backends: [],
      handle: () => typed({}),
      onPresented: (event) => presentedEvents.push(event),
      onChanged: () => {},
      settings: () => off,
    });
    expect(() => readers.wedgeRead('04A2B3C4')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(presentedEvents).toEqual([]);
  });
});
