// Dates and numbers the way the operator's language writes them.
import { useI18n } from 'vue-i18n';
import { isLanguage } from '../i18n/language-preference';
import { LOCALE_TAGS } from '../i18n';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Formatters are costly to build: one per language and style, kept. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function kept<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

function formatter(tag: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept(`${tag}|${style}`, () => new Intl.DateTimeFormat(tag, options));
}

export function formatDate(iso: string, tag: string): string {
  // A calendar date (a birth date) is read in UTC so it never shifts a day with the time zone.
  const date = DATE_ONLY.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DATE_ONLY.test(iso)
    ? formatter(tag, 'calendar date', { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
    : formatter(tag, 'date', { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string, tag: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(tag, 'date and time', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A clock time with seconds (readers report events seconds apart). */
export function formatTime(iso: string, tag: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(tag, 'time', { timeStyle: 'medium' }).format(date);
}

/** The time alone when it was today, else the date and time. */
export function formatMoment(iso: string, tag: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (date.toDateString() === now.toDateString()) return formatTime(iso, tag);
  return formatter(tag, 'date and time with seconds', { dateStyle: 'medium', timeStyle: 'medium' }).format(
    date,
  );
}

/** A number as the language writes it: 0.05 in English is 0,05 in Swedish. */
export function formatNumber(value: number, tag: string): string {
  return kept(`${tag}|number`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 })).format(value);
}

export function useFormat() {
  const { locale } = useI18n();
  const tag = () => (isLanguage(locale.value) ? LOCALE_TAGS[locale.value] : LOCALE_TAGS.en);
  return {
    date: (iso: string) => formatDate(iso, tag()),
    dateTime: (iso: string) => formatDateTime(iso, tag()),
    time: (iso: string) => formatTime(iso, tag()),
    moment: (iso: string) => formatMoment(iso, tag()),
    number: (value: number) => formatNumber(value, tag()),
  };
}
