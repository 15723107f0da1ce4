// The desk API over the web host's WebSocket: `{ id, method, input }` out, `{ id, result }` replies and
// `{ event, payload }` events in (src-shared/api/client.ts). Reconnects with back-off; a call in flight
// when the socket drops is answered with an `internal` error value, never left hanging, and a call made
// while the connection is lost is answered `not_connected` at once, so the screen can say so.
// The host closes a socket whose token is not this launch's with 4401: after having been accepted,
// that means the web host was restarted, and only its new launch link (`connectTo`) helps.
import type { CallMessage, DeskClient } from '../../src-shared/api/client';
import { deskEvents, type DeskEventName, type DeskEventPayload } from '../../src-shared/api/events';
import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/api/methods';
import { fail, type Result } from '../../src-shared/api/result';
import { SOCKET_CLOSE } from '../../src-shared/api/socket-close-codes';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'rejected' | 'restarted' | 'closed';

/** What the client needs of a socket; the browser's WebSocket is wrapped by `browserSocket`. */
export interface SocketLike {
  send(data: string): void;
  close(): void;
}
export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: unknown): void;
  /** The close code the browser reports: 1006 for a refused upgrade or a dropped connection. */
  onClose(code: number): void;
}
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

export const browserSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event) => handlers.onMessage(event.data);
  socket.onclose = (event) => handlers.onClose(event.code);
  return socket;
};

export interface WsClientOptions {
  url: string;
  socket?: SocketFactory;
  /** First reconnect delay; doubles per failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /**
   * A socket that never opened this many times in a row was refused: the web host answers a wrong
   * token (or origin) with 403, which a browser reports only as a close.
   */
  rejectAfterAttempts?: number;
  /** How long a call made while disconnected waits for the connection. */
  queueTimeoutMs?: number;
  /** How long a sent call waits for its reply. */
  replyTimeoutMs?: number;
}

export interface WsDeskClient extends DeskClient {
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Connects to another URL (a new launch link), keeping the listeners of this client. */
  connectTo(url: string): void;
  close(): void;
}

type Settle = (result: Result<unknown>) => void;
interface Waiting {
  message: CallMessage;
  settle: Settle;
  timer?: ReturnType<typeof setTimeout>;
}

const LOST = 'The connection to the desk was lost before it answered; check whether the change was saved.';
const NOT_CONNECTED = 'There is no connection to the desk.';
const ABORTED =
  'The connection to the desk was replaced before it answered; check whether the change was saved.';

function parseFrame(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { ok, error } = value as { ok?: unknown; error?: { code?: unknown } };
  return ok === true || (ok === false && typeof error?.code === 'string');
}

export function createWsClient(options: WsClientOptions): WsDeskClient {
  const open = options.socket ?? browserSocket;
  const initialDelayMs = options.initialDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const rejectAfter = options.rejectAfterAttempts ?? 2;
  const queueTimeoutMs = options.queueTimeoutMs ?? 10_000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 60_000;

  let state: ConnectionState = 'connecting';
  let url = options.url;
  let socket: SocketLike | null = null;
  let nextId = 1;
  let failedAttempts = 0;
  let hasEverOpened = false;
  // Whether the host ever accepted this token: a socket it answered, or one that ended for another
  // reason than a refusal. A refused socket opens for a moment too, before its close code arrives.
  let wasAccepted = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const sent = new Map<number, Waiting>();
  const queued: Waiting[] = [];
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();

  function setState(next: ConnectionState): void {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  }

  function settleAll(
    list: Iterable<Waiting>,
    message: string,
    code: 'internal' | 'not_connected' = 'internal',
  ): void {
    for (const waiting of list) {
      clearTimeout(waiting.timer);
      waiting.settle(fail(code, message));
    }
  }

  function send(waiting: Waiting): void {
    clearTimeout(waiting.timer);
    waiting.timer = setTimeout(() => {
      sent.delete(waiting.message.id);
      waiting.settle(fail('internal', 'The desk did not answer in time.'));
    }, replyTimeoutMs);
    sent.set(waiting.message.id, waiting);
    socket?.send(JSON.stringify(waiting.message));
  }

  function handleMessage(data: unknown): void {
    wasAccepted = true;
    const frame = parseFrame(data);
    if (!frame) return;
    if (typeof frame.id === 'number') {
      const waiting = sent.get(frame.id);
      if (!waiting) return;
      sent.delete(frame.id);
      clearTimeout(waiting.timer);
      waiting.settle(
        isResult(frame.result) ? frame.result : fail('internal', 'The desk sent a malformed reply.'),
      );
      return;
    }
    if (typeof frame.event === 'string' && Object.hasOwn(deskEvents, frame.event)) {
      const parsed = deskEvents[frame.event as DeskEventName].safeParse(frame.payload);
      if (!parsed.success) return;
      for (const listener of eventListeners.get(frame.event) ?? []) listener(parsed.data);
    }
  }

  function handleClose(code: number, wasOpen: boolean): void {
    socket = null;
    const isRefused = code === SOCKET_CLOSE.staleToken || code === SOCKET_CLOSE.tooManyConnections;
    if (wasOpen && !isRefused) wasAccepted = true;
    if (code === SOCKET_CLOSE.staleToken) {
      // The host read none of the calls sent on a refused socket.
      settleAll(sent.values(), NOT_CONNECTED, 'not_connected');
      sent.clear();
      setState(wasAccepted ? 'restarted' : 'rejected');
      settleAll(queued.splice(0), NOT_CONNECTED, 'not_connected');
      return;
    }
    settleAll(sent.values(), LOST);
    sent.clear();
    if (state === 'closed') return;
    failedAttempts += 1;
    if (!hasEverOpened && failedAttempts >= rejectAfter) {
      setState('rejected');
      settleAll(queued.splice(0), NOT_CONNECTED, 'not_connected');
      return;
    }
    setState(hasEverOpened ? 'reconnecting' : 'connecting');
    // Calls waiting for the first connection wait on; once it was lost, the screen hears so at once.
    if (hasEverOpened) settleAll(queued.splice(0), NOT_CONNECTED, 'not_connected');
    const delay = Math.min(initialDelayMs * 2 ** (failedAttempts - 1), maxDelayMs);
    retryTimer = setTimeout(connect, delay);
  }

  function connect(): void {
    retryTimer = undefined;
    let wasOpen = false;
    const current = open(url, {
      onOpen: () => {
        if (socket !== current) return;
        wasOpen = true;
        failedAttempts = 0;
        hasEverOpened = true;
        setState('open');
        for (const waiting of queued.splice(0)) send(waiting);
      },
      onMessage: (data) => {
        if (socket === current) handleMessage(data);
      },
      onClose: (code) => {
        if (socket === current) handleClose(code, wasOpen);
      },
    });
    socket = current;
  }

  connect();

  return {
    get state() {
      return state;
    },
    call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      return new Promise((resolve) => {
        // The core validated its answer against the same contract before sending it.
        const settle = resolve as Settle;
        if (state !== 'open' && state !== 'connecting') {
          settle(fail('not_connected', NOT_CONNECTED));
          return;
        }
        const waiting: Waiting = { message: { id: nextId++, method, input }, settle };
        if (state === 'open') {
          send(waiting);
          return;
        }
        waiting.timer = setTimeout(() => {
          queued.splice(queued.indexOf(waiting), 1);
          settle(fail('not_connected', NOT_CONNECTED));
        }, queueTimeoutMs);
        queued.push(waiting);
      });
    },
    on<E extends DeskEventName>(event: E, listener: (payload: DeskEventPayload<E>) => void): () => void {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    connectTo(next) {
      if (state === 'closed') return;
      clearTimeout(retryTimer);
      const current = socket;
      socket = null;
      current?.close();
      settleAll(sent.values(), ABORTED);
      sent.clear();
      url = next;
      failedAttempts = 0;
      wasAccepted = false;
      // 'reconnecting' after a session: the screens then ask the desk again who is logged in.
      setState(hasEverOpened ? 'reconnecting' : 'connecting');
      connect();
    },
    close() {
      setState('closed');
      clearTimeout(retryTimer);
      settleAll(queued.splice(0), NOT_CONNECTED, 'not_connected');
      const current = socket;
      socket = null;
      current?.close();
      settleAll(sent.values(), LOST);
      sent.clear();
    },
  };
}
