// How this screen reaches the desk: always 'open' over Electron IPC; over the web host's WebSocket it
// follows the socket. 'noToken' / 'rejected' mean the page was opened without a valid launch link;
// 'restarted' that the web host was started again, so this tab's link belongs to an earlier launch.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Transport } from '../client/desk-client';
import type { ConnectionState } from '../client/ws-client';

export type ConnectionStatus = ConnectionState | 'noToken';

export const useConnectionStore = defineStore('connection', () => {
  const state = ref<ConnectionStatus>('connecting');
  const transport = ref<Transport['kind'] | null>(null);
  let detach: (() => void) | undefined;

  function attach(next: Transport): void {
    detach?.();
    detach = undefined;
    transport.value = next.kind;
    if (next.kind === 'noToken') {
      state.value = 'noToken';
    } else if (next.kind === 'ipc') {
      state.value = 'open';
    } else {
      state.value = next.client.state;
      detach = next.client.onStateChange((s) => (state.value = s));
    }
  }

  const isOpen = computed(() => state.value === 'open');
  /** The launch link was missing or refused: only a fresh link from `npm run start:web` helps. */
  const needsLaunchLink = computed(
    () => state.value === 'noToken' || state.value === 'rejected' || state.value === 'restarted',
  );

  return { state, transport, isOpen, needsLaunchLink, attach };
});
