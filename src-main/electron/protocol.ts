// The renderer is served from app://desk, a privileged custom scheme, never from file:// (which
// would give the page access to every local file) nor from a local web server.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../web/web-host';
import { resolveRendererFile } from './resolve-renderer-file';
import { APP_SCHEME } from './window-options';

// The same types as the web host's; one shared table would be better (it is private there).
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Must run before the app is ready: Chromium reads scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves out/renderer on app://desk; call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  // The IPC bridge is the only channel to the desk, so the page may connect to nothing but itself.
  const csp = contentSecurityPolicy('');
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const resolved = resolveRendererFile(rendererDir, request.url);
    if (resolved.kind === 'refused') return plain(403, 'Forbidden');
    if (resolved.kind === 'missing') return plain(503, 'The renderer is not built: run npm run build.');
    const body = await readFile(resolved.path);
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: {
        'content-type': TYPES[extname(resolved.path)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      },
    });
  });
}
