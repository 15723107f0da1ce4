// Records what a reader backend emits, and waits for what a test expects to see next.
import type {
  BackendStatus,
  RawRead,
  ReaderBackend,
  ReaderStatus,
} from '../../../src-main/core/readers/reader-backend';

export type RecordedEvent =
  | { type: 'read'; read: Extract<RawRead, { kind: 'bytes' }>; at: bigint }
  | { type: 'removed'; readerId: string; at: bigint }
  | { type: 'reader'; status: ReaderStatus; at: bigint }
  | { type: 'status'; status: BackendStatus; at: bigint };

export interface BackendRecorder {
  readonly events: RecordedEvent[];
  reads(readerId?: string): Extract<RawRead, { kind: 'bytes' }>[];
  removals(readerId?: string): string[];
  /** Resolves with the first event from index `from` on that matches, or rejects after timeoutMs. */
  waitFor<T extends RecordedEvent>(
    match: (event: RecordedEvent) => event is T,
    options?: { from?: number; timeoutMs?: number },
  ): Promise<T>;
  waitFor(
    match: (event: RecordedEvent) => boolean,
    options?: { from?: number; timeoutMs?: number },
  ): Promise<RecordedEvent>;
  stop(): void;
}

export function recordBackend(backend: ReaderBackend): BackendRecorder {
  const events: RecordedEvent[] = [];
  const waiters = new Set<() => void>();
  const push = (event: RecordedEvent) => {
    events.push(event);
    for (const wake of [...waiters]) wake();
  };
  const now = () => process.hrtime.bigint();
  const unsubscribe = [
    backend.on('read', (read) => {
      if (read.kind === 'bytes') push({ type: 'read', read, at: now() });
    }),
    backend.on('removed', (readerId) => push({ type: 'removed', readerId, at: now() })),
    backend.on('reader', (status) => push({ type: 'reader', status, at: now() })),
    backend.on('status', (status) => push({ type: 'status', status, at: now() })),
  ];
  const waitFor = (match: (event: RecordedEvent) => boolean, { from = 0, timeoutMs = 5000 } = {}) =>
    new Promise<RecordedEvent>((resolve, reject) => {
      const check = () => {
        const found = events.slice(from).find(match);
        if (!found) return;
        finish();
        resolve(found);
      };
      const timer = setTimeout(() => {
        finish();
        const recent = events
          .slice(-8)
          .map((event) =>
            JSON.stringify(event, (_key, value: unknown) =>
              typeof value === 'bigint' ? String(value) : value,
            ),
          );
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for an event. Last events:\n${recent.join('\n')}`,
          ),
        );
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    events,
    reads: (readerId) =>
      events.flatMap((event) =>
        event.type === 'read' && (!readerId || event.read.readerId === readerId) ? [event.read] : [],
      ),
    removals: (readerId) =>
      events.flatMap((event) =>
        event.type === 'removed' && (!readerId || event.readerId === readerId) ? [event.readerId] : [],
      ),
    waitFor: waitFor as BackendRecorder['waitFor'],
    stop: () => unsubscribe.forEach((off) => off()),
  };
}

export const isRead = (event: RecordedEvent): event is Extract<RecordedEvent, { type: 'read' }> =>
  event.type === 'read';
export const isRemoved = (event: RecordedEvent): event is Extract<RecordedEvent, { type: 'removed' }> =>
  event.type === 'removed';
export const isReaderStatus = (event: RecordedEvent): event is Extract<RecordedEvent, { type: 'reader' }> =>
  event.type === 'reader';
export const isBackendStatus = (event: RecordedEvent): event is Extract<RecordedEvent, { type: 'status' }> =>
  event.type === 'status';
