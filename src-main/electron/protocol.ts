// The renderer is served from app://desk, a privileged custom scheme, never from file:// (which
// would give the page access to every local file) nor from a local web server.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../renderer-host/content-security-policy';
import { contentTypeFor } from '../renderer-host/content-types';
import { securityHeaders } from '../renderer-host/security-headers';
import { resolveAppUrl } from './resolve-app-url';
import { APP_SCHEME } from './window-options';

/** Must run before the app is ready: Chromium reads scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves out/renderer on app://desk; call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  // The IPC bridge is the only channel to the desk, so the page may connect to nothing but itself.
  const headers = securityHeaders(contentSecurityPolicy(''));
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });

  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const resolved = resolveAppUrl(rendererDir, request.url);
    if (resolved.kind === 'refused') return plain(403, 'Forbidden');
    if (resolved.kind === 'missing') return plain(503, 'The renderer is not built: run npm run build.');
    const body = await readFile(resolved.path);
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: { ...headers, 'content-type': contentTypeFor(resolved.path) },
    });
  });
}
