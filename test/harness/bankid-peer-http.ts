// The HTTP side of the BankID test peer: bounded request bodies, v6's error answers, and the
// server faults a test can ask for.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the next request gets instead of its normal answer (the server's faults). */
export type PeerFault =
  | { kind: 'error'; status: number; errorCode: string; details?: string }
  | { kind: 'notJson' }
  | { kind: 'wrongShape' }
  /** Any answer, e.g. a well-formed one for another order. */
  | { kind: 'answer'; status: number; body: unknown }
  | { kind: 'huge' }
  /** Half an answer, then the connection is dropped. */
  | { kind: 'cut' }
  /** Reads the request and never answers. */
  | { kind: 'silent' }
  /** Answers normally once the test calls release(). */
  | { kind: 'hold' };

const MAX_REQUEST_BYTES = 64 * 1024;

export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function refuse(res: ServerResponse, status: number, errorCode: string, details: string): void {
  send(res, status, { errorCode, details });
}

export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function answerFault(res: ServerResponse, fault: Exclude<PeerFault, { kind: 'hold' }>): void {
  if (fault.kind === 'error') return refuse(res, fault.status, fault.errorCode, fault.details ?? 'Fault.');
  if (fault.kind === 'notJson') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"orderRef": "abc", ');
    return;
  }
  if (fault.kind === 'wrongShape') return send(res, 200, { orderRef: 42, status: 'maybe' });
  if (fault.kind === 'answer') return send(res, fault.status, fault.body);
  if (fault.kind === 'huge') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    // Streamed until the client hangs up: an answer without end.
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    return pump();
  }
  if (fault.kind === 'cut') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 200 });
    res.write('{"orderRef": "');
    setImmediate(() => res.socket?.destroy());
    return;
  }
  // 'silent': the request stays open until the client gives up.
}
