// The font every PDF of the desk embeds (card faces, reports, letters): DejaVu Sans covers the names
// Nordic desks meet (Ł, Š, ū, Ŋ, Ø, Ä…), where pdf-lib's standard fonts are WinAnsi only. It comes from
// an npm package, so it is installed and packaged like any dependency.
import fontkit from '@pdf-lib/fontkit';
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

/**
 * fontkit for pdf-lib, parsing each font file once per process: pdf-lib calls create() for every
 * document, and parsing DejaVu Sans (0.7 MB) twice per card was most of a card's preparation time.
 * pdf-lib only reads the parsed font (each subset is a new object), so one parse serves every PDF and
 * the card layout's text measuring alike.
 */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
export const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/** The parsed font `name`, shared with every PDF this process makes. */
export const parsedFont = (name: FontName) => cachingFontkit.create(fontBytes(name));
