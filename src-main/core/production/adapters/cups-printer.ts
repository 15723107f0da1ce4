// The desk's card printer through CUPS: each card's face PDF goes to `lp` on its standard input
// (execFile, never a shell), with the ID-1 media option; the job id comes from lp's answer and the
// job's fate from the scheduler (`lpstat` for the printer, `ipptool` for the job). CUPS speaks English to programs when LC_ALL=C, so its words can be read;
// what the operator sees is a code with the printer's name, never CUPS's own text.
import { execFile } from 'node:child_process';
import type { ErrorParams } from '../../../../src-shared/api/result';
import { renderCardFacePdf } from '../card-face-pdf';
import type {
  CardProducer,
  CollectResult,
  PendingJob,
  ProducerAnswer,
  ProductionProblem,
  Submission,
} from '../card-producer';

/** ISO/IEC 7810 ID-1 as a CUPS custom size; a card printer's PPD may name it CR80 instead. */
export const ID1_MEDIA = 'Custom.85.6x53.98mm';

export interface CupsPrinterOptions {
  /** The CUPS queue of the desk's card printer. */
  printer: string;
  /** host:port of the CUPS scheduler; null: this computer's (CUPS_SERVER or the default). */
  server: string | null;
  /** The `media` option sent with every job. */
  media: string;
  /** Where CUPS's own words go (for a technician), since the screen shows only codes. */
  log?: (message: string) => void;
  timeoutMs?: number;
}

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCups(
  command: string,
  args: string[],
  input: Uint8Array | null,
  timeoutMs: number,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && code === -1 ? error.message : '') });
      },
    );
    child.stdin?.on('error', () => {
      // lp exits before reading when the printer does not exist; its answer says why.
    });
    if (input) child.stdin?.end(Buffer.from(input));
    else child.stdin?.end();
  });
}

/** CUPS's complaint in a code: what the operator can act on. */
export function problemFromCups(stderr: string, params: ErrorParams): ProductionProblem {
  const text = stderr.toLowerCase();
  if (/does not exist|invalid destination|unknown printer|no such (printer|destination)/.test(text))
    return { code: 'printer_not_found', params };
  if (
    /unable to connect|scheduler is not running|connection refused|enoent|no such file or directory/.test(
      text,
    )
  )
    return { code: 'printer_unreachable', params };
  if (/not accepting jobs|disabled|stopped|paused/.test(text)) return { code: 'printer_stopped', params };
  return { code: 'print_failed', params };
}

/** RFC 8011 job states, plus what the desk concludes when the scheduler cannot say. */
const JOB_STATES = [
  'pending',
  'pending-held',
  'processing',
  'processing-stopped',
  'canceled',
  'aborted',
  'completed',
] as const;
type JobState = (typeof JOB_STATES)[number] | 'unknown' | 'unreachable';

export function createCupsPrinter(options: CupsPrinterOptions): CardProducer {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const server = options.server ? ['-h', options.server] : [];
  const params = { printer: options.printer };
  const log = options.log ?? (() => {});

  const cups = (command: string, args: string[], input: Uint8Array | null = null) =>
    runCups(command, [...server, ...args], input, timeoutMs);

  /** Whether the queue exists and takes jobs now; a stopped printer is said before anything is sent. */
  async function printerProblem(): Promise<ProductionProblem | null> {
    // Asked first: to a scheduler that is down, `lpstat -p` says the printer does not exist.
    const scheduler = await cups('lpstat', ['-r']);
    if (scheduler.code !== 0 || !/scheduler is running/.test(scheduler.stdout)) {
      log(`lpstat -r: ${(scheduler.stderr || scheduler.stdout).trim()}`);
      return { code: 'printer_unreachable', params };
    }
    const status = await cups('lpstat', ['-p', options.printer]);
    if (status.code !== 0) {
      log(`lpstat -p ${options.printer}: ${status.stderr.trim()}`);
      return problemFromCups(status.stderr, params);
    }
    if (/\bdisabled\b/.test(status.stdout)) return { code: 'printer_stopped', params };
    return null;
  }

  async function printOne(pdf: Uint8Array, title: string): Promise<Submission> {
    const result = await cups(
      'lp',
      ['-d', options.printer, '-o', `media=${options.media}`, '-t', title, '-'],
      pdf,
    );
    const accepted = /request id is (\S+)/.exec(result.stdout);
    if (result.code === 0 && accepted) return { ok: true, ref: accepted[1]! };
    log(`lp -d ${options.printer}: ${result.stderr.trim() || result.stdout.trim()}`);
    return { ok: false, problem: problemFromCups(result.stderr, params) };
  }

  /**
   * The job's IPP job-state. lpstat cannot tell a cancelled job from a printed one (both list as
   * completed with the same reasons), so ipptool asks the scheduler for the attribute itself.
   */
  async function jobState(ref: string): Promise<JobState> {
    const number = /-(\d+)$/.exec(ref)?.[1];
    if (!number) return 'unknown';
    const host = options.server ?? process.env.CUPS_SERVER ?? 'localhost';
    const result = await runCups(
      'ipptool',
      ['-tv', `ipp://${host}/jobs/${number}`, 'get-job-attributes.test'],
      null,
      timeoutMs,
    );
    const state = /job-state \(enum\) = ([\w-]+)/.exec(result.stdout)?.[1];
    if (state && (JOB_STATES as readonly string[]).includes(state)) return state as JobState;
    if (/not-found|client-error-not-found/.test(result.stdout)) return 'unknown';
    log(`ipptool ${ref}: ${(result.stderr || result.stdout).trim().slice(0, 500)}`);
    return /Unable to connect|refused|Connection/i.test(result.stderr + result.stdout)
      ? 'unreachable'
      : 'unknown';
  }

  return {
    channel: 'printer',
    async submit(items) {
      const problem = await printerProblem();
      if (problem) return items.map(() => ({ ok: false, problem }));
      const results: Submission[] = [];
      for (const item of items) {
        const pdf = await renderCardFacePdf(item.facts, item.photo);
        results.push(await printOne(pdf, `card-${item.facts.printedNumber}`));
      }
      return results;
    },

    async collect(pending: PendingJob[]): Promise<CollectResult> {
      if (pending.length === 0) return { answers: [], refused: [] };
      const answers: ProducerAnswer[] = [];
      let printer: ProductionProblem | null | undefined;
      for (const { ref, cardId } of pending) {
        const state = await jobState(ref);
        if (state === 'unreachable') {
          // The jobs stay waiting: the next check asks again.
          return {
            answers,
            refused: [{ source: options.printer, problem: { code: 'printer_unreachable', params } }],
          };
        }
        const answer = (outcome: ProducerAnswer['outcome']) =>
          answers.push({ ref, cardId, printedNumber: null, outcome, source: ref });
        const jobFailed: ProductionProblem = { code: 'print_job_failed', params: { ...params, job: ref } };
        if (state === 'completed') answer({ state: 'produced' });
        else if (state === 'canceled' || state === 'aborted' || state === 'unknown')
          answer({ state: 'failed', problem: jobFailed });
        else {
          // A job waiting on a stopped printer fails now, with the reason, rather than print some day.
          if (printer === undefined) printer = await printerProblem();
          if (printer || state === 'processing-stopped')
            answer({ state: 'failed', problem: printer ?? { code: 'printer_stopped', params } });
          else answer({ state: 'pending' });
        }
      }
      return { answers, refused: [] };
    },

    async withdraw(ref) {
      const result = await cups('cancel', [ref]);
      if (result.code !== 0) log(`cancel ${ref}: ${result.stderr.trim()}`);
    },
  };
}
