// The photo on a card (ID06's rules, DESIGN.md section 12): JPEG or PNG, at least 300×410 pixels,
// portrait about 3:4, and recent. Pure, so the order form checks a photo the moment it is chosen or
// taken, and the core checks it again before the order exists.
import { PHOTO_MAX_BYTES } from '../api/schemas';

export const CARD_PHOTO_MIN_WIDTH = 300;
export const CARD_PHOTO_MIN_HEIGHT = 410;
/** Width over height of the card's photo field. */
export const CARD_PHOTO_ASPECT = 3 / 4;
/**
 * How far width/height may stray from 3:4: 0.70–0.80. ID06's own minimum, 300×410 (0.732), must pass,
 * and a crop made on the desk lands on 0.750 give or take a pixel; a square or landscape photo never does.
 */
export const CARD_PHOTO_ASPECT_TOLERANCE = 0.05;
/** A camera clock a little ahead of the desk's is not a photo from the future. */
export const CARD_PHOTO_CLOCK_SLACK_MS = 10 * 60 * 1000;
export const DEFAULT_PHOTO_MAX_AGE_MONTHS = 6;

export type CardPhotoProblem =
  'not_image' | 'too_large' | 'too_small' | 'wrong_aspect' | 'too_old' | 'in_future';

export interface CardPhotoFacts {
  /** null when the bytes are not a JPEG or PNG image. */
  mime: 'image/jpeg' | 'image/png' | null;
  width: number;
  height: number;
  bytes: number;
  /** ISO time the photo was taken. */
  takenAt: string;
}

/** The date `months` calendar months before `now`, same time of day; a missing day clamps to the month's end. */
export function monthsBefore(now: number, months: number): number {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

export function isCardPhotoAspect(width: number, height: number): boolean {
  if (width <= 0 || height <= 0) return false;
  // The epsilon keeps 0.70 and 0.80 themselves inside, whatever the floating point makes of them.
  return Math.abs(width / height - CARD_PHOTO_ASPECT) <= CARD_PHOTO_ASPECT_TOLERANCE + 1e-9;
}

/** Every rule the photo breaks, most basic first (an empty list: the photo may go on a card). */
export function cardPhotoProblems(
  photo: CardPhotoFacts,
  now: number,
  maxAgeMonths = DEFAULT_PHOTO_MAX_AGE_MONTHS,
): CardPhotoProblem[] {
  if (photo.mime === null) return ['not_image'];
  const problems: CardPhotoProblem[] = [];
  if (photo.bytes > PHOTO_MAX_BYTES) problems.push('too_large');
  if (photo.width < CARD_PHOTO_MIN_WIDTH || photo.height < CARD_PHOTO_MIN_HEIGHT) problems.push('too_small');
  if (!isCardPhotoAspect(photo.width, photo.height)) problems.push('wrong_aspect');
  const taken = Date.parse(photo.takenAt);
  if (!Number.isFinite(taken) || taken > now + CARD_PHOTO_CLOCK_SLACK_MS) problems.push('in_future');
  else if (taken < monthsBefore(now, maxAgeMonths)) problems.push('too_old');
  return problems;
}
