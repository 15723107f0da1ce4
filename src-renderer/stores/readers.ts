// The desk's card readers: each backend's health and each reader's state (live, from the
// `readers.changed` event), and the reader settings with the built-in reader profiles.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ReadersOverview, ReaderSettings } from '../../src-shared/api/readers';
import type { MethodOutput } from '../../src-shared/api/methods';
import type { ApiError, Result } from '../../src-shared/api/result';
import { call, onDeskEvent } from '../client/api';

export type ReaderProfileView = MethodOutput<'readers.settings'>['profiles'][number];

export const useReadersStore = defineStore('readers', () => {
  const overview = shallowRef<ReadersOverview | null>(null);
  const settings = shallowRef<ReaderSettings | null>(null);
  const profiles = shallowRef<ReaderProfileView[]>([]);
  const loadError = ref<ApiError | null>(null);
  let stopListening: (() => void) | undefined;

  async function load(): Promise<void> {
    const result = await call('readers.list', {});
    loadError.value = result.ok ? null : result.error;
    if (result.ok) overview.value = result.value;
  }

  async function loadSettings(): Promise<void> {
    const result = await call('readers.settings', {});
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    settings.value = result.value.settings;
    profiles.value = result.value.profiles;
  }

  async function configure(next: ReaderSettings): Promise<Result<ReaderSettings>> {
    const result = await call('readers.configure', next);
    if (result.ok) {
      settings.value = result.value;
      // Turning the wedge reader on or off changes the overview, and the core sends no event for it.
      await load();
    }
    return result;
  }

  function start(): void {
    stopListening ??= onDeskEvent('readers.changed', (next) => (overview.value = next));
  }

  function clear(): void {
    overview.value = null;
    settings.value = null;
    profiles.value = [];
    loadError.value = null;
  }

  return { overview, settings, profiles, loadError, load, loadSettings, configure, start, clear };
});
