import type { WebSocket } from 'ws';
import type { CallMessage, EventMessage, ReplyMessage } from '../../src-shared/api/client';
import { fail } from '../../src-shared/api/result';
import type { DeskConnection } from '../core/create-desk';

function parseCall(data: string): CallMessage | null {
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
export function handleSocket(ws: WebSocket, connection: DeskConnection): void {
  const send = (message: ReplyMessage | EventMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = connection.onEvent((event, payload) => send({ event, payload }));

  ws.on('message', (data, isBinary) => {
    const call = isBinary ? null : parseCall(data.toString());
    if (!call) {
      send({ id: -1, result: fail('bad_request', 'Messages are JSON objects { id, method, input }.') });
      return;
    }
    void connection.call(call.method, call.input).then((result) => send({ id: call.id, result }));
  });
  ws.on('close', () => {
    unsubscribe();
    connection.close();
  });
  ws.on('error', () => ws.terminate());
}
