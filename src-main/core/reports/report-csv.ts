// A report as a CSV file that Excel opens right on a Nordic desk:
// - UTF-8 with a byte order mark: without it Excel reads the bytes as Windows-1252 and "Åsa Ørsted"
//   turns into "Ã…sa Ã˜rsted".
// - Semicolons between fields: Swedish, Danish and Norwegian Windows use the decimal comma, so their
//   list separator (which Excel splits a double-clicked .csv by) is ";"; with "," every row lands in
//   one column. A "sep=;" first line would tell any Excel, but Excel then ignores the byte order mark
//   and the letters break again, so there is none.
// - Every field quoted, quotes doubled, CRLF between rows (RFC 4180): notes with ";" or line breaks
//   stay in their cell.
// - A text cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel: it gets
//   a leading apostrophe, so a holder named "=HYPERLINK(…)" is shown, never run (OWASP CSV injection).

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell's text: numbers as they are, text neutralised if Excel would run it. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '""';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/** The whole file: the byte order mark, a header row, then one line per row. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
