// Which file of the built renderer an app://desk URL asks for. Plain Node (Electron's fs reads
// inside the asar archive), so the traversal rules are unit-tested.
import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { APP_HOST } from './window-options';

export type RendererFile = { kind: 'file'; path: string } | { kind: 'refused' } | { kind: 'missing' };

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * A real file is served as it is; any other path inside the renderer gets index.html (client-side
 * routes). Another host, a path that leaves the renderer folder or a malformed escape is refused.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): RendererFile {
  const root = normalize(rendererDir);
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (url.hostname !== APP_HOST || path.includes('\0')) return { kind: 'refused' };
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return { kind: 'refused' };
  if (isFile(file)) return { kind: 'file', path: file };
  const index = join(root, 'index.html');
  return isFile(index) ? { kind: 'file', path: index } : { kind: 'missing' };
}
