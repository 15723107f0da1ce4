// Which file of the built renderer a request path asks for. Never throws, whatever the path: a
// malformed escape (`%C0`, `%ZZ`), a NUL or a path that leaves the folder is refused as a value.
import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

export type RendererFile = { kind: 'file'; path: string } | { kind: 'refused' } | { kind: 'missing' };

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function decodePath(encodedPath: string): string | null {
  try {
    return decodeURIComponent(encodedPath);
  } catch {
    return null;
  }
}

/**
 * `encodedPath` is a URL's path as it came (still percent-encoded). A real file is served as it is;
 * any other path inside the renderer gets index.html (client-side routes).
 */
export function resolveRendererFile(rendererDir: string, encodedPath: string): RendererFile {
  const root = normalize(rendererDir);
  const path = decodePath(encodedPath);
  if (path === null || path.includes('\0')) return { kind: 'refused' };
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return { kind: 'refused' };
  if (isFile(file)) return { kind: 'file', path: file };
  const index = join(root, 'index.html');
  return isFile(index) ? { kind: 'file', path: index } : { kind: 'missing' };
}
