// The preload: exposes window.desk, the typed DeskClient, and nothing else (no raw ipcRenderer).
// It runs sandboxed, so it is bundled to CommonJS and may import only electron and types.
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskClient, EventMessage } from '../src-shared/api/client';
import { CALL_CHANNEL, EVENT_CHANNEL, KEEP_AWAKE_CHANNEL } from './electron/channels';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, message: EventMessage) => {
  for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
});

const desk: DeskClient = {
  call: (method, input) => ipcRenderer.invoke(CALL_CHANNEL, { method, input }),
  on(event, listener) {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const wrapped: Listener = (payload) => listener(payload as Parameters<typeof listener>[0]);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
  keepScreenAwake: (awake) => ipcRenderer.send(KEEP_AWAKE_CHANNEL, awake === true),
};

contextBridge.exposeInMainWorld('desk', desk);
