// Whatever arrives on the web host's socket, it answers or refuses and keeps serving: hostile paths,
// odd methods, malformed, huge and duplicate headers, bad upgrades, half-closed sockets. The host
// runs in this process, so a throw in any of its handlers would fail the run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../../../src-main/core/create-desk';
import { startWebHost, type WebHost } from '../../../../src-main/web/web-host';

let dir: string;
let renderer: string;
let desk: Desk;
let host: WebHost;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-web-fuzz-'));
  renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  desk = createDesk({ databasePath: join(dir, 'desk.sqlite'), logger: { error: () => {} } });
  host = await startWebHost({ desk, rendererDir: renderer });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes the bytes and collects whatever comes back until the host closes the socket. A request the
 * host is still waiting on (an incomplete one) is half-closed after a second of silence: Node's HTTP
 * server then ends the socket, as it does for a browser that gives up.
 */
function exchange(bytes: string | Buffer, { halfClose = false } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(1000, () => socket.end());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    if (halfClose) socket.end(bytes);
    else socket.write(bytes);
  });
}

const get = (path: string, headers = '') =>
  exchange(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`);

function upgrade(path: string, headers = `Origin: http://127.0.0.1:${'PORT'}\r\n`): Promise<string> {
  return get(
    path,
    `${headers.replace('PORT', String(port))}Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nConnection: Upgrade\r\n',
  );
}

const statusOf = (response: string) => /^HTTP\/1\.1 (\d{3})/.exec(response)?.[1];

async function expectStillServing(): Promise<void> {
  const res = await fetch(`${host.url}/assets/app.js`);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('console.log(1)');
}

describe('the web host under hostile requests', () => {
  // Each of these once ended the process: decodeURIComponent and new URL('//') threw in a handler.
  it.each(['/%C0', '/%ZZ', '/%', '/assets/%E0%A4%A'])(
    'answers GET %s with 400 and keeps serving',
    async (path) => {
      const response = await get(path);
      expect(statusOf(response)).toBe('400');
      expect(response).toContain('content-security-policy:');
      await expectStillServing();
    },
  );

  it('answers GET // without serving anything outside the renderer, and keeps serving', async () => {
    const response = await get('//');
    expect(['200', '403']).toContain(statusOf(response));
    expect(response).not.toContain('do not serve');
    await expectStillServing();
  });

  it.each(['//', '/%C0', '/%ZZ', '//api?token=x', '/api/%C0'])(
    'refuses a WebSocket upgrade to %s and keeps serving',
    async (path) => {
      expect(statusOf(await upgrade(path))).toBe('403');
      await expectStillServing();
    },
  );

  it.each([
    '/..%2f..%2fsecret.txt',
    '/../secret.txt',
    '/assets/..%2f..%2f..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/..\\secret.txt',
    '/index.html%00.js',
  ])('never serves a file outside the renderer for %s', async (path) => {
    const response = await get(path);
    expect(statusOf(response)).toMatch(/^[24]\d\d$/);
    expect(response).not.toContain('do not serve');
  });

  it('refuses a very long path, huge headers and a flood of headers, and keeps serving', async () => {
    expect(statusOf(await get(`/${'a'.repeat(70_000)}`))).toMatch(/^4\d\d$/);
    expect(statusOf(await get('/', `X-Big: ${'b'.repeat(64 * 1024)}\r\n`))).toBe('431');
    expect(statusOf(await get('/', 'X-A: 1\r\n'.repeat(5000)))).toMatch(/^4\d\d$/);
    await expectStillServing();
  });

  it('answers duplicate and malformed headers, odd methods and bad request lines', async () => {
    const answers = await Promise.all([
      get('/', 'Host: evil\r\nHost: other\r\n'),
      get('/', 'Content-Length: 5\r\nContent-Length: 7\r\n'),
      get('/', 'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n'),
      get('/', 'Bad Header Without Colon\r\n'),
      exchange('BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n'),
      exchange('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc'),
      exchange('DELETE /assets/app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      exchange('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n'),
      exchange('GET\r\n\r\n', { halfClose: true }),
      exchange('\r\n\r\n\r\n'),
      exchange(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00])), // a TLS hello
      exchange('GET / HTTP/9.9\r\n\r\n'),
    ]);
    for (const answer of answers) expect(answer === '' || statusOf(answer) !== undefined).toBe(true);
    expect(statusOf(answers[5]!)).toBe('405');
    expect(statusOf(answers[6]!)).toBe('405');
    await expectStillServing();
  });

  it('refuses bad upgrade requests: no key, wrong version, no origin, another protocol', async () => {
    const origin = `Origin: ${host.url}\r\n`;
    const answers = await Promise.all([
      get(`/api?token=${host.token}`, `${origin}Upgrade: websocket\r\nConnection: Upgrade\r\n`),
      get(
        `/api?token=${host.token}`,
        `${origin}Upgrade: websocket\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: x\r\nConnection: Upgrade\r\n`,
      ),
      upgrade(`/api?token=${host.token}`, ''),
      upgrade(`/api?token=${host.token}`, `Origin: ${host.url}\r\nOrigin: http://evil.example\r\n`),
      get(`/api?token=${host.token}`, `${origin}Upgrade: h2c\r\nConnection: Upgrade\r\n`),
      get(
        `/api?token=${host.token}`,
        `${origin}Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: short\r\nConnection: Upgrade\r\n`,
      ),
    ]);
    for (const answer of answers) expect(statusOf(answer), answer).toMatch(/^4\d\d$/);
    await expectStillServing();
  });

  it('survives sockets that half-close or vanish mid-request and mid-upgrade', async () => {
    await Promise.all([
      exchange('GET / HT', { halfClose: true }),
      exchange(`GET /api?token=${host.token} HTTP/1.1\r\nUpgrade: websocket\r\n`, { halfClose: true }),
      exchange(`GET / HTTP/1.1\r\nHost: x\r\n\r\n`, { halfClose: true }),
      exchange('', { halfClose: true }),
      new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET /api HTTP/1.1\r\nHost: x\r\nOrigin: ${host.url}\r\nUpgrade: websocket\r\n`);
          socket.resetAndDestroy();
          resolve();
        });
      }),
    ]);
    await expectStillServing();
  });

  it('answers or refuses any request line and headers, never dies, and still serves afterwards', async () => {
    const hostile = fc.constantFrom(
      '/%C0',
      '/%ZZ',
      '//',
      '/..%2f..',
      '/api',
      '/api?token=%',
      '*',
      '/%00',
      'http://127.0.0.1/',
      `/${'x'.repeat(9000)}`,
    );
    const path = fc.oneof(hostile, fc.webPath(), fc.string({ maxLength: 40 }), fc.webUrl());
    const method = fc.oneof(
      fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'TRACE', 'PRI', 'M-SEARCH'),
      fc.string(),
    );
    const header = fc.tuple(
      fc.oneof(
        fc.constantFrom('Host', 'Origin', 'Upgrade', 'Connection', 'Content-Length', 'Range'),
        fc.string(),
      ),
      fc.oneof(fc.constantFrom('websocket', 'Upgrade', '-1', 'bytes=5-1', host.url), fc.string()),
    );
    await fc.assert(
      fc.asyncProperty(method, path, fc.array(header, { maxLength: 6 }), async (m, p, headers) => {
        const lines = headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
        const answer = await exchange(`${m} ${p} HTTP/1.1\r\n${lines}\r\n`);
        expect(answer === '' || statusOf(answer) !== undefined, answer.slice(0, 80)).toBe(true);
        expect(answer).not.toContain(dir);
      }),
      { numRuns: 200 },
    );
    await expectStillServing();
  });
});
