// The contract every reader backend (PC/SC, raw HID, keyboard wedge) implements. Backends only read:
// they turn what a reader delivers into a RawRead and report their readers' health. Turning a RawRead
// into a credential, matching it and telling the UI is the pipeline's job (see docs/reader-pipeline.md).
import type { ReaderWords } from '../../../src-shared/api/readers';

export type ReaderBackendKind = 'pcsc' | 'hid' | 'wedge';

/** What a backend delivers when a card is presented. */
export type RawRead =
  | {
      /** Chip bytes read directly (PC/SC UID), most significant byte first as the reader returned them. */
      kind: 'bytes';
      readerId: string;
      backend: ReaderBackendKind;
      bytes: Uint8Array;
      /** Card type named from the ATR, e.g. 'mifare_classic_1k', 'desfire', 'iso7816'. */
      cardType: string;
      atr?: Uint8Array;
      /** False for random UIDs (DESFire first byte 0x08) that change on every tap. */
      isUsableForIdentification: boolean;
      /** process.hrtime.bigint() when the backend first saw the card, for latency figures. */
      seenAt: bigint;
    }
  | {
      /** A string a reader typed or reported (HID, wedge); the reader profile says its format. */
      kind: 'text';
      readerId: string;
      backend: ReaderBackendKind;
      text: string;
      seenAt: bigint;
    };

export type ReaderState = 'idle' | 'card_present' | 'error' | 'gone';

export interface ReaderStatus {
  id: string;
  name: string;
  backend: ReaderBackendKind;
  state: ReaderState;
  /** Card type / last credential summary, in words, when a card was last seen. */
  lastEvent?: { at: string; summary: string; words: ReaderWords };
  lastError?: { at: string; message: string; words: ReaderWords };
}

/** A message for the readers panel: in English, and as words the screen translates. */
export interface ReaderMessage {
  message: string;
  words: ReaderWords;
}

/** The health of a whole backend, e.g. pcscd not running. */
export interface BackendStatus {
  backend: ReaderBackendKind;
  state: 'up' | 'down' | 'unavailable';
  /** Plain words for the readers panel: what is wrong and what to do. */
  message?: string;
  /** The message's words, for the screen to translate; set whenever `message` is. */
  words?: ReaderWords;
  /** When the next reconnect attempt happens (ISO time), while down. */
  retryAt?: string;
}

export interface ReaderBackendEvents {
  read: (read: RawRead) => void;
  removed: (readerId: string) => void;
  reader: (status: ReaderStatus) => void;
  status: (status: BackendStatus) => void;
}

export interface ReaderBackend {
  readonly kind: ReaderBackendKind;
  start(): void;
  stop(): Promise<void>;
  readers(): ReaderStatus[];
  status(): BackendStatus;
  on<E extends keyof ReaderBackendEvents>(event: E, listener: ReaderBackendEvents[E]): () => void;
}
