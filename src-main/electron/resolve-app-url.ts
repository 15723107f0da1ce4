// Which file of the built renderer an app://desk URL asks for. Plain Node (Electron's fs reads
// inside the asar archive), so the rules are unit-tested: the host must be exactly app://desk, and
// the path is resolved by the module both shells share.
import { resolveRendererFile, type RendererFile } from '../renderer-host/resolve-renderer-file';
import { isTrustedSenderUrl } from './window-options';

export type { RendererFile };

/**
 * A real file is served as it is; any other path inside the renderer gets index.html (client-side
 * routes). Another host, a path that leaves the renderer folder or a malformed escape is refused.
 */
export function resolveAppUrl(rendererDir: string, requestUrl: string): RendererFile {
  if (!isTrustedSenderUrl(requestUrl)) return { kind: 'refused' };
  return resolveRendererFile(rendererDir, new URL(requestUrl).pathname);
}
