// Card production: the queue, printing, batches for the issuer and their answers. While print jobs
// are out, the store asks the desk about them every few seconds, so cards move to "ready" on screen.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  CardFacePreview,
  ProductionCollectReport,
  ProductionQueue,
  ProductionRun,
} from '../../src-shared/api/methods/production';
import type { ApiError, Result } from '../../src-shared/api/result';
import { call } from '../client/api';

/** What the screen is busy with, for its progress line. */
export type ProductionWork = 'printing' | 'writing' | 'reading' | null;

const POLL_MS = 2000;

export const useProductionStore = defineStore('production', () => {
  const queue = ref<ProductionQueue | null>(null);
  const loadError = ref<ApiError | null>(null);
  const isLoading = ref(false);
  const work = ref<ProductionWork>(null);
  const workCount = ref(0);
  let poll: ReturnType<typeof setTimeout> | null = null;

  const printing = computed(
    () => queue.value?.inProduction.filter((c) => c.job?.channel === 'printer') ?? [],
  );

  async function load(): Promise<void> {
    isLoading.value = true;
    const result = await call('production.queue', {});
    isLoading.value = false;
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    loadError.value = null;
    queue.value = result.value;
    schedulePoll();
  }

  /** Asks about print jobs while any is out; stops when none is, or the screen is left. */
  function schedulePoll(): void {
    if (poll || printing.value.length === 0) return;
    poll = setTimeout(() => {
      poll = null;
      void checkPrinter();
    }, POLL_MS);
  }

  async function checkPrinter(): Promise<Result<ProductionCollectReport>> {
    const result = await call('production.checkJobs', {});
    await load();
    return result;
  }

  function stop(): void {
    if (poll) clearTimeout(poll);
    poll = null;
  }

  async function busy<T>(kind: ProductionWork, count: number, task: () => Promise<T>): Promise<T> {
    work.value = kind;
    workCount.value = count;
    try {
      return await task();
    } finally {
      work.value = null;
      await load();
    }
  }

  const print = (cardIds: string[]): Promise<Result<ProductionRun>> =>
    busy('printing', cardIds.length, () => call('production.print', { cardIds }));
  const writeBatch = (cardIds: string[]): Promise<Result<ProductionRun>> =>
    busy('writing', cardIds.length, () => call('production.writeBatch', { cardIds }));
  const retry = (cardIds: string[]): Promise<Result<{ runs: ProductionRun[] }>> =>
    busy('printing', cardIds.length, () => call('production.retry', { cardIds }));
  const readAnswers = (): Promise<Result<ProductionCollectReport>> =>
    busy('reading', 0, () => call('production.readAnswers', {}));
  const preview = (cardId: string): Promise<Result<CardFacePreview>> =>
    call('production.preview', { cardId });

  return {
    queue,
    loadError,
    isLoading,
    work,
    workCount,
    printing,
    load,
    stop,
    print,
    writeBatch,
    retry,
    readAnswers,
    checkPrinter,
    preview,
  };
});
