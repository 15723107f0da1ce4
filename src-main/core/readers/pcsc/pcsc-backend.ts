// The PC/SC reader backend: connects to the smart card service (pcscd on Linux and macOS, the Smart Card
// service on Windows) through the optional `pcsclite` binding, follows readers as they come and go, and
// reconnects by itself when the service stops or restarts. Node only: never imports electron.
//
// Binding facts this file is built around (pcsclite 1.0.1):
// - creating a context throws while the service is not running ("Service not available 0x8010001d");
// - when pcscd stops, the context emits 'error' (RPC transport error 0x80100013) and its readers emit
//   'error' and 'end'; the context never recovers: a NEW context is needed once the service is back;
// - close() makes the context emit 'error' (cancelled, 0x80100002): an EventEmitter 'error' with no
//   listener throws, so every binding object gets an error listener before anything else.
import type { ReaderMessageKey } from '../../../../src-shared/api/readers';
import type { Clock } from '../../ops/context';
import type {
  BackendStatus,
  ReaderBackend,
  ReaderBackendEvents,
  ReaderMessage,
  ReaderStatus,
} from '../reader-backend';
import { createBackoff, type Backoff } from './backoff';
import {
  loadPcscLite,
  PcscErrorCode,
  pcscErrorCode,
  type PcscContext,
  type PcscLiteModule,
  type PcscReader,
} from './pcsc-binding';
import { ReaderSlot, type PcscLogger, type ShareMode } from './reader-slot';
import { systemTimers, type TimerHandle, type Timers } from './timers';

export type { PcscLogger, ShareMode };

export interface PcscBackendOptions {
  /** Loads the binding; the default imports `pcsclite`. Tests pass a fake, or one that throws. */
  load?: () => Promise<PcscLiteModule>;
  /** How to connect to cards: one mode for all readers, or per reader name (asked at every connect). Default 'shared'. */
  mode?: ShareMode | ((readerName: string) => ShareMode);
  /** Time allowed for each call to the card (connect, each APDU, disconnect). Default 2000 ms. */
  apduTimeoutMs?: number;
  clock?: Clock;
  timers?: Timers;
  logger?: PcscLogger;
  backoff?: Backoff;
}

const INSTALL_COMMAND = 'sudo apt install pcscd libpcsclite-dev';
const REBUILD_COMMAND = 'npm rebuild pcsclite';
const START_COMMAND = 'sudo systemctl start pcscd';

function missingBinding(detail: string): ReaderMessage {
  return {
    message:
      'PC/SC support is not installed. On Linux, install the smart card service and library ' +
      `(${INSTALL_COMMAND}), then run "${REBUILD_COMMAND}" and restart the app. ` +
      `Windows and macOS have PC/SC built in: reinstall the app if this message stays. (${detail})`,
    words: {
      key: 'pcsc_not_installed',
      params: { installCommand: INSTALL_COMMAND, rebuildCommand: REBUILD_COMMAND, detail },
    },
  };
}

type Listeners = { [E in keyof ReaderBackendEvents]: Set<ReaderBackendEvents[E]> };

export function createPcscBackend(options: PcscBackendOptions = {}): ReaderBackend {
  return new PcscBackend(options);
}

class PcscBackend implements ReaderBackend {
  readonly kind = 'pcsc' as const;
  readonly #load: () => Promise<PcscLiteModule>;
  readonly #mode: (readerName: string) => ShareMode;
  readonly #apduTimeoutMs: number;
  readonly #clock: Clock;
  readonly #timers: Timers;
  readonly #logger: PcscLogger;
  readonly #backoff: Backoff;
  readonly #listeners: Listeners = {
    read: new Set(),
    removed: new Set(),
    reader: new Set(),
    status: new Set(),
  };
  readonly #slots = new Map<string, ReaderSlot>();
  #status: BackendStatus = {
    backend: 'pcsc',
    state: 'down',
    message: 'Not started.',
    words: { key: 'pcsc_not_started' },
  };
  #binding: PcscLiteModule | null = null;
  #context: PcscContext | null = null;
  #retryTimer: TimerHandle | null = null;
  #isStarted = false;
  #isStopped = false;

  constructor(options: PcscBackendOptions) {
    this.#load = options.load ?? loadPcscLite;
    const mode = options.mode ?? 'shared';
    this.#mode = typeof mode === 'function' ? mode : () => mode;
    this.#apduTimeoutMs = options.apduTimeoutMs ?? 2000;
    this.#clock = options.clock ?? { now: () => Date.now() };
    this.#timers = options.timers ?? systemTimers;
    this.#logger = options.logger ?? { error: () => {} };
    this.#backoff = options.backoff ?? createBackoff();
  }

  start(): void {
    if (this.#isStarted) return;
    this.#isStarted = true;
    void this.#boot();
  }

  async stop(): Promise<void> {
    this.#isStopped = true;
    if (this.#retryTimer) this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const closing = [...this.#slots.values()].map((slot) => slot.detach());
    this.#closeContext();
    // A reader whose card never answered stays busy until the card leaves: do not wait for it forever.
    await Promise.race([
      Promise.all(closing),
      new Promise((resolve) => this.#timers.setTimeout(() => resolve(undefined), 200)),
    ]);
  }

  readers(): ReaderStatus[] {
    return [...this.#slots.values()].map((slot) => slot.status());
  }

  status(): BackendStatus {
    return { ...this.#status };
  }

  on<E extends keyof ReaderBackendEvents>(event: E, listener: ReaderBackendEvents[E]): () => void {
    const set = this.#listeners[event] as Set<ReaderBackendEvents[E]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  #emit<E extends keyof ReaderBackendEvents>(event: E, ...args: Parameters<ReaderBackendEvents[E]>): void {
    if (this.#isStopped) return;
    for (const listener of this.#listeners[event] as Set<
      (...values: Parameters<ReaderBackendEvents[E]>) => void
    >) {
      try {
        listener(...args);
      } catch (error) {
        this.#logger.error(`A PC/SC '${event}' listener threw`, error);
      }
    }
  }

  #setStatus(status: BackendStatus): void {
    this.#status = status;
    this.#emit('status', this.status());
  }

  async #boot(): Promise<void> {
    try {
      this.#binding = await this.#load();
    } catch (error) {
      this.#logger.error('The pcsclite binding could not be loaded', error);
      const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      this.#setStatus({ backend: 'pcsc', state: 'unavailable', ...missingBinding(detail) });
      return;
    }
    this.#connect();
  }

  #connect(): void {
    this.#retryTimer = null;
    if (this.#isStopped || !this.#binding) return;
    let context: PcscContext;
    try {
      context = this.#binding();
    } catch (error) {
      this.#down(serviceProblem(error), error);
      return;
    }
    this.#context = context;
    context.on('error', (error) => this.#onContextError(context, error));
    context.on('reader', (reader) => this.#onReader(context, reader));
    this.#backoff.reset();
    this.#setStatus({ backend: 'pcsc', state: 'up' });
  }

  #onReader(context: PcscContext, reader: PcscReader): void {
    // An unhandled 'error' would throw: listen before anything else can emit.
    reader.on('error', () => {});
    if (context !== this.#context || this.#isStopped) {
      // Not from inside the binding's callback: close() takes the reader's mutex (see binding-call.ts).
      this.#timers.setTimeout(() => reader.close(), 0);
      return;
    }
    let slot = this.#slots.get(reader.name);
    if (!slot) {
      slot = new ReaderSlot(reader.name, {
        clock: this.#clock,
        timers: this.#timers,
        logger: this.#logger,
        apduTimeoutMs: this.#apduTimeoutMs,
        shareMode: () => this.#mode(reader.name),
        hrtime: () => process.hrtime.bigint(),
        onRead: (read) => this.#emit('read', read),
        onRemoved: (readerId) => this.#emit('removed', readerId),
        onStatus: (status) => this.#emit('reader', status),
      });
      this.#slots.set(reader.name, slot);
    }
    slot.attach(reader);
  }

  #onContextError(context: PcscContext, error: Error): void {
    // Errors of a context we closed ourselves (0x80100002 cancelled) or already gave up on.
    if (context !== this.#context) return;
    this.#logger.info?.(`PC/SC context failed: ${error.message}`);
    this.#closeContext();
    for (const slot of this.#slots.values()) void slot.detach();
    this.#down(
      {
        message:
          'Lost the connection to the smart card service (pcscd): it stopped or restarted. Reconnecting by itself.',
        key: 'pcsc_connection_lost',
      },
      error,
    );
  }

  #closeContext(): void {
    const context = this.#context;
    this.#context = null;
    if (!context) return;
    try {
      context.close();
    } catch (error) {
      this.#logger.info?.(`Closing the PC/SC context failed: ${String(error)}`);
    }
  }

  /** The service is out of reach: says why, with the binding's own words, and tries again later. */
  #down(problem: ServiceProblem, error: unknown): void {
    if (this.#isStopped) return;
    const delay = this.#backoff.next();
    const retryAt = new Date(this.#clock.now() + delay).toISOString();
    const detail = error instanceof Error ? error.message : String(error);
    this.#setStatus({
      backend: 'pcsc',
      state: 'down',
      message: `${problem.message} (${detail})`,
      words: { key: problem.key, params: { ...problem.params, detail } },
      retryAt,
    });
    this.#retryTimer = this.#timers.setTimeout(() => this.#connect(), delay);
  }
}

/** Why the service is out of reach, before the binding's own words are added. */
interface ServiceProblem {
  message: string;
  key: ReaderMessageKey;
  params?: Record<string, string>;
}

function serviceProblem(error: unknown): ServiceProblem {
  const code = pcscErrorCode(error);
  if (
    code === PcscErrorCode.noService ||
    code === PcscErrorCode.serviceStopped ||
    code === PcscErrorCode.commError
  ) {
    return {
      message:
        `The smart card service is not running (pcscd on Linux: ${START_COMMAND}; on Windows the ` +
        'Smart Card service starts when a reader is plugged in). Trying again by itself.',
      key: 'pcsc_service_not_running',
      params: { startCommand: START_COMMAND },
    };
  }
  return {
    message: 'Could not connect to the smart card service. Trying again by itself.',
    key: 'pcsc_service_unreachable',
  };
}
