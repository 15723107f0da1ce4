// A wait the person can see run out: the seconds left until a moment, updated each second, and
// nothing left running once the component is gone.
import { computed, onBeforeUnmount, ref } from 'vue';

export function useCountdown(onDone?: () => void) {
  const until = ref<number | null>(null);
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;

  const secondsLeft = computed(() =>
    until.value === null ? 0 : Math.max(0, Math.ceil((until.value - now.value) / 1000)),
  );
  const isRunning = computed(() => secondsLeft.value > 0);

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
    until.value = null;
  }

  function startUntil(epochMs: number): void {
    stop();
    now.value = Date.now();
    until.value = epochMs;
    timer = setInterval(() => {
      now.value = Date.now();
      if (until.value !== null && now.value >= until.value) {
        stop();
        onDone?.();
      }
    }, 1000);
  }

  function start(seconds: number): void {
    startUntil(Date.now() + seconds * 1000);
  }

  onBeforeUnmount(stop);
  return { secondsLeft, isRunning, start, startUntil, stop };
}

/** 4:05, the way a countdown is read at a glance. */
export function minutesAndSeconds(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
