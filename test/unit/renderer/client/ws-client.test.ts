import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWsClient, type ConnectionState } from '../../../../src-renderer/client/ws-client';
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

  it('sends calls made while reconnecting once the new socket opens', async () => {
    const { client, socket } = connected();
    socket.drop();
    const pending = client.call('session.status', {});
    vi.advanceTimersByTime(500);
    const next = FakeWebSocket.latest();
    next.open();
    next.receive({ id: next.messages()[0]!.id, result: { ok: true, value: 1 } });
    expect(await pending).toEqual({ ok: true, value: 1 });
  });

  it('gives up as "rejected" when the socket never opens (a wrong launch token)', async () => {
    const client = createWsClient({ url: URL });
    const pending = client.call('session.status', {});
    FakeWebSocket.latest().drop();
    expect(client.state).toBe('connecting');
    vi.advanceTimersByTime(500);
    FakeWebSocket.latest().drop();
    expect(client.state).toBe('rejected');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'internal' } });
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(await client.call('session.status', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
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
