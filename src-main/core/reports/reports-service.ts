// What the API handlers call for reports: who may run which (REPORTS.roles, with the operator's roles
// as their record is now), a page for the screen, and the whole report as a CSV or PDF file. A file
// takes personal data off the desk, so each one is recorded in the audit log.
import type { MethodOutput, MethodParsedInput } from '../../../src-shared/api/methods';
import type { ReportFilters } from '../../../src-shared/api/methods/reports';
import {
  REPORT_MAX_CSV_ROWS,
  REPORT_MAX_PDF_ROWS,
  REPORTS,
  mayRunReport,
  type ReportId,
} from '../../../src-shared/domain/report-definitions';
import type { Role } from '../../../src-shared/domain/roles';
import type { Clock } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { cellValue, formatTime, isKnownTimeZone } from './report-cells';
import { toCsv } from './report-csv';
import { reportPdf } from './report-pdf';
import { createReportsViews } from './reports-views';

export interface Caller {
  operatorId: string;
  roles: readonly Role[];
}

type FileInput = MethodParsedInput<'reports.csv'>;

export function createReportsService(
  db: Db,
  ops: Pick<OperationRunner, 'record'>,
  clock: Clock,
  desk: { id: string; name: string },
) {
  const runReport = createReportsViews(db);

  function mayRun(report: ReportId, caller: Caller): void {
    if (!mayRunReport(report, caller.roles)) {
      throw new DomainError('forbidden', `Your role may not run the report ${report}.`);
    }
  }

  function query(
    input: { report: ReportId; filters?: ReportFilters | undefined; sort?: FileInput['sort'] },
    caller: Caller,
    offset: number,
    limit: number,
  ) {
    return runReport({
      report: input.report,
      filters: input.filters ?? {},
      sort: input.sort,
      offset,
      limit,
      operatorId: caller.operatorId,
      now: clock.now(),
      desk,
    });
  }

  /** Every row of the report, in words, or a refusal when it is longer than a file may be. */
  function fileRows(input: FileInput, caller: Caller, max: number) {
    mayRun(input.report, caller);
    if (!isKnownTimeZone(input.timeZone)) {
      throw new DomainError('bad_request', 'Some fields are not valid.', [
        { path: 'timeZone', message: 'Not a time zone this desk knows.' },
      ]);
    }
    const page = query(input, caller, 0, max);
    if (page.total > max) {
      throw new DomainError(
        'report_too_large',
        `The report has ${page.total} rows; a file holds at most ${max}. Narrow the filters.`,
        undefined,
        { rows: page.total, max },
      );
    }
    const columns = REPORTS[input.report].columns.map((c) => ({
      ...c,
      header: input.text.columns[c.key] ?? c.key,
    }));
    const cells = page.rows.map((row) => columns.map((c) => cellValue(row, c, input.text, input.timeZone)));
    return { page, columns, cells };
  }

  function recordExport(input: FileInput, caller: Caller, format: 'csv' | 'pdf', rows: number) {
    ops.record('report.export', caller.operatorId, null, {
      report: input.report,
      format,
      rows,
      filters: input.filters ?? {},
    });
  }

  const fileName = (report: ReportId, today: string, ext: string) =>
    `${report.replaceAll('_', '-')}-${today}.${ext}`;

  return {
    run(input: MethodParsedInput<'reports.run'>, caller: Caller): MethodOutput<'reports.run'> {
      mayRun(input.report, caller);
      const page = query(input, caller, input.offset ?? 0, input.limit ?? 50);
      return { report: input.report, ...page };
    },

    csv(input: FileInput, caller: Caller): MethodOutput<'reports.csv'> {
      const { page, columns, cells } = fileRows(input, caller, REPORT_MAX_CSV_ROWS);
      const csv = toCsv(
        columns.map((c) => c.header),
        cells,
      );
      recordExport(input, caller, 'csv', cells.length);
      return {
        fileName: fileName(input.report, page.today, 'csv'),
        mime: 'text/csv;charset=utf-8',
        base64: Buffer.from(csv, 'utf8').toString('base64'),
        rows: cells.length,
      };
    },

    async pdf(input: FileInput, caller: Caller): Promise<MethodOutput<'reports.pdf'>> {
      const { page, columns, cells } = fileRows(input, caller, REPORT_MAX_PDF_ROWS);
      const generated = formatTime(new Date(clock.now()).toISOString(), input.timeZone);
      const bytes = await reportPdf({
        title: input.text.title,
        lines: [
          ...input.text.filterLines,
          `${input.text.generatedLabel}: ${generated} (${input.timeZone}) · ${input.text.deskLabel}: ${desk.name}`,
        ],
        columns,
        rows: cells,
        pageOf: (n, of) =>
          input.text.pageOf.replaceAll('{page}', String(n)).replaceAll('{pages}', String(of)),
        empty: input.text.empty,
      });
      recordExport(input, caller, 'pdf', cells.length);
      return {
        fileName: fileName(input.report, page.today, 'pdf'),
        mime: 'application/pdf',
        base64: Buffer.from(bytes).toString('base64'),
        rows: cells.length,
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
