// The words the screen sends with a CSV or PDF request: in every language and for every report they
// are what the contract accepts, so no operator's language can make a file fail to be made.
import { defineComponent, h } from 'vue';
import { describe, expect, it } from 'vitest';
import { reportFileText } from '../../../../src-shared/api/methods/reports';
import { LANGUAGES } from '../../../../src-shared/domain/languages';
import { REPORT_IDS, REPORTS } from '../../../../src-shared/domain/report-definitions';
import { applyLanguage } from '../../../../src-renderer/i18n';
import { useReportWords } from '../../../../src-renderer/composables/use-report-words';
import { fakeDeskClient } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

function withWords(): ReturnType<typeof useReportWords> {
  let words!: ReturnType<typeof useReportWords>;
  mountDesk(
    defineComponent({
      setup() {
        words = useReportWords();
        return () => h('div');
      },
    }),
    fakeDeskClient(),
  );
  return words;
}

describe('report words', () => {
  it('every report in every language gives file words the contract accepts', () => {
    const words = withWords();
    for (const language of LANGUAGES) {
      applyLanguage(language);
      for (const report of REPORT_IDS) {
        const text = words.fileText(
          report,
          {
            organisationId: '0190a0b0-0000-7000-8000-000000000001',
            site: 'Kista',
            from: '2026-11-01',
            to: '2026-11-30',
            reason: 'lost',
            cardKind: 'id06',
            holderName: 'Åsa',
          },
          REPORTS[report].defaultDays ?? null,
          () => 'Łódź Budowa sp. z o.o.',
        );
        const parsed = reportFileText.safeParse(text);
        expect(parsed.success ? null : parsed.error.issues, `${language} ${report}`).toBeNull();
        expect(Object.keys(text.columns)).toEqual(REPORTS[report].columns.map((c) => c.key));
        expect(text.pageOf).toMatch(/\{page\}.*\{pages\}/);
      }
    }
    applyLanguage('en');
  });

  it('puts coded cells and empty reports into words', () => {
    const words = withWords();
    const state = REPORTS.expiring_cards.columns.find((c) => c.key === 'state')!;
    expect(words.cell(state, 'suspended')).toBe('Suspended');
    const reason = REPORTS.blocked_cards.columns.find((c) => c.key === 'reason')!;
    expect(words.cell(reason, 'left_employment')).toBe('Left the employer');
    expect(words.emptyText('expiring_cards', 30, false)).toBe('No cards expire in the next 30 days.');
    expect(words.emptyText('expiring_cards', 30, true)).toBe(
      'Nothing matches these filters. Clear a filter to see more.',
    );
    applyLanguage('nb');
    expect(words.emptyText('expiring_cards', 14, false)).toBe('Ingen kort utløper de neste 14 dagene.');
    applyLanguage('en');
  });
});
