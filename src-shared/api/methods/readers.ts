// The card readers: their health, their settings, and the keyboard-wedge reader's bursts.
import { z } from 'zod';
import { ADMINS, ALL_STAFF } from '../../domain/roles';
import { empty, method } from '../method-spec';
import { cardPresented, readerProfileView, readerSettings, readersOverview } from '../readers';

export const readerMethods = {
  'readers.list': method(empty, readersOverview, ALL_STAFF),
  'readers.settings': method(
    empty,
    z.object({ settings: readerSettings, profiles: z.array(readerProfileView) }),
    ALL_STAFF,
  ),
  'readers.configure': method(readerSettings, readerSettings, ADMINS),
  /** A keyboard-wedge reader's burst, detected by the screen, handed to the core pipeline. */
  'readers.wedgeRead': method(z.strictObject({ text: z.string().min(1).max(64) }), cardPresented, ALL_STAFF),
} as const;
