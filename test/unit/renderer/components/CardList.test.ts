// The holder page's cards: every code the core sends (state, kind, block reason, chip technology) is
// shown in the operator's language.
import { afterEach, describe, expect, it } from 'vitest';
import CardList from '../../../../src-renderer/components/CardList.vue';
import { applyLanguage } from '../../../../src-renderer/i18n';
import { card } from '../../../harness/presented-events';
import { fakeDeskClient } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const blocked = card({
  state: 'blocked',
  blockReason: 'lost',
  credentials: [
    {
      id: 'cr1',
      technology: 'iso14443a_uid',
      hex: '04A2B3C4',
      boundAt: '2026-01-02T08:00:00Z',
      retiredAt: null,
    },
    { id: 'cr2', technology: 'em4100', hex: '0102030405', boundAt: '2026-01-03T08:00:00Z', retiredAt: null },
  ],
});

function mountList(language: 'en' | 'sv' | 'da' | 'nb') {
  const { wrapper } = mountDesk(CardList, fakeDeskClient(), { cards: [blocked] });
  applyLanguage(language);
  unmount = () => wrapper.unmount();
  return wrapper;
}

describe('the holder’s card list', () => {
  it.each([
    ['en', 'Blocked', 'Lost', ['ISO 14443 A chip (UID) · 04A2B3C4', 'EM4100 (125 kHz) · 0102030405']],
    ['sv', 'Spärrat', 'Förlorat', ['ISO 14443 A-chip (UID) · 04A2B3C4', 'EM4100 (125 kHz) · 0102030405']],
    ['nb', 'Sperret', 'Mistet', ['ISO 14443 A-brikke (UID) · 04A2B3C4', 'EM4100 (125 kHz) · 0102030405']],
  ] as const)(
    'in %s says the state, the block reason and the chips in words',
    async (language, state, reason, chips) => {
      const wrapper = mountList(language);
      await wrapper.vm.$nextTick();
      expect(wrapper.get('[data-testid="card-state"]').text()).toBe(state);
      expect(wrapper.get('[data-testid="card-block-reason"]').text()).toBe(reason);
      expect(wrapper.findAll('.card__credential').map((c) => c.text())).toEqual(chips);
      expect(wrapper.text()).not.toMatch(/iso14443a_uid|em4100\b|\blost\b/);
    },
  );

  it('shows a technology this screen has no name for as it came, not as a key', async () => {
    const { wrapper } = mountDesk(CardList, fakeDeskClient(), {
      cards: [
        card({
          credentials: [
            {
              id: 'x',
              technology: 'future_tech',
              hex: 'AA',
              boundAt: '2026-01-01T00:00:00Z',
              retiredAt: null,
            },
          ],
        }),
      ],
    });
    unmount = () => wrapper.unmount();
    expect(wrapper.get('.card__credential').text()).toBe('future_tech · AA');
  });
});
