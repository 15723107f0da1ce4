// The audit chain's health, for an administrator's screen. Asked when an administrator logs in and
// on each screen they open, not on a timer: every call keeps the session alive, and an idle desk
// must still log out. Only while the desk is still checking does it ask again by itself.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AuditStatus } from '../../src-shared/api/methods/audit';
import { call } from '../client/api';

export const CHECKING_POLL_MS = 2000;

export const useAuditStore = defineStore('audit', () => {
  const status = ref<AuditStatus | null>(null);
  const isBroken = computed(() => status.value?.state === 'broken');
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  // An answer that arrives after clear() (the administrator logged out) is dropped.
  let generation = 0;

  async function refresh(): Promise<void> {
    clearTimeout(pollTimer);
    const asked = ++generation;
    const result = await call('audit.status', {});
    if (asked !== generation) return;
    // A refusal (logged out, not an administrator) shows nothing rather than an old verdict.
    status.value = result.ok ? result.value : null;
    if (status.value?.state === 'checking') pollTimer = setTimeout(() => void refresh(), CHECKING_POLL_MS);
  }

  function clear(): void {
    clearTimeout(pollTimer);
    generation += 1;
    status.value = null;
  }

  return { status, isBroken, refresh, clear };
});
