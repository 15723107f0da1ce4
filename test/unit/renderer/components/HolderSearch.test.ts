import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src-shared/api/result';
import type { HolderSummary } from '../../../../src-shared/api/schemas';
import HolderSearch from '../../../../src-renderer/components/HolderSearch.vue';
import { SEARCH_DEBOUNCE_MS } from '../../../../src-renderer/composables/use-holder-search';
import { fakeDeskClient } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

const HOLDERS: HolderSummary[] = ['Anna', 'Anders', 'Annika'].map((givenName, i) => ({
  id: `0190a0b0-0000-7000-8000-00000000001${i}`,
  givenName,
  familyName: 'Ek',
  employerName: i === 0 ? 'Bygg AB' : null,
  identityNumber: '19900517-1234',
  birthDate: '1990-05-17',
  cardNumbers: i === 0 ? ['ID06-1234'] : [],
  hasPhoto: false,
}));

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function searchFor(text: string, total = HOLDERS.length, isMore = false) {
  const desk = fakeDeskClient({ 'holders.search': () => ok({ items: HOLDERS, total, isMore }) });
  const { wrapper } = mountDesk(HolderSearch, desk);
  const input = wrapper.find('[data-testid="holder-search"]');
  expect(document.activeElement).toBe(input.element);
  await input.setValue(text);
  vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
  await flushPromises();
  return { wrapper, input, desk };
}

describe('holder search', () => {
  it('shows name, employer, masked identity number and card numbers', async () => {
    const { wrapper, desk } = await searchFor('an');
    expect(desk.callsOf('holders.search')).toEqual([{ query: 'an', limit: 20 }]);
    const rows = wrapper.findAll('[data-testid="holder-result"]');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.text()).toContain('Ek, Anna');
    expect(rows[0]!.text()).toContain('Bygg AB');
    expect(rows[0]!.text()).toContain('19900517-****');
    expect(rows[0]!.text()).not.toContain('1234 ');
    expect(rows[0]!.text()).toContain('ID06-1234');
  });

  it('moves with the arrow keys and opens with Enter', async () => {
    const { wrapper, input } = await searchFor('an');
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowUp' });
    expect(input.attributes('aria-activedescendant')).toBe('holder-option-1');
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('open')).toEqual([[HOLDERS[1]!.id]]);
  });

  it('clears with Escape', async () => {
    const { wrapper, input } = await searchFor('an');
    await input.trigger('keydown', { key: 'Escape' });
    expect((input.element as HTMLInputElement).value).toBe('');
    expect(wrapper.findAll('[data-testid="holder-result"]')).toHaveLength(0);
  });
});

describe('how many matched', () => {
  it('says nothing extra when every match is shown', async () => {
    const { wrapper } = await searchFor('ek');
    expect(wrapper.find('[data-testid="search-total"]').exists()).toBe(false);
  });

  it('says how many matched and to type more when it shows fewer', async () => {
    const { wrapper } = await searchFor('ek', 57);
    expect(wrapper.find('[data-testid="search-total"]').text()).toBe(
      'Showing 3 of 57 matches. Type more to narrow the search.',
    );
  });

  it('says "more than" past the count the desk stops at', async () => {
    const { wrapper } = await searchFor('e', 100, true);
    expect(wrapper.find('[data-testid="search-total"]').text()).toBe(
      'Showing the first 3 of more than 100 matches. Type more to narrow the search.',
    );
  });
});
