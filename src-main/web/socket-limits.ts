// What one desk's web host allows its WebSocket clients. Each bound keeps a broken or hostile tab
// from growing the host's memory or blocking its event loop, far above what the screens need.
import { photoInput } from '../../src-shared/api/schemas';

export interface SocketLimits {
  /** Open API connections at once: one per tab. */
  maxConnections: number;
  /** Bytes in one message; larger frames close the socket with 1009. */
  maxMessageBytes: number;
  /** Nesting of objects and arrays in one message, counted before it is parsed. */
  maxDepth: number;
  /** Calls of one connection being answered at once; beyond it the host stops reading the socket. */
  maxCallsInFlight: number;
  /** Reply bytes waiting for a client that does not read them; beyond it the client is cut off. */
  maxBufferedBytes: number;
}

// The largest legitimate call is a holder with a photo: the contract accepts base64 up to this many
// characters (so a too-large photo still gets the clear photo_too_large answer instead of a dropped
// connection), and the holder's other fields are a few kilobytes even fully \u-escaped.
const PHOTO_BASE64_MAX_CHARS = photoInput.shape.base64.maxLength ?? 8 * 1024 * 1024;

export const SOCKET_LIMITS: SocketLimits = {
  // One desk has a screen or two; 8 leaves room for a few stray tabs.
  maxConnections: 8,
  maxMessageBytes: PHOTO_BASE64_MAX_CHARS + 64 * 1024,
  // The deepest call (reader settings with their HID devices) nests 6 levels.
  maxDepth: 32,
  // The screens make a handful of calls at once (start-up: status, readers, settings).
  maxCallsInFlight: 16,
  // Two of the largest replies (a holder with a photo) can wait; a reading tab never comes close.
  maxBufferedBytes: 2 * (PHOTO_BASE64_MAX_CHARS + 64 * 1024),
};
