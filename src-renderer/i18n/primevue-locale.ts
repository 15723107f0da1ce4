// PrimeVue's own words (empty lists, the close button of dialogs and toasts) in the operator's language.
import type { PrimeVueConfiguration } from 'primevue/config';

type Translate = (key: string) => string;

export function applyPrimeVueLocale(config: PrimeVueConfiguration, t: Translate): void {
  const locale = config.locale;
  if (!locale) return;
  locale.emptyMessage = t('primevue.emptyMessage');
  locale.emptyFilterMessage = t('primevue.emptyFilterMessage');
  locale.emptySearchMessage = t('primevue.emptyFilterMessage');
  locale.emptySelectionMessage = t('primevue.emptySelectionMessage');
  locale.aria = {
    ...locale.aria,
    close: t('primevue.close'),
    previous: t('primevue.previous'),
    next: t('primevue.next'),
  };
}
