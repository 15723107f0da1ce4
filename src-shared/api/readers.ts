// Schemas for reading cards: what a presented card turned out to be, reader health, reader settings.
import { z } from 'zod';
import { presentedReason } from './presented-reason';
import { card, credentialTechnology, holderSummary } from './schemas';

export const PRESENTED_STATUSES = [
  'active',
  'blocked',
  'expired',
  'not_yet_active',
  'unknown',
  'ambiguous',
  'unusable',
  'unreadable',
] as const;
export const presentedStatus = z.enum(PRESENTED_STATUSES);
export type PresentedStatus = z.infer<typeof presentedStatus>;

export const readerBackendKind = z.enum(['pcsc', 'hid', 'wedge']);

export const cardPresented = z.object({
  /** Unique per tap: screens use it to show each tap once. */
  id: z.string(),
  at: z.string(),
  readerId: z.string(),
  backend: readerBackendKind,
  status: presentedStatus,
  /** Why, as a code the screen translates: the block reason, a date, what was wrong with the read. */
  reason: presentedReason.nullable(),
  cardType: z.string().nullable(),
  credential: z.object({ technology: credentialTechnology, hex: z.string(), format: z.string() }).nullable(),
  card: card.nullable(),
  holder: holderSummary.nullable(),
  /** Latency figures in microseconds: backend saw the card → credential read; read → matched. */
  timings: z.object({ eventToReadUs: z.number(), readToMatchUs: z.number() }),
  /** Epoch milliseconds (fractional) when the event left the core: for latency figures. */
  sentAtMs: z.number(),
});
export type CardPresented = z.infer<typeof cardPresented>;

/**
 * What the readers panel can say about a reader or a reader service. The core writes each message in
 * English (for logs and technicians) and adds its words: one of these keys and the variable parts, which
 * the screen puts into the operator's language (`readerMessages.<key>` in every locale).
 */
export const READER_MESSAGE_KEYS = [
  // A card read through PC/SC, and why a read failed.
  'card_read',
  'card_read_random_uid',
  'card_too_brief',
  'card_no_atr',
  'card_removed',
  'card_timeout',
  'card_not_responding',
  'atr_malformed',
  'reader_busy_previous_card',
  'reader_in_use',
  'reader_failed',
  'response_oversized',
  'uid_card_removed',
  'uid_response_oversized',
  'uid_response_too_short',
  'uid_empty',
  'uid_bad_length',
  'uid_not_readable',
  'uid_not_supported',
  'uid_length_asked_twice',
  'uid_unexpected_status',
  // The PC/SC service.
  'pcsc_not_started',
  'pcsc_not_installed',
  'pcsc_service_not_running',
  'pcsc_service_unreachable',
  'pcsc_connection_lost',
  // Raw HID readers.
  'hid_not_started',
  'hid_looking',
  'hid_stopped',
  'hid_list_failed',
  'hid_module_missing',
  'hid_module_broken',
  'hid_module_broken_linux',
  'hid_read',
  'hid_not_connected',
  'hid_disconnected',
  'hid_report_length',
  'hid_report_length_report_id',
  'hid_open_denied_linux',
  'hid_keyboard_windows',
  'hid_keyboard_macos',
  'hid_open_failed',
  // The keyboard-wedge reader: turned off, and the last card it typed (by the card's status).
  'wedge_off',
  'presented_active',
  'presented_blocked',
  'presented_expired',
  'presented_not_yet_active',
  'presented_unknown',
  'presented_ambiguous',
  'presented_unusable',
  'presented_unreadable',
] as const;
export const readerMessageKey = z.enum(READER_MESSAGE_KEYS);
export type ReaderMessageKey = z.infer<typeof readerMessageKey>;

export const readerWords = z.object({
  key: readerMessageKey,
  /** Reader ids, seconds, hex bytes, the system's own error text, commands: never translated. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ReaderWords = z.infer<typeof readerWords>;

export const readerStatusView = z.object({
  id: z.string(),
  name: z.string(),
  backend: readerBackendKind,
  state: z.enum(['idle', 'card_present', 'error', 'gone']),
  lastEvent: z.object({ at: z.string(), summary: z.string(), words: readerWords.optional() }).optional(),
  lastError: z.object({ at: z.string(), message: z.string(), words: readerWords.optional() }).optional(),
});
export const backendStatusView = z.object({
  backend: readerBackendKind,
  state: z.enum(['up', 'down', 'unavailable']),
  message: z.string().optional(),
  words: readerWords.optional(),
  retryAt: z.string().optional(),
});
export const readersOverview = z.object({
  backends: z.array(backendStatusView),
  readers: z.array(readerStatusView),
});
export type ReadersOverview = z.infer<typeof readersOverview>;

export const readerProfileId = z.string().regex(/^[a-z0-9-]{1,60}$/, 'Not a reader profile id.');
const hex16 = z.int().min(0).max(0xffff);

export const wedgeSettings = z.strictObject({
  isEnabled: z.boolean(),
  profileId: readerProfileId,
  maxInterKeyMs: z.int().min(5).max(200),
  minLength: z.int().min(1).max(64),
  maxLength: z.int().min(1).max(64),
  prefix: z.string().max(8),
  suffix: z.string().max(8),
  terminators: z.array(z.enum(['Enter', 'Tab'])).max(2),
});
export type WedgeSettings = z.infer<typeof wedgeSettings>;

const readerId = z.string().min(1).max(200);
export const shareMode = z.enum(['shared', 'exclusive']);

export const hidDeviceSettings = z.strictObject({
  vendorId: hex16,
  productId: hex16,
  name: z.string().max(80),
});

/**
 * Every reader is named by its reader id (src-shared/readers/reader-id.ts): 'pcsc:<reader name>',
 * 'hid:<vendor>:<product>', 'wedge'. The backends give their readers these ids and the pipeline looks
 * a read's reader id up here, so what is chosen for a reader is what its reads use.
 */
export const readerSettings = z.strictObject({
  /** Reader id → reader profile id, the HID readers' too; readers not listed use their backend's default. */
  profiles: z.record(readerId, readerProfileId),
  /** PC/SC reader id → how the desk connects to its cards; readers not listed are shared. */
  shareModes: z.record(readerId, shareMode),
  wedge: wedgeSettings,
  /** The raw HID readers to open, by USB ids; each one's profile is in `profiles` under its reader id. */
  hidDevices: z
    .array(hidDeviceSettings)
    .max(16)
    .superRefine((devices, context) => {
      const seen = new Set<string>();
      for (const [index, device] of devices.entries()) {
        const key = `${device.vendorId}:${device.productId}`;
        if (seen.has(key)) {
          // Both would be the same reader id: one reader, opened twice, with one profile.
          context.addIssue({
            code: 'custom',
            path: [index, 'duplicate'],
            message: 'This HID reader is already in the list.',
          });
        }
        seen.add(key);
      }
    }),
});
export type ReaderSettings = z.infer<typeof readerSettings>;

export const readerProfileView = z.object({ id: z.string(), name: z.string(), format: z.string() });
