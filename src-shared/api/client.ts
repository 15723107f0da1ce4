import type { Result } from './result';
import type { DeskEventName, DeskEventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** What the renderer talks to, whether over Electron IPC or the web host's WebSocket. */
export interface DeskClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on<E extends DeskEventName>(event: E, listener: (payload: DeskEventPayload<E>) => void): () => void;
  /**
   * Keeps the display on while the idle screen waits for cards. Only the Electron shell has a screen
   * of its own to keep awake; the web host's client leaves it out, which makes it a no-op there.
   */
  keepScreenAwake?(awake: boolean): void;
}

/** The wire format shared by both transports. */
export interface CallMessage {
  id: number;
  method: string;
  input: unknown;
}
export interface ReplyMessage {
  id: number;
  result: Result<unknown>;
}
export interface EventMessage {
  event: string;
  payload: unknown;
}
