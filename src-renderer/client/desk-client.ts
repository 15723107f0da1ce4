// Picks the transport: the Electron preload's typed client when there is one, otherwise the web
// host's WebSocket at /api with this launch's token.
import type { DeskClient } from '../../src-shared/api/client';
import { takeLaunchToken } from './launch-token';
import { createWsClient, type WsDeskClient } from './ws-client';

export type Transport =
  { kind: 'ipc'; client: DeskClient } | { kind: 'websocket'; client: WsDeskClient } | { kind: 'noToken' };

export function apiUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api?token=${encodeURIComponent(token)}`;
}

export function pickTransport(win: Window = window): Transport {
  if (win.desk) return { kind: 'ipc', client: win.desk };
  const token = takeLaunchToken({
    location: win.location,
    history: win.history,
    storage: win.sessionStorage,
  });
  if (!token) return { kind: 'noToken' };
  return { kind: 'websocket', client: createWsClient({ url: apiUrl(win.location, token) }) };
}
