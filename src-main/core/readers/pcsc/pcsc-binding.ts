// The slice of the `pcsclite` binding (npm pcsclite 1.0.1, an optional dependency) this backend uses,
// typed here because the package's own types use `any`. Values of the PC/SC constants are the same in
// pcsc-lite (Linux, macOS) and WinSCard (Windows).

export interface PcscStatus {
  /** dwEventState: SCARD_STATE_* flags; pcsc-lite and WinSCard count card events in the upper 16 bits. */
  state: number;
  atr?: Uint8Array;
}

export type PcscCallback<T> = (error: Error | null | undefined, value: T) => void;

export interface PcscReader {
  readonly name: string;
  /** The binding's own idea: set by a successful connect, cleared by a successful disconnect. */
  readonly connected?: boolean;
  on(event: 'status', listener: (status: PcscStatus) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  connect(options: { share_mode: number; protocol?: number }, callback: PcscCallback<number>): void;
  disconnect(disposition: number, callback: (error: Error | null | undefined) => void): void;
  transmit(data: Buffer, responseLength: number, protocol: number, callback: PcscCallback<Buffer>): void;
  close(): void;
}

export interface PcscContext {
  on(event: 'reader', listener: (reader: PcscReader) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

/** The module's export: establishes a PC/SC context, and throws when the service is not running. */
export type PcscLiteModule = () => PcscContext;

export const SCARD_STATE_CHANGED = 0x0002;
export const SCARD_STATE_UNKNOWN = 0x0004;
export const SCARD_STATE_UNAVAILABLE = 0x0008;
export const SCARD_STATE_EMPTY = 0x0010;
export const SCARD_STATE_PRESENT = 0x0020;
export const SCARD_STATE_MUTE = 0x0200;

export const SCARD_SHARE_EXCLUSIVE = 1;
export const SCARD_SHARE_SHARED = 2;
export const SCARD_PROTOCOL_T0 = 1;
export const SCARD_PROTOCOL_T1 = 2;
export const SCARD_LEAVE_CARD = 0;
export const SCARD_RESET_CARD = 1;

/** Error codes (SCARD_E_*, SCARD_W_*) the backend tells apart. */
export const PcscErrorCode = {
  cancelled: 0x80100002,
  insufficientBuffer: 0x80100008,
  sharingViolation: 0x8010000b,
  noSmartcard: 0x8010000c,
  protoMismatch: 0x8010000f,
  readerUnavailable: 0x80100017,
  commError: 0x80100013,
  noService: 0x8010001d,
  serviceStopped: 0x8010001e,
  unsupportedCard: 0x80100065,
  unresponsiveCard: 0x80100066,
  unpoweredCard: 0x80100067,
  resetCard: 0x80100068,
  removedCard: 0x80100069,
} as const;

/** The binding puts the code at the end of its messages: "SCardConnect error: ... (0x8010000b)". */
export function pcscErrorCode(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /\(0x([0-9a-f]{8})\)\s*$/i.exec(message);
  return match?.[1] ? Number.parseInt(match[1], 16) : undefined;
}

/** Loads the binding with a dynamic import, so a machine without it still runs the rest of the desk. */
export async function loadPcscLite(): Promise<PcscLiteModule> {
  const name = 'pcsclite';
  const imported: unknown = await import(/* @vite-ignore */ name);
  const candidate = (imported as { default?: unknown }).default ?? imported;
  if (typeof candidate !== 'function') throw new Error('The pcsclite module does not export a function.');
  // The package's types use `any`; PcscLiteModule is the part of its API this backend calls.
  return candidate as PcscLiteModule;
}
