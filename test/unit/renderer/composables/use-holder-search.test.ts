import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { ok, type Result } from '../../../../src-shared/api/result';
import type { HolderSummary } from '../../../../src-shared/api/schemas';
import { SEARCH_DEBOUNCE_MS, useHolderSearch } from '../../../../src-renderer/composables/use-holder-search';

function holder(givenName: string): HolderSummary {
  return {
    id: `0190a0b0-0000-7000-8000-00000000000${givenName.length}`,
    givenName,
    familyName: 'Ek',
    employerName: null,
    identityNumber: '19900517-****',
    birthDate: '1990-05-17',
    cardNumbers: [],
    hasPhoto: false,
  };
}

type Answer = Result<{ items: HolderSummary[]; total: number; isMore: boolean }>;

function setup() {
  const queries: string[] = [];
  const answers = new Map<string, (answer: Answer) => void>();
  const search = (query: string) =>
    new Promise<Answer>((resolve) => {
      queries.push(query);
      answers.set(query, resolve);
    });
  const scope = effectScope();
  const state = scope.run(() => useHolderSearch(search))!;
  return { state, queries, answers, scope };
}

async function type(state: ReturnType<typeof setup>['state'], text: string) {
  state.query.value = text;
  await nextTick();
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('search as you type', () => {
  it('waits for a pause in typing and searches once, for the latest text', async () => {
    const { state, queries } = setup();
    await type(state, 'a');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 20);
    await type(state, 'an');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 20);
    await type(state, 'ann ');
    expect(queries).toEqual([]);
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(queries).toEqual(['ann']);
  });

  it('shows only the answer to the latest query, even when an older one arrives later', async () => {
    const { state, answers } = setup();
    await type(state, 'an');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await type(state, 'anna');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    answers.get('anna')!(ok({ items: [holder('Anna')], total: 1, isMore: false }));
    await vi.waitFor(() => expect(state.results.value.map((h) => h.givenName)).toEqual(['Anna']));
    answers.get('an')!(ok({ items: [holder('An'), holder('Anders')], total: 2, isMore: false }));
    await Promise.resolve();
    expect(state.results.value.map((h) => h.givenName)).toEqual(['Anna']);
    expect(state.isSearching.value).toBe(false);
  });

  it('clears the results at once when the field is emptied, and ignores a late answer', async () => {
    const { state, answers, queries } = setup();
    await type(state, 'ann');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    state.clear();
    await nextTick();
    answers.get('ann')!(ok({ items: [holder('Ann')], total: 1, isMore: false }));
    await Promise.resolve();
    expect(state.results.value).toEqual([]);
    expect(state.hasSearched.value).toBe(false);
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 3);
    expect(queries).toEqual(['ann']);
  });

  it('keeps an error for the screen', async () => {
    const { state, answers } = setup();
    await type(state, 'x');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    answers.get('x')!({ ok: false, error: { code: 'forbidden', message: 'No.' } });
    await vi.waitFor(() => expect(state.error.value?.code).toBe('forbidden'));
  });

  it('stops its timer with its scope', async () => {
    const { state, scope, queries } = setup();
    await type(state, 'ann');
    scope.stop();
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2);
    expect(queries).toEqual([]);
  });
});
