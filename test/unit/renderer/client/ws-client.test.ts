import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWsClient, type ConnectionState } from '../../../../src-renderer/client/ws-client';
import { SOCKET_CLOSE } from '../../../../src-shared/api/socket-close-codes';
import { FakeWebSocket } from './fake-web-socket';

const URL = 'ws://127.0.0.1:9/api?token=t';

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function connected() {
  const client = createWsClient({ url: URL });
  const socket = FakeWebSocket.latest();
  socket.open();
  return { client, socket };
}

describe('ws client framing', () => {
  it('sends { id, method, input } and resolves each reply by its id, in any order', async () => {
    const { client, socket } = connected();
    expect(socket.url).toBe(URL);
    const first = client.call('holders.search', { query: 'ann' });
    const second = client.call('session.keepAlive', {});
    const [a, b] = socket.messages();
    expect(a).toEqual({ id: a!.id, method: 'holders.search', input: { query: 'ann' } });
    expect(b!.id).not.toBe(a!.id);

    socket.receive({ id: b!.id, result: { ok: true, value: {} } });
    socket.receive({ id: a!.id, result: { ok: false, error: { code: 'forbidden', message: 'No.' } } });
    expect(await second).toEqual({ ok: true, value: {} });
    expect(await first).toEqual({ ok: false, error: { code: 'forbidden', message: 'No.' } });
  });

  it('holds calls made before the socket opens and sends them once it does', async () => {
    const client = createWsClient({ url: URL });
    const socket = FakeWebSocket.latest();
    const pending = client.call('session.status', {});
    expect(socket.sent).toHaveLength(0);
    socket.open();
    const [message] = socket.messages();
    socket.receive({ id: message!.id, result: { ok: true, value: 'x' } });
    expect(await pending).toEqual({ ok: true, value: 'x' });
  });

  it('answers a malformed reply with an internal error and ignores garbage frames', async () => {
    const { client, socket } = connected();
    const pending = client.call('session.keepAlive', {});
    socket.receive('not json');
    socket.receive({ nothing: true });
    socket.receive({ id: socket.messages()[0]!.id, result: { surprise: 1 } });
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
  });

  it('delivers events whose payload matches the contract, and drops the rest', () => {
    const { client, socket } = connected();
    const seen: unknown[] = [];
    const off = client.on('session.ended', (payload) => seen.push(payload));
    socket.receive({ event: 'session.ended', payload: { reason: 'idle' } });
    socket.receive({ event: 'session.ended', payload: { reason: 'bogus' } });
    socket.receive({ event: 'no.such.event', payload: {} });
    off();
    socket.receive({ event: 'session.ended', payload: { reason: 'logout' } });
    expect(seen).toEqual([{ reason: 'idle' }]);
  });

  it('fails a call whose reply never comes', async () => {
    const client = createWsClient({ url: URL, replyTimeoutMs: 1000 });
    FakeWebSocket.latest().open();
    const pending = client.call('session.keepAlive', {});
    vi.advanceTimersByTime(1000);
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('internal');
  });
});

describe('ws client reconnecting', () => {
  it('rejects calls in flight with an internal error when the socket drops, then reconnects with back-off', async () => {
    const states: ConnectionState[] = [];
    const { client, socket } = connected();
    client.onStateChange((s) => states.push(s));
    const inFlight = client.call('holders.search', { query: 'x' });
    socket.drop();
    const result = await inFlight;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(client.state).toBe('reconnecting');

    vi.advanceTimersByTime(499);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.latest().drop();
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(3);
    FakeWebSocket.latest().open();
    expect(states).toEqual(['reconnecting', 'open']);
  });

  it('caps the back-off delay', () => {
    const { socket } = connected();
    socket.drop();
    for (let attempt = 0; attempt < 8; attempt++) {
      vi.advanceTimersByTime(10_000);
      FakeWebSocket.latest().drop();
    }
    const before = FakeWebSocket.instances.length;
    vi.advanceTimersByTime(10_000);
    expect(FakeWebSocket.instances.length).toBe(before + 1);
  });

  it('answers a call made while the connection is lost with not_connected at once, and sends later ones again', async () => {
    const { client, socket } = connected();
    socket.drop();
    const started = Date.now();
    expect(await client.call('holders.search', { query: 'ann' })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
    expect(Date.now() - started).toBe(0);
    vi.advanceTimersByTime(500);
    const next = FakeWebSocket.latest();
    next.open();
    const pending = client.call('session.status', {});
    next.receive({ id: next.messages()[0]!.id, result: { ok: true, value: 1 } });
    expect(await pending).toEqual({ ok: true, value: 1 });
  });

  it('holds calls made before the first connection, and answers them not_connected when it never comes', async () => {
    const client = createWsClient({ url: URL, queueTimeoutMs: 3000 });
    const pending = client.call('session.status', {});
    vi.advanceTimersByTime(3000);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'not_connected' } });
  });

  it('gives up as "rejected" when the socket never opens (a wrong launch token)', async () => {
    const client = createWsClient({ url: URL });
    const pending = client.call('session.status', {});
    FakeWebSocket.latest().drop();
    expect(client.state).toBe('connecting');
    vi.advanceTimersByTime(500);
    FakeWebSocket.latest().drop();
    expect(client.state).toBe('rejected');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'not_connected' } });
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(await client.call('session.status', {})).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
  });

  it('keeps retrying, not refusing, when the host is full (1013)', () => {
    const { client, socket } = connected();
    socket.drop(SOCKET_CLOSE.tooManyConnections);
    expect(client.state).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('stops for good on close()', async () => {
    const { client, socket } = connected();
    const inFlight = client.call('session.keepAlive', {});
    client.close();
    expect(socket.isClosed).toBe(true);
    expect(client.state).toBe('closed');
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'internal' } });
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('ws client after the web host restarted', () => {
  /** A restarted host accepts the upgrade and closes it at once with 4401: the old token is refused. */
  function refuse(socket: FakeWebSocket): void {
    socket.open();
    socket.drop(SOCKET_CLOSE.staleToken);
  }

  it('says "restarted" when the host refuses a token it accepted before, and stops retrying', async () => {
    const states: ConnectionState[] = [];
    const { client, socket } = connected();
    client.onStateChange((s) => states.push(s));
    const status = client.call('session.status', {});
    socket.receive({ id: socket.messages()[0]!.id, result: { ok: true, value: 1 } });
    await status;
    socket.drop();
    vi.advanceTimersByTime(500);
    refuse(FakeWebSocket.latest());
    expect(client.state).toBe('restarted');
    expect(states.at(-1)).toBe('restarted');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(await client.call('holders.search', { query: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
  });

  it('answers calls sent on the refused socket not_connected (the host read none of them)', async () => {
    const { client, socket } = connected();
    socket.receive({ event: 'session.ended', payload: { reason: 'idle' } });
    socket.drop();
    vi.advanceTimersByTime(500);
    const next = FakeWebSocket.latest();
    next.open();
    const sentOnRefused = client.call('session.status', {});
    next.drop(SOCKET_CLOSE.staleToken);
    expect(await sentOnRefused).toMatchObject({ ok: false, error: { code: 'not_connected' } });
    expect(client.state).toBe('restarted');
  });

  it('says "rejected", not "restarted", when the token was never accepted', () => {
    const client = createWsClient({ url: URL });
    refuse(FakeWebSocket.latest());
    expect(client.state).toBe('rejected');
  });

  it('connects to a new launch link, keeping its event listeners', async () => {
    const { client, socket } = connected();
    const seen: unknown[] = [];
    client.on('session.ended', (payload) => seen.push(payload));
    socket.receive({ event: 'session.ended', payload: { reason: 'idle' } });
    socket.drop();
    vi.advanceTimersByTime(500);
    refuse(FakeWebSocket.latest());
    expect(client.state).toBe('restarted');

    client.connectTo('ws://127.0.0.1:9/api?token=new');
    const next = FakeWebSocket.latest();
    expect(next.url).toBe('ws://127.0.0.1:9/api?token=new');
    expect(client.state).toBe('reconnecting');
    next.open();
    expect(client.state).toBe('open');
    const pending = client.call('session.status', {});
    next.receive({ id: next.messages()[0]!.id, result: { ok: true, value: 2 } });
    expect(await pending).toEqual({ ok: true, value: 2 });
    next.receive({ event: 'session.ended', payload: { reason: 'logout' } });
    expect(seen).toEqual([{ reason: 'idle' }, { reason: 'logout' }]);
  });

  it('says "rejected" when the pasted link is refused too', () => {
    const { client, socket } = connected();
    socket.receive({ event: 'session.ended', payload: { reason: 'idle' } });
    client.connectTo('ws://127.0.0.1:9/api?token=typo');
    expect(socket.isClosed).toBe(true);
    refuse(FakeWebSocket.latest());
    expect(client.state).toBe('rejected');
  });

  it('ignores the replaced socket: its late close neither changes the state nor reconnects', () => {
    const { client, socket } = connected();
    client.connectTo('ws://127.0.0.1:9/api?token=new');
    FakeWebSocket.latest().open();
    socket.drop();
    expect(client.state).toBe('open');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});
