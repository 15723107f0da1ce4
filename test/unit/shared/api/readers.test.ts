import { describe, expect, it } from 'vitest';
import { readersOverview } from '../../../../src-shared/api/readers';

const overview = {
  backends: [{ backend: 'pcsc', state: 'down', message: 'Not started.', words: { key: 'pcsc_not_started' } }],
  readers: [
    {
      id: 'pcsc:Virtual PCD 00 00',
      name: 'Virtual PCD 00 00',
      backend: 'pcsc',
      state: 'error',
      lastError: {
        at: '2026-11-24T09:00:00.000Z',
        message: 'The card did not answer within 2 s: remove it and present it again.',
        words: { key: 'card_timeout', params: { seconds: 2 } },
      },
    },
  ],
};

describe('readersOverview', () => {
  it('carries the words of every message across the wire', () => {
    expect(readersOverview.parse(overview)).toEqual(overview);
  });

  it('refuses a key outside the list, and params that are not text or numbers', () => {
    const withKey = (words: unknown) => ({ ...overview, backends: [{ ...overview.backends[0], words }] });
    expect(readersOverview.safeParse(withKey({ key: 'made_up' })).success).toBe(false);
    expect(readersOverview.safeParse(withKey({ key: 'pcsc_not_started', params: { a: true } })).success).toBe(
      false,
    );
  });
});
