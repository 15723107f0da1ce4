// A virtual card in its own process, for the tap benchmarks: a real card does not share the desk's
// event loop, so the card's answers must not wait for (or be delayed by) the library being measured.
// The parent drives it over IPC; 'inserted' carries process.hrtime (one monotonic clock for both).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createVirtualCard, type VirtualCardOptions } from '../harness/virtual-card';

type Order = { op: 'setUid'; hex: string } | { op: 'insert' | 'remove' | 'close' };
type Command = Order & { id: number };
type Message = { id: number; error?: string } | { event: 'inserted'; hr: string };

/** The slice of VirtualCard the tap benchmarks use, with the card in a child process. */
export interface RemoteCard {
  setUid(uid: Uint8Array): Promise<void>;
  insert(): Promise<void>;
  remove(): Promise<void>;
  close(): Promise<void>;
  /** Called with performance.now() of this process when the card was inserted. */
  onInserted(listener: (at: number) => void): void;
}

export async function startRemoteCard(options: { atr: Uint8Array; uid: Uint8Array }): Promise<RemoteCard> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, VIRTUAL_CARD_CHILD: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // performance.now() of this process at hrtime 0, to place the child's hrtime on our clock.
  const originNs = process.hrtime.bigint() - BigInt(Math.round(performance.now() * 1e6));
  const pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  const inserted: Array<(at: number) => void> = [];
  let nextId = 0;
  child.on('message', (message: Message) => {
    if ('event' in message) {
      const at = Number(BigInt(message.hr) - originNs) / 1e6;
      for (const listener of inserted) listener(at);
      return;
    }
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error));
    else waiter?.resolve();
  });
  const send = (command: Order) =>
    new Promise<void>((resolve, reject) => {
      const id = (nextId += 1);
      pending.set(id, { resolve, reject });
      child.send({ ...command, id });
    });
  await send({ op: 'setUid', hex: Buffer.from(options.uid).toString('hex') }).catch(() => {});
  return {
    setUid: (uid) => send({ op: 'setUid', hex: Buffer.from(uid).toString('hex') }),
    insert: () => send({ op: 'insert' }),
    remove: () => send({ op: 'remove' }),
    async close() {
      await send({ op: 'close' }).catch(() => {});
      child.kill();
    },
    onInserted: (listener) => void inserted.push(listener),
  };
}

function runChild(options: Pick<VirtualCardOptions, 'atr'>): void {
  const card = createVirtualCard({ atr: options.atr, uid: new Uint8Array(7) });
  card.on('inserted', () => process.send?.({ event: 'inserted', hr: process.hrtime.bigint().toString() }));
  process.on('message', (command: Command) => {
    const reply = (error?: unknown) =>
      process.send?.(error ? { id: command.id, error: String(error) } : { id: command.id });
    const run = async () => {
      if (command.op === 'setUid') card.setUid(Uint8Array.from(Buffer.from(command.hex, 'hex')));
      else if (command.op === 'insert') await card.insert();
      else if (command.op === 'remove') await card.remove();
      else {
        await card.close();
        reply();
        process.exit(0);
      }
    };
    run().then(() => reply(), reply);
  });
}

if (process.env.VIRTUAL_CARD_CHILD === '1') {
  const { ATR_MIFARE_CLASSIC_1K } = await import('../harness/virtual-card');
  runChild({ atr: ATR_MIFARE_CLASSIC_1K });
}
