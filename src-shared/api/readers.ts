// Schemas for reading cards: what a presented card turned out to be, reader health, reader settings.
import { z } from 'zod';
import { card, holderSummary } from './schemas';

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
  /** Why, in words: the block reason, or what was wrong with the read. */
  reason: z.string().nullable(),
  cardType: z.string().nullable(),
  credential: z.object({ technology: z.string(), hex: z.string(), format: z.string() }).nullable(),
  card: card.nullable(),
  holder: holderSummary.nullable(),
  /** Latency figures in microseconds: backend saw the card → credential read; read → matched. */
  timings: z.object({ eventToReadUs: z.number(), readToMatchUs: z.number() }),
  /** Epoch milliseconds (fractional) when the event left the core: for latency figures. */
  sentAtMs: z.number(),
});
export type CardPresented = z.infer<typeof cardPresented>;

export const readerStatusView = z.object({
  id: z.string(),
  name: z.string(),
  backend: readerBackendKind,
  state: z.enum(['idle', 'card_present', 'error', 'gone']),
  lastEvent: z.object({ at: z.string(), summary: z.string() }).optional(),
  lastError: z.object({ at: z.string(), message: z.string() }).optional(),
});
export const backendStatusView = z.object({
  backend: readerBackendKind,
  state: z.enum(['up', 'down', 'unavailable']),
  message: z.string().optional(),
  retryAt: z.string().optional(),
});
export const readersOverview = z.object({
  backends: z.array(backendStatusView),
  readers: z.array(readerStatusView),
});
export type ReadersOverview = z.infer<typeof readersOverview>;

const profileId = z.string().regex(/^[a-z0-9-]{1,60}$/, 'Not a reader profile id.');
const hex16 = z.int().min(0).max(0xffff);

export const wedgeSettings = z.strictObject({
  isEnabled: z.boolean(),
  profileId,
  maxInterKeyMs: z.int().min(5).max(200),
  minLength: z.int().min(1).max(64),
  maxLength: z.int().min(1).max(64),
  prefix: z.string().max(8),
  suffix: z.string().max(8),
  terminators: z.array(z.enum(['Enter', 'Tab'])).max(2),
});
export type WedgeSettings = z.infer<typeof wedgeSettings>;

export const readerSettings = z.strictObject({
  /** Reader id (or PC/SC reader name) → reader profile id; readers not listed use their backend's default. */
  profiles: z.record(z.string().min(1).max(200), profileId),
  pcscMode: z.record(z.string().min(1).max(200), z.enum(['shared', 'exclusive'])),
  wedge: wedgeSettings,
  hidDevices: z
    .array(
      z.strictObject({
        vendorId: hex16,
        productId: hex16,
        name: z.string().max(80),
        profileId,
      }),
    )
    .max(16),
});
export type ReaderSettings = z.infer<typeof readerSettings>;

export const readerProfileView = z.object({ id: z.string(), name: z.string(), format: z.string() });
