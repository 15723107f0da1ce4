// The desk API over Electron IPC: one DeskConnection for the one window. Every call's sender is
// checked (DESIGN.md section 8): it must be the main window's webContents showing app://desk.
// Electron's ipcMain and webContents come in as arguments, so this is tested with fakes.
import type { EventMessage } from '../../src-shared/api/client';
import { fail, type Result } from '../../src-shared/api/result';
import type { DeskConnection } from '../core/create-desk';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';
import { isTrustedSenderUrl } from './window-options';

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface CallEvent {
  sender: unknown;
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: CallEvent, message: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface WindowContents {
  send(channel: string, message: EventMessage): void;
  isDestroyed(): boolean;
}

export interface DeskBridgeOptions {
  ipcMain: IpcMainLike;
  /** The main window's webContents: the only sender allowed to call. */
  contents: WindowContents;
  connection: DeskConnection;
  warn?: (message: string) => void;
}

/** The sender check every IPC message passes: the desk window's own webContents, on app://desk. */
export function isFromDeskWindow(event: CallEvent, contents: WindowContents): boolean {
  const frameUrl = event.senderFrame?.url;
  return event.sender === contents && frameUrl !== undefined && isTrustedSenderUrl(frameUrl);
}

function parseCall(message: unknown): { method: string; input: unknown } | null {
  if (typeof message !== 'object' || message === null) return null;
  const { method, input } = message as Record<string, unknown>;
  return typeof method === 'string' ? { method, input } : null;
}

/** Registers the call handler and forwards desk events; returns the function that undoes both. */
export function registerDeskBridge(options: DeskBridgeOptions): () => void {
  const { ipcMain, contents, connection } = options;
  const warn = options.warn ?? ((message: string) => console.warn(`[desk-ipc] ${message}`));

  ipcMain.handle(CALL_CHANNEL, async (event, message) => {
    if (!isFromDeskWindow(event, contents)) {
      warn(`refused a call from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
      return fail('forbidden', 'Calls are accepted only from the desk window.');
    }
    const call = parseCall(message);
    if (!call) return fail('bad_request', 'Calls are objects { method, input }.');
    return connection.call(call.method, call.input);
  });

  const unsubscribe = connection.onEvent((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
  });

  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}
