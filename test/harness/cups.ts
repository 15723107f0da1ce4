// A private CUPS scheduler for the tests: its own configuration, spool, cache and logs in a temporary
// folder and its own port on 127.0.0.1, so the machine's CUPS (if any) is neither used nor changed.
// The card queue prints to cups-pdf, a real CUPS backend that writes each job as a PDF file
// (docs/production.md). Started once per test run (vitest globalSetup, Playwright globalSetup): it
// takes about 0.1 s, the queue another 0.05 s.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
export const CARD_QUEUE = 'CardPDF';

export interface CupsHarness {
  /** host:port for `lp -h` and CUPS_SERVER. */
  server: string;
  /** Where cups-pdf writes the PDFs it prints (its `Out` setting). */
  outputDir: string;
  /** Milliseconds from spawning cupsd to the scheduler answering. */
  startMs: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** cups-pdf's output folder as its configuration names it; `${HOME}` is the job owner's home (ours). */
export function cupsPdfOutputDir(): string {
  let out = '${HOME}/PDF';
  try {
    const line = readFileSync('/etc/cups/cups-pdf.conf', 'utf8')
      .split('\n')
      .find((l) => /^\s*Out\s+/.test(l));
    if (line) out = line.trim().replace(/^Out\s+/, '');
  } catch {
    // No configuration file: cups-pdf's own default.
  }
  return out.replace('${HOME}', homedir());
}

/** Runs a CUPS command against the harness's scheduler; English output, so it can be read. */
export async function cupsCommand(server: string, command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, ['-h', server, ...args], {
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    timeout: 15_000,
  });
  return stdout;
}

async function waitUntilRunning(server: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cupsd stopped at start:\n${log()}`);
    try {
      if ((await cupsCommand(server, 'lpstat', ['-r'])).includes('is running')) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`cupsd did not answer within 20 s:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startCups(): Promise<CupsHarness> {
  if (!existsSync('/usr/sbin/cupsd') || !existsSync(CUPS_PDF_PPD)) {
    throw new Error('CUPS tests need the Debian packages cups and printer-driver-cups-pdf (see .ci/run).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-cups-'));
  chmodSync(dir, 0o755);
  for (const sub of ['spool', 'cache', 'state', 'log', 'ppd']) mkdirSync(join(dir, sub));
  // Filters run as the unprivileged `lp` user and write their temporary files here.
  mkdirSync(join(dir, 'tmp'), { mode: 0o1777 });
  chmodSync(join(dir, 'tmp'), 0o1777);
  const port = await freePort();
  const server = `127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'cupsd.conf'),
    [
      `Listen ${server}`,
      'LogLevel warn',
      'Browsing No',
      'WebInterface No',
      'DefaultAuthType None',
      // Jobs that fail are kept as failed, and the queue goes on with the next one.
      'ErrorPolicy abort-job',
      '<Location />',
      '  Order allow,deny',
      '  Allow 127.0.0.1',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}`,
      `RequestRoot ${join(dir, 'spool')}`,
      `TempDir ${join(dir, 'tmp')}`,
      `CacheDir ${join(dir, 'cache')}`,
      `StateDir ${join(dir, 'state')}`,
      `ErrorLog ${join(dir, 'log', 'error_log')}`,
      `AccessLog ${join(dir, 'log', 'access_log')}`,
      `PageLog ${join(dir, 'log', 'page_log')}`,
      `Printcap ${join(dir, 'printcap')}`,
      'FileDevice No',
      'SystemGroup root',
      '',
    ].join('\n'),
  );
  const started = performance.now();
  const child = spawn(
    '/usr/sbin/cupsd',
    ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = () => {
    const errorLog = join(dir, 'log', 'error_log');
    return `${stderr}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8').slice(-4000) : ''}`;
  };
  await waitUntilRunning(server, child, log);
  const startMs = performance.now() - started;

  return {
    server,
    outputDir: cupsPdfOutputDir(),
    startMs,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      // FRONTDESK_KEEP_CUPS=1 keeps the folder (its log/error_log says why a job failed).
      if (process.env.FRONTDESK_KEEP_CUPS !== '1') rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Adds a card queue printing to cups-pdf. poppler's pdftocairo turns the PDF into the PostScript
 * cups-pdf reads: the default route (Ghostscript) re-encodes embedded fonts without their Unicode
 * map, and the names on the PDF that comes out could not be read back as text.
 */
export async function addCardQueue(server: string, name = CARD_QUEUE): Promise<void> {
  await cupsCommand(server, 'lpadmin', [
    '-p',
    name,
    '-E',
    '-v',
    'cups-pdf:/',
    '-P',
    CUPS_PDF_PPD,
    '-o',
    'pdftops-renderer-default=pdftocairo',
  ]);
}

/** The PDF cups-pdf wrote for job `jobId` (e.g. "CardPDF-7") whose text contains `expected`, once complete. */
export async function printedPdf(
  harness: Pick<CupsHarness, 'outputDir'>,
  jobId: string,
  expected: string,
  since: number,
  timeoutMs = 30_000,
): Promise<{ path: string; text: string }> {
  const number = jobId.slice(jobId.lastIndexOf('-') + 1);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const candidates = existsSync(harness.outputDir)
      ? readdirSync(harness.outputDir)
          .filter((f) => f.endsWith(`job_${number}.pdf`))
          .map((f) => join(harness.outputDir, f))
          .filter((p) => statSync(p).mtimeMs >= since - 1000 && statSync(p).size > 0)
      : [];
    for (const path of candidates) {
      try {
        const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
        if (stdout.includes(expected)) return { path, text: stdout };
      } catch {
        // Still being written.
      }
    }
    if (Date.now() > deadline)
      throw new Error(`No PDF for ${jobId} containing "${expected}" in ${harness.outputDir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
