// A refusal during sign-in in the operator's words. A lock-out says how long to wait and counts it
// down, then goes, so nobody is told to wait for a time that has passed.
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ApiError } from '../../src-shared/api/result';
import { retryAfterSeconds } from '../../src-shared/api/retry-after';
import { errorText } from './error-text';
import { useCountdown } from './use-countdown';

/** `words`: this screen's own wording for an error, or null for the general one (errors.<code>). */
export function useSignInError(words: (error: ApiError) => string | null = () => null) {
  const { t, te } = useI18n();
  const error = ref<ApiError | null>(null);
  const wait = useCountdown(() => (error.value = null));

  function show(next: ApiError | null): void {
    error.value = next;
    const seconds = next?.code === 'locked_out' ? retryAfterSeconds(next) : null;
    if (seconds === null) wait.stop();
    else wait.start(seconds);
  }

  function waitText(): string | null {
    const seconds = wait.secondsLeft.value;
    if (seconds <= 0) return null;
    if (seconds < 60) return t('login.error.retryInSeconds', { seconds }, seconds);
    const minutes = Math.ceil(seconds / 60);
    return t('login.error.retryInMinutes', { minutes }, minutes);
  }

  const message = computed(() => {
    const current = error.value;
    if (!current) return null;
    if (current.code === 'locked_out') {
      const text = waitText();
      if (text) return text;
    }
    return words(current) ?? errorText(t, te, current);
  });

  return { error, message, show };
}
