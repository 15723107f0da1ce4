// Card reading for the whole screen while an operator is logged in: taps from the desk's readers,
// keyboard-wedge bursts caught on this screen, and where a tap is shown. A tap brings a screen that
// only shows records (a holder, the organisations) back to the idle screen, where the new card is;
// a screen with a form keeps its place and hears of the tap in a toast, so no typing is lost.
import { fullName } from '../../src-shared/domain/full-name';
import { useToast } from 'primevue/usetoast';
import { watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { usePresentationStore } from '../stores/presentation';
import { useReadersStore } from '../stores/readers';
import { useSessionStore } from '../stores/session';
import { useDeskWedge } from './use-desk-wedge';

const LEAVE_FOR_A_TAP = new Set(['holder', 'organisations']);

export function useCardReading(): void {
  const { t } = useI18n();
  const toast = useToast();
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();
  const presentation = usePresentationStore();
  const readers = useReadersStore();

  watch(
    () => session.isLoggedIn,
    (isLoggedIn) => {
      if (isLoggedIn) {
        presentation.start();
        readers.start();
        void readers.loadSettings();
      } else {
        presentation.reset();
        readers.clear();
      }
    },
    { immediate: true },
  );

  useDeskWedge(
    () => (session.isLoggedIn ? readers.settings?.wedge : null),
    async (text) => {
      const error = await presentation.readWedge(text);
      if (error) {
        toast.add({
          severity: 'error',
          summary: t('present.wedgeFailed'),
          detail: t(`errors.${error.code}`),
          life: 6000,
        });
      }
    },
  );

  watch(
    () => presentation.current,
    (event) => {
      // A tap is someone at the desk: it keeps the session, as a click would (the core counts it too).
      if (event) session.noteActivity();
      if (!event || route.name === 'home' || route.meta.takesTaps) return;
      if (LEAVE_FOR_A_TAP.has(String(route.name))) {
        void router.push({ name: 'home' });
        return;
      }
      const who = event.holder ? fullName(event.holder) : t('present.noHolder');
      toast.add({
        severity: event.status === 'active' ? 'success' : 'warn',
        summary: `${t(`present.status.${event.status}`)}: ${who}`,
        detail: t('present.seeIdle'),
        life: 6000,
      });
    },
  );
}
