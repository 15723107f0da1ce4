// The holder page's cards: every code the core sends (state, kind, block reason, chip technology) is
// shown in the operator's language.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CardList from '../../../../src-renderer/components/CardList.vue';
import { applyLanguage } from '../../../../src-renderer/i18n';
import { card } from '../../../harness/presented-events';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import type { Card } from '../../../../src-shared/api/schemas';
import type { Role } from '../../../../src-shared/domain/roles';
import { ADMIN, fakeDeskClient } from '../fake-desk-client';
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

describe('renew and replace on the holder’s cards', () => {
  function mountWithActions(roles: Role[], cards: Card[]) {
    const { wrapper } = mountDesk(CardList, fakeDeskClient(), { cards, withActions: true });
    useSessionStore().operator = { ...ADMIN, roles };
    applyLanguage('en');
    unmount = () => wrapper.unmount();
    return wrapper;
  }
  const actions = (wrapper: ReturnType<typeof mountWithActions>) =>
    wrapper.findAll('[data-testid^="card-action-"]').map((b) => b.attributes('data-testid'));

  it('a card administrator may renew or replace a card in use, and the list says where that leads', async () => {
    const wrapper = mountWithActions(['card_admin'], [card({ state: 'active', kind: 'id06' })]);
    await flushPromises();
    expect(actions(wrapper)).toEqual(
      expect.arrayContaining(['card-action-renew', 'card-action-replace', 'card-action-block']),
    );
    await wrapper.get('[data-testid="card-action-replace"]').trigger('click');
    expect(wrapper.emitted('action')?.[0]?.[1]).toBe('replace');
  });

  it('reception, a mobile ID and a card out of use get neither', async () => {
    const reception = mountWithActions(['reception'], [card({ state: 'active' })]);
    await flushPromises();
    expect(actions(reception)).not.toContain('card-action-renew');
    reception.unmount();
    const ended = mountWithActions(
      ['card_admin'],
      [
        card({ state: 'terminated' }),
        card({ id: '0190a0b0-0000-7000-8000-0000000000c2', kind: 'mobile_id' }),
      ],
    );
    await flushPromises();
    expect(actions(ended)).not.toContain('card-action-renew');
    expect(actions(ended)).not.toContain('card-action-replace');
  });
});
