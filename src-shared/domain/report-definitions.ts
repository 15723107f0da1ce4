// The card administration reports (queues and figures): which there are, who may run each, which
// filters apply, the columns each answers with and which of them the core can sort by quickly. The
// core's queries, the CSV and PDF writers and the reports screen all read this one table.
import { CARD_ADMINS, CARD_HANDLERS, type Role } from './roles';

export const REPORT_IDS = [
  'awaiting_approval',
  'rejected_orders',
  'in_production',
  'ready_for_pickup',
  'blocked_cards',
  'mobile_not_activated',
  'expiring_cards',
  'active_per_organisation',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const REPORT_FILTERS = [
  'organisation',
  'site',
  'period',
  'reason',
  'days',
  'cardKind',
  'holderName',
] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

/**
 * How a cell is written: `text` as is; `date` YYYY-MM-DD; `time` an ISO instant shown in the
 * operator's time zone; `count` a whole number; the coded kinds are codes the screens put into words.
 */
export type ColumnType =
  | 'text'
  | 'date'
  | 'time'
  | 'count'
  | 'cardState'
  | 'cardKind'
  | 'blockReason'
  | 'orderKind'
  | 'orderIncludes'
  /** A desk error code (a failed print or batch), put into words like any API error. */
  | 'errorCode';

export interface ReportColumn {
  key: string;
  type: ColumnType;
  /** Relative width in the printed table. */
  width: number;
}

export interface ReportDefinition {
  id: ReportId;
  /** Who may run it; the core checks, the screen offers only these. */
  roles: readonly Role[];
  filters: readonly ReportFilter[];
  columns: readonly ReportColumn[];
  /** Columns the core sorts by through an index (or on a small result); the first is the default. */
  sortable: readonly string[];
  defaultDirection: 'asc' | 'desc';
  /** The `days` filter's value when none is given. */
  defaultDays?: number;
}

const col = (key: string, type: ColumnType, width = 1): ReportColumn => ({ key, type, width });
const HOLDER = [col('holderName', 'text', 1.6), col('organisation', 'text', 1.5)];

export const REPORTS: Readonly<Record<ReportId, ReportDefinition>> = {
  awaiting_approval: {
    id: 'awaiting_approval',
    roles: CARD_ADMINS,
    filters: ['organisation', 'site', 'period', 'cardKind', 'holderName'],
    columns: [
      col('orderedAt', 'time', 1.1),
      ...HOLDER,
      col('orderKind', 'orderKind', 0.9),
      col('includes', 'orderIncludes', 0.9),
      col('cardKind', 'cardKind', 0.9),
      col('site', 'text'),
      col('orderedBy', 'text', 1.2),
    ],
    sortable: ['orderedAt'],
    defaultDirection: 'asc',
  },
  rejected_orders: {
    id: 'rejected_orders',
    roles: CARD_ADMINS,
    filters: ['organisation', 'site', 'period', 'cardKind', 'holderName'],
    columns: [
      col('decidedAt', 'time', 1.1),
      ...HOLDER,
      col('cardKind', 'cardKind', 0.9),
      col('orderedBy', 'text', 1.1),
      col('decidedBy', 'text', 1.1),
      col('reason', 'text', 2.2),
    ],
    sortable: ['decidedAt'],
    defaultDirection: 'desc',
  },
  in_production: {
    id: 'in_production',
    roles: CARD_ADMINS,
    filters: ['organisation', 'site', 'period', 'cardKind', 'holderName'],
    columns: [
      col('since', 'time', 1.1),
      ...HOLDER,
      col('printedNumber', 'text', 1.1),
      col('cardKind', 'cardKind', 0.9),
      col('state', 'cardState', 0.9),
      col('site', 'text'),
      col('productionError', 'errorCode', 1.6),
    ],
    sortable: ['since'],
    defaultDirection: 'asc',
  },
  ready_for_pickup: {
    id: 'ready_for_pickup',
    roles: CARD_HANDLERS,
    filters: ['organisation', 'site', 'period', 'cardKind', 'holderName'],
    columns: [
      col('since', 'time', 1.1),
      ...HOLDER,
      col('printedNumber', 'text', 1.1),
      col('cardKind', 'cardKind', 0.9),
      col('site', 'text'),
      col('validUntil', 'date', 0.9),
    ],
    sortable: ['since'],
    defaultDirection: 'asc',
  },
  blocked_cards: {
    id: 'blocked_cards',
    roles: CARD_ADMINS,
    filters: ['organisation', 'site', 'period', 'reason', 'cardKind', 'holderName'],
    columns: [
      col('blockedAt', 'time', 1.1),
      col('reason', 'blockReason', 0.9),
      col('note', 'text', 1.4),
      ...HOLDER,
      col('printedNumber', 'text', 1.1),
      col('cardKind', 'cardKind', 0.9),
      col('blockedBy', 'text', 1.1),
      col('desk', 'text', 1),
    ],
    sortable: ['blockedAt'],
    defaultDirection: 'desc',
  },
  mobile_not_activated: {
    id: 'mobile_not_activated',
    roles: CARD_ADMINS,
    filters: ['organisation', 'site', 'days', 'holderName'],
    columns: [
      col('invitedAt', 'time', 1.1),
      col('daysWaiting', 'count', 0.6),
      ...HOLDER,
      col('email', 'text', 1.8),
      col('site', 'text'),
    ],
    sortable: ['invitedAt'],
    defaultDirection: 'asc',
    defaultDays: 7,
  },
  expiring_cards: {
    id: 'expiring_cards',
    roles: CARD_ADMINS,
    filters: ['organisation', 'site', 'days', 'cardKind', 'holderName'],
    columns: [
      col('validUntil', 'date', 0.9),
      col('daysLeft', 'count', 0.6),
      ...HOLDER,
      col('printedNumber', 'text', 1.1),
      col('cardKind', 'cardKind', 0.9),
      col('state', 'cardState', 0.8),
      col('site', 'text'),
    ],
    sortable: ['validUntil'],
    defaultDirection: 'asc',
    defaultDays: 30,
  },
  active_per_organisation: {
    id: 'active_per_organisation',
    roles: CARD_ADMINS,
    filters: ['organisation', 'cardKind'],
    columns: [
      col('organisation', 'text', 2.4),
      col('organisationNumber', 'text', 1.2),
      col('country', 'text', 0.6),
      col('activeCards', 'count', 0.9),
      col('id06Cards', 'count', 0.9),
      col('mobileIds', 'count', 0.9),
    ],
    sortable: ['activeCards', 'organisation'],
    defaultDirection: 'desc',
  },
};

/** The longest a `days` filter may reach: ten years covers every card's validity. */
export const REPORT_MAX_DAYS = 3650;
/** One page of a report on screen. */
export const REPORT_MAX_PAGE = 200;
/** Rows a file may hold: enough for any real queue, and a file the desk builds in a few seconds. */
export const REPORT_MAX_CSV_ROWS = 50_000;
export const REPORT_MAX_PDF_ROWS = 5_000;

export function mayRunReport(report: ReportId, roles: readonly Role[]): boolean {
  return REPORTS[report].roles.some((role) => roles.includes(role));
}

export function isReportId(value: string): value is ReportId {
  return (REPORT_IDS as readonly string[]).includes(value);
}

/** The reports an operator with these roles may run, in the table's order. */
export function reportsFor(roles: readonly Role[]): ReportId[] {
  return REPORT_IDS.filter((id) => mayRunReport(id, roles));
}
