// The two IPC channels between the preload and the main process. Shared so neither side can drift.

/** Renderer → main: `ipcRenderer.invoke(CALL_CHANNEL, { method, input })` answers a Result. */
export const CALL_CHANNEL = 'desk:call';
/** Main → renderer: `webContents.send(EVENT_CHANNEL, { event, payload })`. */
export const EVENT_CHANNEL = 'desk:event';
/** Renderer → main: `ipcRenderer.send(KEEP_AWAKE_CHANNEL, awake)` while the idle screen waits for cards. */
export const KEEP_AWAKE_CHANNEL = 'desk:keep-awake';
