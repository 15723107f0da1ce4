// The card administration reports: run one a page at a time, or take it away as a CSV or PDF file.
import { z } from 'zod';
import {
  REPORT_IDS,
  REPORT_MAX_DAYS,
  REPORT_MAX_PAGE,
  REPORT_MAX_CSV_ROWS,
} from '../../domain/report-definitions';
import { CARD_HANDLERS } from '../../domain/roles';
import { method } from '../method-spec';
import { blockReason, cardKind } from '../schemas';
import { id, plainText } from '../text';

export const reportId = z.enum(REPORT_IDS);

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30). */
const day = z.iso.date('A date written YYYY-MM-DD.');

export const reportFilters = z
  .strictObject({
    organisationId: id.optional(),
    site: plainText(100).optional(),
    /** The period, first and last day included (UTC days). */
    from: day.optional(),
    to: day.optional(),
    reason: blockReason.optional(),
    /** "Within N days" or "after N days", depending on the report. */
    days: z.int().min(1).max(REPORT_MAX_DAYS).optional(),
    cardKind: cardKind.optional(),
    /** Words of a holder's name; letters and digits only are used. */
    holderName: z.string().max(100, 'At most 100 characters.').optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'The period ends before it starts.',
    path: ['to'],
  });
export type ReportFilters = z.infer<typeof reportFilters>;

export const reportSort = z.strictObject({
  column: z.string().regex(/^[a-zA-Z]{1,40}$/, 'A column name.'),
  direction: z.enum(['asc', 'desc']),
});
export type ReportSort = z.infer<typeof reportSort>;

/** One row: its columns (REPORTS in report-definitions.ts) and the ids a screen links to. */
export const reportRow = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type ReportRow = z.infer<typeof reportRow>;

const reportQuery = {
  report: reportId,
  filters: reportFilters.optional(),
  sort: reportSort.optional(),
};

const label = (max: number) => z.string().max(max, `At most ${max} characters.`);

/**
 * The words of a file in the operator's language: the screen has them (vue-i18n), the core writes
 * them. `codes` puts coded cells into words (`cardState.active`, `blockReason.lost`…).
 */
export const reportFileText = z.strictObject({
  title: label(200),
  columns: z.record(z.string().max(40), label(100)).refine((r) => Object.keys(r).length <= 20, 'Too many.'),
  codes: z.record(z.string().max(60), label(300)).refine((r) => Object.keys(r).length <= 200, 'Too many.'),
  /** The filters as the screen shows them, one line each, printed under the title. */
  filterLines: z.array(label(300)).max(12),
  generatedLabel: label(60),
  deskLabel: label(60),
  /** With {page} and {pages}, e.g. "Page {page} of {pages}". */
  pageOf: label(60),
  /** What an empty report means, printed instead of the table. */
  empty: label(300),
});
export type ReportFileText = z.infer<typeof reportFileText>;

const fileInput = z.strictObject({
  ...reportQuery,
  /** IANA time zone the times are written in, e.g. Europe/Stockholm. */
  timeZone: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_+\-/]{1,64}$/, 'A time zone name like Europe/Stockholm.'),
  text: reportFileText,
});

const reportFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
  rows: z.int().min(0),
});

export const reportMethods = {
  // Reception may run the pick-up queue; every other report is a card administrator's (REPORTS.roles).
  'reports.run': method(
    z.strictObject({
      ...reportQuery,
      offset: z.int().min(0).max(1_000_000).optional(),
      limit: z.int().min(1).max(REPORT_MAX_PAGE).optional(),
    }),
    z.object({
      report: reportId,
      rows: z.array(reportRow).max(REPORT_MAX_PAGE),
      total: z.int().min(0),
      /** The day the report was run for (the desk's date), and the `days` filter it used. */
      today: z.string(),
      days: z.int().nullable(),
    }),
    CARD_HANDLERS,
  ),
  'reports.csv': method(
    fileInput,
    reportFile.extend({ rows: z.int().min(0).max(REPORT_MAX_CSV_ROWS) }),
    CARD_HANDLERS,
  ),
  'reports.pdf': method(fileInput, reportFile, CARD_HANDLERS),
} as const;
