// Stops, starts and restarts the pcscd that scripts/pcscd-harness.sh started, from inside the test
// process (to test recovery). The script runs the whole test command next to that pcscd (in a private
// network + mount namespace when it can) and tells this module where it is through the environment:
//   PCSCD_HARNESS=namespace|host, PCSCD_HARNESS_DIR (pcscd.pid, pcscd.log), PCSCD_HARNESS_OWNS_PCSCD=1|0
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
/** vpcd's ports 35963 and 35964 as /proc/net/tcp writes them. */
const VPCD_PORTS_HEX = ['8C7B', '8C7C'];

export interface PcscdHarness {
  mode: 'namespace' | 'host';
  dir: string;
  /** False when the script found a pcscd already running: then it may not be stopped. */
  ownsPcscd: boolean;
}

export const HARNESS_COMMAND = 'bash scripts/pcscd-harness.sh -- npx vitest run --project pcsc';

/** The harness the test runs in; throws with the command to use when there is none. */
export function pcscdHarness(): PcscdHarness {
  const mode = process.env.PCSCD_HARNESS;
  const dir = process.env.PCSCD_HARNESS_DIR;
  if ((mode !== 'namespace' && mode !== 'host') || !dir) {
    throw new Error(
      `These tests need pcscd with vpcd: run them through the harness, e.g. ${HARNESS_COMMAND}`,
    );
  }
  return { mode, dir, ownsPcscd: process.env.PCSCD_HARNESS_OWNS_PCSCD === '1' };
}

function pidFile(harness: PcscdHarness): string {
  return path.join(harness.dir, 'pcscd.pid');
}

function readPid(harness: PcscdHarness): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidFile(harness), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Alive and not a zombie (a pcscd the script started is reaped by bash only when it gets to it). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isVpcdListening(): boolean {
  const table = ['/proc/net/tcp', '/proc/net/tcp6']
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  // State 0A is LISTEN.
  return VPCD_PORTS_HEX.every((port) => new RegExp(`:${port} 0+:0000 0A`).test(table));
}

export function isPcscdRunning(): boolean {
  const pid = readPid(pcscdHarness());
  return pid !== null && isAlive(pid);
}

function assertOwned(harness: PcscdHarness): void {
  if (!harness.ownsPcscd) {
    throw new Error(
      'The harness is using a pcscd it did not start (one was already running): it will not stop it.',
    );
  }
}

/** Stops pcscd (SIGTERM, then SIGKILL after 5 s) and waits until it has exited. */
export async function stopPcscd(): Promise<void> {
  const harness = pcscdHarness();
  assertOwned(harness);
  const pid = readPid(harness);
  if (pid === null || !isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; isAlive(pid); waited += 20) {
    if (waited === 5000) process.kill(pid, 'SIGKILL');
    await sleep(20);
  }
}

/** Starts pcscd with the flags the script uses and waits until its socket and vpcd's ports are ready. */
export async function startPcscd({ timeoutMs = 10_000 } = {}): Promise<void> {
  const harness = pcscdHarness();
  assertOwned(harness);
  const running = readPid(harness);
  if (running !== null && isAlive(running)) return;
  const log = openSync(path.join(harness.dir, 'pcscd.log'), 'a');
  const child = spawn('pcscd', ['--foreground'], { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new Error('pcscd could not be started.');
  writeFileSync(pidFile(harness), String(child.pid));
  const pid = child.pid;
  for (let waited = 0; waited < timeoutMs; waited += 20) {
    if (!isAlive(pid)) throw new Error(`pcscd exited at start; see ${path.join(harness.dir, 'pcscd.log')}`);
    if (existsSync(PCSCD_SOCKET) && isVpcdListening()) return;
    await sleep(20);
  }
  throw new Error(`pcscd was not ready after ${timeoutMs} ms.`);
}

export async function restartPcscd(): Promise<void> {
  await stopPcscd();
  await startPcscd();
}
