// Text widths for the card-face layout, measured with the very font the PDF embeds, so a name the
// layout says fits is a name the printed card shows whole.
import type { MeasureText } from '../../../src-shared/domain/card-face';
import { parsedFont } from '../pdf/fonts';

/** pdf-lib sums the same glyph advances when it draws: the layout and the PDF agree to the point. */
export const measureFaceText: MeasureText = (text, size, weight) => {
  const font = parsedFont(weight);
  const { glyphs } = font.layout(text);
  let units = 0;
  for (const glyph of glyphs) units += glyph.advanceWidth;
  return (units * size) / font.unitsPerEm;
};
