// A report's words in the operator's language: each cell on screen, what an empty report means, and
// the words the desk writes into a CSV or PDF file (the core has no translations of its own).
import { useI18n } from 'vue-i18n';
import type { ReportFileText, ReportFilters } from '../../src-shared/api/methods/reports';
import { ERROR_CODES } from '../../src-shared/api/result';
import { BLOCK_REASONS } from '../../src-shared/domain/block-reasons';
import { CARD_KINDS, CARD_STATES } from '../../src-shared/domain/card-states';
import { REPORTS, type ReportColumn, type ReportId } from '../../src-shared/domain/report-definitions';
import { useFormat } from './use-format';

const ORDER_KINDS = ['new', 'replacement', 'renewal'] as const;
const INCLUDES = ['physical', 'mobile', 'both'] as const;

export function useReportWords() {
  const { t, te } = useI18n();
  const format = useFormat();

  /** A coded cell's words: the same keys on screen and in the files. */
  function codeWords(type: ReportColumn['type'], value: string): string {
    const key =
      type === 'cardState'
        ? `cards.state.${value}`
        : type === 'cardKind'
          ? `cards.kind.${value}`
          : type === 'blockReason'
            ? `cards.blockReason.${value}`
            : type === 'orderKind'
              ? `reports.orderKind.${value}`
              : type === 'orderIncludes'
                ? `reports.includes.${value}`
                : `errors.${value}`;
    return te(key) ? t(key) : value;
  }

  function cell(column: ReportColumn, value: string | number | null | undefined): string {
    if (value === null || value === undefined || value === '') return '';
    switch (column.type) {
      case 'time':
        return format.dateTime(String(value));
      case 'date':
        return format.date(String(value));
      case 'count':
        return format.number(Number(value));
      case 'text':
        return String(value);
      default:
        return codeWords(column.type, String(value));
    }
  }

  function emptyText(report: ReportId, days: number | null, isFiltered: boolean): string {
    return isFiltered ? t('reports.emptyFiltered') : t(`reports.empty.${report}`, { days: days ?? 0 });
  }

  function filterLines(
    report: ReportId,
    filters: ReportFilters,
    days: number | null,
    organisationName: (id: string) => string,
  ): string[] {
    const lines: string[] = [];
    if (filters.organisationId) {
      lines.push(t('reports.filterLine.organisation', { value: organisationName(filters.organisationId) }));
    }
    if (filters.site) lines.push(t('reports.filterLine.site', { value: filters.site }));
    if (filters.from || filters.to) {
      lines.push(
        t('reports.filterLine.period', {
          from: filters.from ? format.date(filters.from) : '…',
          to: filters.to ? format.date(filters.to) : '…',
        }),
      );
    }
    if (filters.reason) {
      lines.push(t('reports.filterLine.reason', { value: t(`cards.blockReason.${filters.reason}`) }));
    }
    if (days !== null) {
      lines.push(
        t(
          report === 'mobile_not_activated'
            ? 'reports.filterLine.daysAfter'
            : 'reports.filterLine.daysWithin',
          {
            days,
          },
        ),
      );
    }
    if (filters.cardKind) {
      lines.push(t('reports.filterLine.cardKind', { value: t(`cards.kind.${filters.cardKind}`) }));
    }
    if (filters.holderName) lines.push(t('reports.filterLine.holderName', { value: filters.holderName }));
    return lines.length > 0 ? lines : [t('reports.filterLine.none')];
  }

  function fileText(
    report: ReportId,
    filters: ReportFilters,
    days: number | null,
    organisationName: (id: string) => string,
  ): ReportFileText {
    const codes: Record<string, string> = {};
    const add = (type: ReportColumn['type'], values: readonly string[]) => {
      for (const value of values) codes[`${type}.${value}`] = codeWords(type, value);
    };
    add('cardState', CARD_STATES);
    add('cardKind', CARD_KINDS);
    add('blockReason', BLOCK_REASONS);
    add('orderKind', ORDER_KINDS);
    add('orderIncludes', INCLUDES);
    add('errorCode', ERROR_CODES);
    return {
      title: t(`reports.names.${report}`),
      columns: Object.fromEntries(REPORTS[report].columns.map((c) => [c.key, t(`reports.columns.${c.key}`)])),
      codes,
      filterLines: filterLines(report, filters, days, organisationName),
      generatedLabel: t('reports.generated'),
      deskLabel: t('reports.desk'),
      // The core fills in the numbers: the braces go through as they are.
      pageOf: t('reports.pageOf', { page: '{page}', pages: '{pages}' }),
      empty: emptyText(report, days, false),
    };
  }

  return { cell, emptyText, fileText };
}
