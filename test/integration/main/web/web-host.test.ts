import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDesk, type Desk } from '../../../../src-main/core/create-desk';
import { startWebHost, type WebHost } from '../../../../src-main/web/web-host';
import { SOCKET_CLOSE } from '../../../../src-shared/api/socket-close-codes';

let dir: string;
let desk: Desk;
let host: WebHost;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-web-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  desk = createDesk({ databasePath: join(dir, 'desk.sqlite'), logger: { error: () => {} } });
  host = await startWebHost({ desk, rendererDir: renderer });
});
afterEach(async () => {
  await host.close();
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(options: { token?: string; origin?: string; path?: string } = {}): Promise<WebSocket> {
  const url = `${host.url.replace('http', 'ws')}${options.path ?? '/api'}?token=${options.token ?? host.token}`;
  const ws = new WebSocket(url, { origin: options.origin ?? host.url });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('the web host', () => {
  it("tells the desk each socket's address, which BankID is given as the person's", async () => {
    const seen: unknown[] = [];
    const deskConnect = desk.connect.bind(desk);
    desk.connect = (options) => {
      seen.push(options);
      return deskConnect(options);
    };
    const ws = await connect();
    expect(seen).toEqual([{ remoteAddress: '127.0.0.1' }]);
    ws.close();
  });

  it('binds 127.0.0.1 only and prints an open URL with the token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.openUrl).toBe(`${host.url}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP, and client routes fall back to index.html', async () => {
    const res = await fetch(`${host.url}/holders/123`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>desk</title>');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${host.url.replace('http', 'ws')}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const body = await (await fetch(`${host.url}${path}`)).text();
      expect(body, path).not.toContain('do not serve');
    }
  });

  it('refuses API connections from another origin or to another path', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(connect({ origin: 'null' })).rejects.toThrow('403');
    await expect(connect({ path: '/other' })).rejects.toThrow('403');
  });

  // A browser sees a refused upgrade only as a bare close: the token's refusal is a close code the
  // screen can read ("the desk was restarted"), and the socket never reaches the desk.
  it.each(['wrong', '', `${'x'.repeat(32)}`])(
    'closes a connection with the token %j with 4401',
    async (token) => {
      const ws = await connect({ token });
      const replies: unknown[] = [];
      ws.on('message', (data) => replies.push(data.toString()));
      ws.send(JSON.stringify({ id: 1, method: 'session.status', input: {} }));
      const [code] = (await once(ws, 'close')) as [number];
      expect(code).toBe(SOCKET_CLOSE.staleToken);
      expect(replies).toEqual([]);
    },
  );

  it('answers 503 while the renderer is not built, and serves it once it is', async () => {
    rmSync(join(dir, 'renderer'), { recursive: true, force: true });
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<title>built later</title>');
    expect(await (await fetch(`${host.url}/holders/1`)).text()).toContain('built later');
  });

  it('refuses other methods with 405, and answers HEAD like GET without a body', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await fetch(`${host.url}/assets/app.js`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    const head = await fetch(`${host.url}/assets/app.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('answers calls over the WebSocket and refuses malformed messages', async () => {
    const ws = await connect();
    expect(await call(ws, { id: 1, method: 'session.status', input: {} })).toMatchObject({
      id: 1,
      result: { ok: true, value: { needsFirstAdmin: true } },
    });
    expect(await call(ws, 'not json')).toMatchObject({
      id: -1,
      result: { ok: false, error: { code: 'bad_request' } },
    });
    expect(await call(ws, { id: 'x', method: 'session.status' })).toMatchObject({ result: { ok: false } });
    expect(await call(ws, { id: 2, method: 'nope', input: {} })).toMatchObject({
      id: 2,
      result: { ok: false, error: { code: 'unknown_method' } },
    });
    ws.close();
  });

  it('gives each connection its own login session', async () => {
    const a = await connect();
    const b = await connect();
    await call(a, {
      id: 1,
      method: 'setup.createFirstAdmin',
      input: {
        username: 'admin',
        displayName: 'Astrid Admin',
        password: 'correct horse battery',
        language: 'sv',
      },
    });
    expect(await call(a, { id: 2, method: 'holders.search', input: { query: 'a' } })).toMatchObject({
      result: { ok: true },
    });
    expect(await call(b, { id: 3, method: 'holders.search', input: { query: 'a' } })).toMatchObject({
      result: { ok: false, error: { code: 'unauthenticated' } },
    });
    a.close();
    b.close();
  });
});
