// The font every PDF of the desk embeds (card faces, reports, letters): DejaVu Sans covers the names
// Nordic desks meet (Ł, Š, ū, Ŋ, Ø, Ä…), where pdf-lib's standard fonts are WinAnsi only. It comes from
// an npm package, so it is installed and packaged like any dependency.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type FontName = 'regular' | 'bold';

const FILES: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

const cache = new Map<FontName, Uint8Array>();

/** The TTF bytes of `name`, read once per process. */
export function fontBytes(name: FontName): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(createRequire(import.meta.url).resolve(FILES[name]));
    cache.set(name, bytes);
  }
  return bytes;
}
