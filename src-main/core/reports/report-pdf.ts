// A report as a printable PDF: A4 landscape, the title, the filters, when and where it was made, then
// the table with its header row repeated on every page and "page n of m" at the foot. DejaVu Sans is
// embedded (pdf/fonts.ts) so Łukasz, Šarūnas and Ŋ print as written; pdf-lib's standard fonts cannot.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ReportColumn } from '../../../src-shared/domain/report-definitions';
import { cachingFontkit, fontBytes } from '../pdf/fonts';

/** A4 landscape in points. */
export const PAGE = { width: 841.89, height: 595.28 } as const;
const MARGIN = 36;
const TEXT_SIZE = 8;
const ROW_HEIGHT = 14;
const CELL_PAD = 3;
const FOOTER = 24;

export interface ReportPdfInput {
  title: string;
  /** Printed under the title, one line each. */
  lines: readonly string[];
  columns: readonly (ReportColumn & { header: string })[];
  /** The cells, already in words (report-cells.ts). */
  rows: readonly (readonly (string | number | null)[])[];
  pageOf: (page: number, pages: number) => string;
  empty: string;
}

/** Text that fits `width`, cut with an ellipsis; line breaks and tabs read as spaces. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (font.widthOfTextAtSize(flat, size) <= width) return flat;
  let low = 0;
  let high = flat.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (font.widthOfTextAtSize(`${flat.slice(0, mid)}…`, size) <= width) low = mid;
    else high = mid - 1;
  }
  return `${flat.slice(0, low)}…`;
}

/** Characters the font has no glyph for would print as boxes, or stop pdf-lib: show "?" instead. */
const characterSets = new WeakMap<PDFFont, Set<number>>();
function printable(font: PDFFont, text: string): string {
  let supported = characterSets.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    characterSets.set(font, supported);
  }
  let out = '';
  for (const ch of text) out += supported.has(ch.codePointAt(0)!) ? ch : '?';
  return out;
}

export async function reportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  pdf.setTitle(input.title);
  pdf.setCreator('Frontdesk ID');
  const regular = await pdf.embedFont(fontBytes('regular'), { subset: true });
  const bold = await pdf.embedFont(fontBytes('bold'), { subset: true });
  const safe = (font: PDFFont, text: string) => printable(font, text);

  const tableWidth = PAGE.width - 2 * MARGIN;
  const totalWeight = input.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = input.columns.map((c) => (c.width / totalWeight) * tableWidth);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;

  const drawHeaderRow = () => {
    page.drawRectangle({
      x: MARGIN,
      y: y - ROW_HEIGHT + 3,
      width: tableWidth,
      height: ROW_HEIGHT,
      color: rgb(0.88, 0.92, 0.92),
    });
    input.columns.forEach((column, i) => {
      page.drawText(fit(safe(bold, column.header), bold, TEXT_SIZE, widths[i]! - 2 * CELL_PAD), {
        x: xs[i]! + CELL_PAD,
        y: y - ROW_HEIGHT + 7,
        size: TEXT_SIZE,
        font: bold,
      });
    });
    y -= ROW_HEIGHT;
  };

  const newPage = (first: boolean) => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    y = PAGE.height - MARGIN;
    if (first) {
      page.drawText(fit(safe(bold, input.title), bold, 16, tableWidth), {
        x: MARGIN,
        y: y - 16,
        size: 16,
        font: bold,
      });
      y -= 26;
      for (const line of input.lines) {
        page.drawText(fit(safe(regular, line), regular, 9, tableWidth), {
          x: MARGIN,
          y: y - 9,
          size: 9,
          font: regular,
        });
        y -= 13;
      }
      y -= 8;
    }
    drawHeaderRow();
  };

  newPage(true);
  if (input.rows.length === 0) {
    page.drawText(fit(safe(regular, input.empty), regular, 10, tableWidth), {
      x: MARGIN,
      y: y - 16,
      size: 10,
      font: regular,
    });
  }
  input.rows.forEach((cells, r) => {
    if (y - ROW_HEIGHT < MARGIN + FOOTER) newPage(false);
    if (r % 2 === 1) {
      page.drawRectangle({
        x: MARGIN,
        y: y - ROW_HEIGHT + 3,
        width: tableWidth,
        height: ROW_HEIGHT,
        color: rgb(0.96, 0.97, 0.97),
      });
    }
    input.columns.forEach((column, i) => {
      const value = cells[i];
      if (value === null || value === undefined || value === '') return;
      const text = fit(safe(regular, String(value)), regular, TEXT_SIZE, widths[i]! - 2 * CELL_PAD);
      const isNumber = column.type === 'count';
      const x = isNumber
        ? xs[i]! + widths[i]! - CELL_PAD - regular.widthOfTextAtSize(text, TEXT_SIZE)
        : xs[i]! + CELL_PAD;
      page.drawText(text, { x, y: y - ROW_HEIGHT + 7, size: TEXT_SIZE, font: regular });
    });
    y -= ROW_HEIGHT;
  });

  pages.forEach((p, i) => {
    const label = safe(regular, input.pageOf(i + 1, pages.length));
    const width = regular.widthOfTextAtSize(label, 8);
    p.drawText(label, {
      x: PAGE.width - MARGIN - width,
      y: MARGIN - 8,
      size: 8,
      font: regular,
      color: rgb(0.3, 0.3, 0.3),
    });
  });
  return pdf.save();
}
