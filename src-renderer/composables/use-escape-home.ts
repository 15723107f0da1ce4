// Escape twice (within a moment) goes to the idle screen from anywhere, unless a dialog is open:
// then the first Escape belongs to the dialog.
import { onBeforeUnmount, onMounted } from 'vue';

export const DOUBLE_ESCAPE_MS = 700;

export function useEscapeHome(goHome: () => void): void {
  let lastEscape = -Infinity;

  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    if (document.querySelector('.p-dialog-mask, .p-select-overlay, .p-multiselect-overlay')) {
      lastEscape = -Infinity;
      return;
    }
    const now = Date.now();
    if (now - lastEscape <= DOUBLE_ESCAPE_MS) {
      lastEscape = -Infinity;
      goHome();
    } else {
      lastEscape = now;
    }
  }

  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
