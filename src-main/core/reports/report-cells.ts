// A report cell as the files show it: the same words in the CSV and the PDF. Coded values (states,
// reasons, kinds) are put into words with the screen's translations; times into the operator's zone.
import type { ReportFileText, ReportRow } from '../../../src-shared/api/methods/reports';
import type { ReportColumn } from '../../../src-shared/domain/report-definitions';

const CODED = new Set(['cardState', 'cardKind', 'blockReason', 'orderKind', 'orderIncludes', 'errorCode']);

/** "2026-11-24 10:05" in `timeZone`: sortable, and Excel reads it as a date and time. */
export function formatTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Whether the runtime knows this IANA zone (the contract checks only its spelling). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function cellValue(
  row: ReportRow,
  column: ReportColumn,
  text: Pick<ReportFileText, 'codes'>,
  timeZone: string,
): string | number | null {
  const value = row[column.key] ?? null;
  if (value === null) return null;
  if (column.type === 'count') return typeof value === 'number' ? value : Number(value);
  if (column.type === 'time') return formatTime(String(value), timeZone);
  if (CODED.has(column.type)) return text.codes[`${column.type}.${String(value)}`] ?? String(value);
  return String(value);
}
