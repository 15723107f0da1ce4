// Text widths for the card-face layout, measured with the very font the PDF embeds, so a name the
// layout says fits is a name the printed card shows whole.
import fontkit from '@pdf-lib/fontkit';
import type { FontWeight, MeasureText } from '../../../src-shared/domain/card-face';
import { fontBytes } from '../pdf/fonts';

type FontkitFont = ReturnType<typeof fontkit.create>;
const fonts = new Map<FontWeight, FontkitFont>();

function fontOf(weight: FontWeight): FontkitFont {
  let font = fonts.get(weight);
  if (!font) {
    font = fontkit.create(fontBytes(weight));
    fonts.set(weight, font);
  }
  return font;
}

/** pdf-lib sums the same glyph advances when it draws: the layout and the PDF agree to the point. */
export const measureFaceText: MeasureText = (text, size, weight) => {
  const font = fontOf(weight);
  const { glyphs } = font.layout(text);
  let units = 0;
  for (const glyph of glyphs) units += glyph.advanceWidth;
  return (units * size) / font.unitsPerEm;
};
