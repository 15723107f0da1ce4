// The desk's order rules (settings.json: cardNumberPrefix, orderPhotoMaxAgeMonths,
// accessCardMaxValidityYears), with ID06's defaults.
import { DEFAULT_CARD_NUMBER_PREFIX } from '../../../src-shared/domain/card-number';
import { DEFAULT_PHOTO_MAX_AGE_MONTHS } from '../../../src-shared/domain/card-photo-rules';
import { DEFAULT_ACCESS_CARD_MAX_YEARS } from '../../../src-shared/domain/order-rules';

export interface OrderSettings {
  /** The two letters every printed card number of this desk starts with. */
  cardNumberPrefix: string;
  photoMaxAgeMonths: number;
  accessCardMaxYears: number;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  cardNumberPrefix: DEFAULT_CARD_NUMBER_PREFIX,
  photoMaxAgeMonths: DEFAULT_PHOTO_MAX_AGE_MONTHS,
  accessCardMaxYears: DEFAULT_ACCESS_CARD_MAX_YEARS,
};
