import type { ApiError } from './result';

/** A day: no back-off on this desk is longer, so a larger figure is not one the desk sent. */
const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * How long a refused login asks the person to wait, in whole seconds, or null when the error
 * carries no valid figure (an older desk, or a reply that was tampered with).
 */
export function retryAfterSeconds(error: ApiError): number | null {
  const value: unknown = error.params?.retryAfterSeconds;
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= MAX_RETRY_AFTER_SECONDS
    ? value
    : null;
}
