// The reports tab: which report is open with which filters, page and order (kept while the operator
// goes elsewhere and comes back), and the calls that run a page or make a file.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodInput } from '../../src-shared/api/methods';
import type { ReportFilters, ReportSort } from '../../src-shared/api/methods/reports';
import type { ReportId } from '../../src-shared/domain/report-definitions';
import { call } from '../client/api';

export const REPORT_PAGE_SIZES = [25, 50, 100] as const;

export const useReportsStore = defineStore('reports', () => {
  const report = ref<ReportId | null>(null);
  const filters = ref<ReportFilters>({});
  const sort = ref<ReportSort | undefined>(undefined);
  const first = ref(0);
  const pageSize = ref<number>(REPORT_PAGE_SIZES[0]);

  function open(id: ReportId): void {
    if (report.value === id) return;
    report.value = id;
    filters.value = {};
    sort.value = undefined;
    first.value = 0;
  }

  function run(input: MethodInput<'reports.run'>) {
    return call('reports.run', input);
  }

  function file(format: 'csv' | 'pdf', input: MethodInput<'reports.csv'>) {
    return format === 'csv' ? call('reports.csv', input) : call('reports.pdf', input);
  }

  /** Filters can name people: they do not outlive the operator's session on this screen. */
  function clear(): void {
    report.value = null;
    filters.value = {};
    sort.value = undefined;
    first.value = 0;
  }

  return { report, filters, sort, first, pageSize, open, run, file, clear };
});
