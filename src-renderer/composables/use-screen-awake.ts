// While the calling screen is shown, the display is kept on (the idle screen waiting for cards).
// Only the Electron preload's client can do it; in a browser (the web host) this does nothing.
import { onMounted, onUnmounted } from 'vue';

export function useScreenAwake(win: Window = window): void {
  onMounted(() => win.desk?.keepScreenAwake?.(true));
  onUnmounted(() => win.desk?.keepScreenAwake?.(false));
}
