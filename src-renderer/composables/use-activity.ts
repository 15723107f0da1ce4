// Anything the person at the desk does counts as activity: pointer, keys, touch, wheel.
import { onBeforeUnmount, onMounted } from 'vue';

const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;

export function useActivity(onActivity: () => void): void {
  const options: AddEventListenerOptions = { passive: true, capture: true };
  onMounted(() => EVENTS.forEach((name) => window.addEventListener(name, onActivity, options)));
  onBeforeUnmount(() => EVENTS.forEach((name) => window.removeEventListener(name, onActivity, options)));
}
