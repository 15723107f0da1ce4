// One browser tab's WebSocket: calls in, replies and events out, within the host's limits.
import type { WebSocket } from 'ws';
import type { CallMessage, EventMessage, ReplyMessage } from '../../src-shared/api/client';
import { fail } from '../../src-shared/api/result';
import { SOCKET_CLOSE } from '../../src-shared/api/socket-close-codes';
import type { DeskConnection } from '../core/create-desk';
import { exceedsJsonDepth } from './exceeds-json-depth';
import type { SocketLimits } from './socket-limits';

/** How long a client that was cut off gets to read the close frame before its socket is destroyed. */
const CUT_OFF_GRACE_MS = 2000;

function parseCall(data: string, maxDepth: number): CallMessage | null {
  if (exceedsJsonDepth(data, maxDepth)) return null;
  try {
    const value = JSON.parse(data) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { id, method, input } = value as Record<string, unknown>;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
    return { id, method: typeof method === 'string' ? method : String(method), input };
  } catch {
    return null;
  }
}

/** One browser tab = one desk connection with its own login session. */
export function handleSocket(ws: WebSocket, connection: DeskConnection, limits: SocketLimits): void {
  let callsInFlight = 0;
  let isCutOff = false;

  // Replies wait in the socket's buffer until the client reads them: one that never reads is cut
  // off before its replies fill the host's memory.
  function cutOff(): void {
    isCutOff = true;
    ws.pause();
    ws.close(SOCKET_CLOSE.repliesNotRead, 'Replies were not read.');
    setTimeout(() => ws.terminate(), CUT_OFF_GRACE_MS).unref();
  }

  const send = (message: ReplyMessage | EventMessage) => {
    if (isCutOff || ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(message));
    if (ws.bufferedAmount > limits.maxBufferedBytes) cutOff();
  };
  const unsubscribe = connection.onEvent((event, payload) => send({ event, payload }));

  function answer(call: CallMessage): void {
    callsInFlight++;
    // Back-pressure: a client with this many calls unanswered is not read from until one is.
    if (callsInFlight >= limits.maxCallsInFlight) ws.pause();
    void connection
      .call(call.method, call.input)
      .catch(() => fail('internal', 'The desk could not answer this call.'))
      .then((result) => {
        callsInFlight--;
        if (ws.isPaused && callsInFlight < limits.maxCallsInFlight) ws.resume();
        send({ id: call.id, result });
      });
  }

  ws.on('message', (data, isBinary) => {
    if (isCutOff) return;
    const call = isBinary ? null : parseCall(data.toString(), limits.maxDepth);
    if (!call) {
      send({ id: -1, result: fail('bad_request', 'Messages are JSON objects { id, method, input }.') });
      return;
    }
    answer(call);
  });
  ws.on('close', () => {
    unsubscribe();
    connection.close();
  });
  ws.on('error', () => ws.terminate());
}
