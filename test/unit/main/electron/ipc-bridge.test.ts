import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../../src-shared/api/client';
import type { DeskEventName } from '../../../../src-shared/api/events';
import { ok, type Result } from '../../../../src-shared/api/result';
import type { DeskConnection } from '../../../../src-main/core/create-desk';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../../src-main/electron/channels';
import {
  registerDeskBridge,
  type CallEvent,
  type IpcMainLike,
} from '../../../../src-main/electron/ipc-bridge';

type Handler = (event: CallEvent, message: unknown) => Promise<Result<unknown>>;

function setUp() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  const sent: Array<[string, EventMessage]> = [];
  const contents = {
    destroyed: false,
    send: (channel: string, m: EventMessage) => sent.push([channel, m]),
    isDestroyed: () => contents.destroyed,
  };
  const calls: Array<[string, unknown]> = [];
  let emit: (event: DeskEventName, payload: unknown) => void = () => {};
  const connection: DeskConnection = {
    call: async (method, input) => {
      calls.push([method, input]);
      return ok({ echoed: method });
    },
    onEvent: (listener) => {
      emit = listener;
      return () => {
        emit = () => {};
      };
    },
    close: () => {},
  };
  const warnings: string[] = [];
  const dispose = registerDeskBridge({ ipcMain, contents, connection, warn: (m) => warnings.push(m) });
  const invoke = (event: CallEvent, message: unknown) => {
    const handler = handlers.get(CALL_CHANNEL);
    if (!handler) throw new Error('no handler');
    return handler(event, message);
  };
  return {
    handlers,
    contents,
    sent,
    calls,
    warnings,
    dispose,
    invoke,
    emit: (e: DeskEventName, p: unknown) => emit(e, p),
  };
}

describe('registerDeskBridge', () => {
  it('forwards a call from the desk window to the connection', async () => {
    const t = setUp();
    const result = await t.invoke(
      { sender: t.contents, senderFrame: { url: 'app://desk/index.html' } },
      { method: 'session.status', input: {} },
    );
    expect(result).toEqual({ ok: true, value: { echoed: 'session.status' } });
    expect(t.calls).toEqual([['session.status', {}]]);
    expect(t.warnings).toEqual([]);
  });

  it.each([
    'app://desk.evil.com/',
    'app://desk@evil/',
    'file:///index.html',
    'http://127.0.0.1:5178/',
    'about:blank',
  ])('refuses and logs a call from a frame on %s', async (url) => {
    const t = setUp();
    const result = await t.invoke(
      { sender: t.contents, senderFrame: { url } },
      { method: 'session.status', input: {} },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.calls).toEqual([]);
    expect(t.warnings).toEqual([`refused a call from an untrusted sender (${url})`]);
  });

  it('refuses a call from another webContents, even on app://desk', async () => {
    const t = setUp();
    const other = { send: () => {}, isDestroyed: () => false };
    const result = await t.invoke(
      { sender: other, senderFrame: { url: 'app://desk/' } },
      { method: 'session.status', input: {} },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.calls).toEqual([]);
    expect(t.warnings).toHaveLength(1);
  });

  it('refuses a call whose frame is gone', async () => {
    const t = setUp();
    const result = await t.invoke(
      { sender: t.contents, senderFrame: null },
      { method: 'session.status', input: {} },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.warnings).toEqual(['refused a call from an untrusted sender (no frame)']);
  });

  it.each([null, 'session.status', { input: {} }, { method: 42, input: {} }])(
    'answers bad_request to %j',
    async (message) => {
      const t = setUp();
      const result = await t.invoke({ sender: t.contents, senderFrame: { url: 'app://desk/' } }, message);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(t.calls).toEqual([]);
    },
  );

  it('pushes desk events to the window while it exists', () => {
    const t = setUp();
    t.emit('session.ended', { reason: 'idle' });
    t.contents.destroyed = true;
    t.emit('session.ended', { reason: 'logout' });
    expect(t.sent).toEqual([[EVENT_CHANNEL, { event: 'session.ended', payload: { reason: 'idle' } }]]);
  });

  it('undoes everything when disposed', () => {
    const t = setUp();
    t.dispose();
    expect(t.handlers.has(CALL_CHANNEL)).toBe(false);
    t.emit('session.ended', { reason: 'idle' });
    expect(t.sent).toEqual([]);
  });
});
