// Steps the sign-in specs share: an authenticator app's code computed as the operator's phone would
// (otpauth, RFC 6238), screenshots of a sign-in screen at the desk's sizes in English and Swedish.
import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../../src-shared/domain/sign-in';
import { screenshot } from './fixtures';
import { chooseOption } from './helpers';

export const SIZES = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'sv', name: 'Svenska' },
] as const;

/** The code an authenticator app shows for this key (as read from the page: grouped, with spaces). */
export function totpCode(secret: string, at = Date.now()): string {
  const totp = new TOTP({
    secret: Secret.fromBase32(secret.replace(/\s/g, '')),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
  return totp.generate({ timestamp: at });
}

/** The next period's code: never the one just used, and still within the core's one-step window. */
export function nextTotpCode(secret: string): string {
  return totpCode(secret, Date.now() + TOTP_PERIOD_SECONDS * 1000);
}

/** Screenshots sign-in-<name>-<lang>-<w>x<h>.png; ends in English at 1024×768. */
export async function signInShots(page: Page, name: string): Promise<void> {
  for (const language of [...LANGUAGES].reverse()) {
    await chooseOption(page, 'language-switcher', language.name);
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `sign-in-${name}-${language.code}-${size.width}x${size.height}`);
    }
  }
  await page.setViewportSize(SIZES[0]);
}
