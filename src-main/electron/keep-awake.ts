// The screen stays on while the idle screen waits for cards: a reception desk whose display sleeps
// looks switched off to the person at the counter. The renderer says when it enters and leaves the
// idle screen (window.desk.keepScreenAwake); the display may sleep everywhere else, as usual.
import { KEEP_AWAKE_CHANNEL } from './channels';
import { isFromDeskWindow, type CallEvent, type WindowContents } from './ipc-bridge';

export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): boolean;
}

export interface IpcMainEventsLike {
  on(channel: string, listener: (event: CallEvent, message: unknown) => void): void;
  removeListener(channel: string, listener: (event: CallEvent, message: unknown) => void): void;
}

export interface KeepAwakeOptions {
  ipcMain: IpcMainEventsLike;
  contents: WindowContents;
  powerSaveBlocker: PowerSaveBlockerLike;
  warn?: (message: string) => void;
}

export interface KeepAwake {
  /** Lets the display sleep again (a crashed renderer cannot say so itself). */
  release(): void;
  /** Releases and stops listening. */
  dispose(): void;
}

export function registerKeepAwake(options: KeepAwakeOptions): KeepAwake {
  const { ipcMain, contents, powerSaveBlocker } = options;
  const warn = options.warn ?? ((message: string) => console.warn(`[desk-ipc] ${message}`));
  let blockerId: number | null = null;

  const release = () => {
    if (blockerId !== null) powerSaveBlocker.stop(blockerId);
    blockerId = null;
  };
  const listener = (event: CallEvent, awake: unknown) => {
    if (!isFromDeskWindow(event, contents)) {
      warn(`refused keep-awake from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
      return;
    }
    if (typeof awake !== 'boolean') return;
    if (awake && blockerId === null) blockerId = powerSaveBlocker.start('prevent-display-sleep');
    if (!awake) release();
  };
  ipcMain.on(KEEP_AWAKE_CHANNEL, listener);
  return {
    release,
    dispose() {
      release();
      ipcMain.removeListener(KEEP_AWAKE_CHANNEL, listener);
    },
  };
}
