import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from '../../../../../src-main/core/reports/report-csv';

/** A minimal RFC 4180 reader with ";" between fields: what Excel does with the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let cell = '';
    i += 1;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (text[i] === '"') {
        i += 1;
        break;
      } else {
        cell += text[i];
        i += 1;
      }
    }
    row.push(cell);
    if (text[i] === ';') i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

describe('report CSV', () => {
  it('starts with the UTF-8 byte order mark, so Excel reads å, ä, ø and Ł as written', () => {
    const bytes = Buffer.from(toCsv(['Namn'], [['Åsa Ørsted'], ['Łukasz Šarūnas']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`${CSV_BOM}"Namn"\r\n"Åsa Ørsted"\r\n"Łukasz Šarūnas"\r\n`);
  });

  it('quotes every field: separators, quotes and line breaks stay inside their cell', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['Berg; Anna', 'said "hello"\r\nand left'],
        [null, 42],
      ],
    );
    expect(text).toBe(`${CSV_BOM}"a";"b"\r\n"Berg; Anna";"said ""hello""\r\nand left"\r\n"";"42"\r\n`);
  });

  it('neutralises cells Excel would run as a formula, and leaves numbers alone', () => {
    for (const hostile of [
      '=HYPERLINK("http://evil","x")',
      '+46 70 123',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
    ]) {
      expect(csvCell(hostile)).toBe(`"'${hostile.replaceAll('"', '""')}"`);
    }
    expect(csvCell('Anna = chef')).toBe('"Anna = chef"');
    expect(csvCell(-3)).toBe('"-3"');
  });

  it('any text survives the round trip, and no cell starts a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 8 }),
        (rows) => {
          const parsed = parseCsv(toCsv(['x', 'y'], rows).slice(1));
          expect(parsed).toHaveLength(rows.length + 1);
          parsed.slice(1).forEach((cells, r) => {
            cells.forEach((cell, c) => {
              expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
              const original = rows[r]![c]!;
              expect(cell).toBe(/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
            });
          });
        },
      ),
    );
  });
});
