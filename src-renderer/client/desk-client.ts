// Picks the transport: the Electron preload's typed client when there is one, otherwise the web
// host's WebSocket at /api with this launch's token.
import type { DeskClient } from '../../src-shared/api/client';
import { takeFragmentToken, takeLaunchToken, type TokenPlace } from './launch-token';
import { createWsClient, type WsDeskClient } from './ws-client';

export type Transport =
  { kind: 'ipc'; client: DeskClient } | { kind: 'websocket'; client: WsDeskClient } | { kind: 'noToken' };

export function apiUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api?token=${encodeURIComponent(token)}`;
}

type LaunchWindow = Pick<Window, 'location' | 'history' | 'sessionStorage'>;

function tokenPlace(win: LaunchWindow): TokenPlace {
  return { location: win.location, history: win.history, storage: win.sessionStorage };
}

export function pickTransport(win: Window = window): Transport {
  if (win.desk) return { kind: 'ipc', client: win.desk };
  const token = takeLaunchToken(tokenPlace(win));
  if (!token) return { kind: 'noToken' };
  return { kind: 'websocket', client: createWsClient({ url: apiUrl(win.location, token) }) };
}

/**
 * Calls `listener` with the token of a launch link pasted into this tab. Only the fragment changes,
 * so the page does not reload: the browser fires popstate, then hashchange. Register this before the
 * router, whose hash history would otherwise read `#token=…` as a route first.
 */
export function onLaunchLink(
  win: LaunchWindow & Pick<Window, 'addEventListener' | 'removeEventListener'>,
  listener: (token: string) => void,
): () => void {
  const check = () => {
    const token = takeFragmentToken(tokenPlace(win));
    if (token) listener(token);
  };
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  return () => {
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
  };
}

/** The transport after a new launch link: the same WebSocket client moved to it, or a first one. */
export function followLaunchLink(current: Transport, url: string): Transport {
  if (current.kind === 'websocket') {
    current.client.connectTo(url);
    return current;
  }
  if (current.kind === 'noToken') return { kind: 'websocket', client: createWsClient({ url }) };
  return current;
}
