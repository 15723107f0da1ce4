// Search as you type: waits for a pause in typing (debounce), and shows only the answer to the
// latest query, so a slow early answer never overwrites a newer one.
import { onScopeDispose, ref, watch } from 'vue';
import type { MethodOutput } from '../../src-shared/api/methods';
import type { ApiError, Result } from '../../src-shared/api/result';
import type { HolderSummary } from '../../src-shared/api/schemas';

export const SEARCH_DEBOUNCE_MS = 120;

export type SearchHolders = (query: string) => Promise<Result<MethodOutput<'holders.search'>>>;

/** How many matched: the screen says so when it shows fewer (a cap: `isMore` is "more than"). */
export interface SearchTotal {
  total: number;
  isMore: boolean;
}
const NONE: SearchTotal = { total: 0, isMore: false };

export function useHolderSearch(search: SearchHolders, delayMs = SEARCH_DEBOUNCE_MS) {
  const query = ref('');
  const results = ref<HolderSummary[]>([]);
  const matched = ref<SearchTotal>(NONE);
  const isSearching = ref(false);
  const hasSearched = ref(false);
  const error = ref<ApiError | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  async function run(text: string): Promise<void> {
    const mine = ++latest;
    isSearching.value = true;
    const result = await search(text);
    if (mine !== latest) return;
    isSearching.value = false;
    hasSearched.value = true;
    error.value = result.ok ? null : result.error;
    results.value = result.ok ? result.value.items : [];
    matched.value = result.ok ? { total: result.value.total, isMore: result.value.isMore } : NONE;
  }

  function reset(): void {
    clearTimeout(timer);
    latest++;
    results.value = [];
    matched.value = NONE;
    isSearching.value = false;
    hasSearched.value = false;
    error.value = null;
  }

  watch(query, (text) => {
    clearTimeout(timer);
    const trimmed = text.trim();
    if (!trimmed) {
      reset();
      return;
    }
    timer = setTimeout(() => void run(trimmed), delayMs);
  });

  function clear(): void {
    query.value = '';
    reset();
  }

  onScopeDispose(() => clearTimeout(timer));

  return { query, results, matched, isSearching, hasSearched, error, clear };
}
