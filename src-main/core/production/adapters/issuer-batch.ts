// Cards for an external issuer, as files (docs/production.md has the format): each batch is written
// to the configured folder as JSON and the same records as CSV (UTF-8), each with a detached Ed25519
// signature (.sig, base64) by the desk's key, and the desk's public key beside them. Every file is
// written to a temporary name and renamed, and the JSON last: once batch-<id>.json exists, the rest
// of the batch is complete. The issuer answers with answer-*.json files in the answer folder; they
// are read strictly, and a file that is not exactly what the format says is refused whole.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type {
  CardProducer,
  CollectResult,
  ProducerAnswer,
  ProductionItem,
  ProductionProblem,
} from '../card-producer';
import { createHash } from 'node:crypto';
import type { BatchSigner } from '../batch-signing-key';

export const BATCH_FORMAT = 'frontdesk-id.issuer-batch/1';
export const ANSWER_FORMAT = 'frontdesk-id.issuer-answer/1';
/** An answer file larger than this is refused unread: a batch's answers are a few kilobytes. */
export const ANSWER_FILE_MAX_BYTES = 1024 * 1024;
export const ANSWERS_PER_FILE_MAX = 1000;
const ANSWER_FILE = /^answer-[A-Za-z0-9._-]{1,120}\.json$/;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>]/;
const printedNumber = z.string().regex(/^[A-Za-z0-9-]{4,32}$/);
const answerLine = z.discriminatedUnion('outcome', [
  z.strictObject({ cardId: uuid, printedNumber, outcome: z.literal('produced') }),
  z.strictObject({
    cardId: uuid,
    printedNumber,
    outcome: z.literal('failed'),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((s) => !FORBIDDEN.test(s)),
  }),
]);
export const answerFile = z.strictObject({
  format: z.literal(ANSWER_FORMAT),
  batchId: uuid,
  answeredAt: z.iso.datetime(),
  answers: z
    .array(answerLine)
    .min(1)
    .max(ANSWERS_PER_FILE_MAX)
    .refine(
      (lines) => new Set(lines.map((l) => l.cardId)).size === lines.length,
      'A card is answered twice.',
    ),
});
export type AnswerFile = z.infer<typeof answerFile>;

/** One card as the issuer receives it. */
export interface BatchRecord {
  cardId: string;
  printedNumber: string;
  kind: string;
  givenName: string;
  familyName: string;
  employerName: string | null;
  organisationNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
  site: string | null;
  photo: { mime: string; sha256: string; base64: string } | null;
}

export interface BatchFile {
  format: typeof BATCH_FORMAT;
  batchId: string;
  deskId: string;
  createdAt: string;
  cards: BatchRecord[];
}

export interface IssuerBatchOptions {
  batchFolder: string;
  answerFolder: string;
  deskId: string;
  /** The desk's signing key; loaded when a batch is written, so a desk without one still prints. */
  signer: () => Promise<BatchSigner>;
  now: () => string;
  log?: (message: string) => void;
}

const CSV_COLUMNS = [
  'cardId',
  'printedNumber',
  'kind',
  'givenName',
  'familyName',
  'employerName',
  'organisationNumber',
  'validFrom',
  'validUntil',
  'site',
  'photoSha256',
] as const;

function csvField(value: string | null): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV, CRLF line ends, the same records as the JSON (the photo by its hash). */
export function batchCsv(records: BatchRecord[]): string {
  const rows = records.map((r) =>
    CSV_COLUMNS.map((column) =>
      csvField(column === 'photoSha256' ? (r.photo?.sha256 ?? null) : r[column]),
    ).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('');
}

function recordOf(item: ProductionItem): BatchRecord {
  const { facts, photo } = item;
  return {
    cardId: item.cardId,
    printedNumber: facts.printedNumber,
    kind: facts.kind,
    givenName: facts.givenName,
    familyName: facts.familyName,
    employerName: facts.employerName,
    organisationNumber: facts.organisationNumber,
    validFrom: facts.validFrom,
    validUntil: facts.validUntil,
    site: facts.site,
    photo: photo
      ? {
          mime: photo.mime,
          sha256: createHash('sha256').update(photo.bytes).digest('hex'),
          base64: Buffer.from(photo.bytes).toString('base64'),
        }
      : null,
  };
}

/** Writes `bytes` to `path` so that a reader sees the whole file or none of it. */
async function writeAtomically(path: string, bytes: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, bytes, { flag: 'wx' });
  await rename(temporary, path);
}

export function createIssuerBatch(options: IssuerBatchOptions): CardProducer {
  const log = options.log ?? (() => {});
  const folderProblem = (code: ProductionProblem['code'], folder: string): ProductionProblem => ({
    code,
    params: { folder },
  });

  async function readAnswerFile(
    name: string,
  ): Promise<{ ok: true; file: AnswerFile } | { ok: false; reason: string }> {
    const path = join(options.answerFolder, name);
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: 'not_a_file' };
    if (info.size > ANSWER_FILE_MAX_BYTES) return { ok: false, reason: 'too_large' };
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path)));
    } catch {
      return { ok: false, reason: 'not_json' };
    }
    const parsed = answerFile.safeParse(value);
    return parsed.success ? { ok: true, file: parsed.data } : { ok: false, reason: 'not_the_format' };
  }

  return {
    channel: 'issuer',
    async submit(items, batchId) {
      const fail = (problem: ProductionProblem) => items.map(() => ({ ok: false as const, problem }));
      let signer: BatchSigner;
      try {
        signer = await options.signer();
      } catch (error) {
        log(`batch signing key: ${error instanceof Error ? error.message : String(error)}`);
        return fail({ code: 'batch_key_unavailable', params: {} });
      }
      const records = items.map(recordOf);
      const batch: BatchFile = {
        format: BATCH_FORMAT,
        batchId,
        deskId: options.deskId,
        createdAt: options.now(),
        cards: records,
      };
      const json = Buffer.from(`${JSON.stringify(batch, null, 2)}\n`, 'utf8');
      const csv = Buffer.from(batchCsv(records), 'utf8');
      const base = join(options.batchFolder, `batch-${batchId}`);
      const signature = (bytes: Uint8Array) => `${Buffer.from(signer.sign(bytes)).toString('base64')}\n`;
      try {
        await writeAtomically(
          join(options.batchFolder, `desk-${options.deskId}.pub.pem`),
          signer.publicKeyPem,
        );
        await writeAtomically(`${base}.csv`, csv);
        await writeAtomically(`${base}.csv.sig`, signature(csv));
        await writeAtomically(`${base}.json.sig`, signature(json));
        await writeAtomically(`${base}.json`, json);
      } catch (error) {
        log(
          `batch ${batchId} to ${options.batchFolder}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return fail(folderProblem('batch_folder_unavailable', options.batchFolder));
      }
      return items.map(() => ({ ok: true as const, ref: batchId }));
    },

    async collect(): Promise<CollectResult> {
      let names: string[];
      try {
        await mkdir(options.answerFolder, { recursive: true });
        names = (await readdir(options.answerFolder)).filter((name) => ANSWER_FILE.test(name)).sort();
      } catch (error) {
        log(`answers in ${options.answerFolder}: ${error instanceof Error ? error.message : String(error)}`);
        return {
          answers: [],
          refused: [
            {
              source: options.answerFolder,
              problem: folderProblem('answer_folder_unavailable', options.answerFolder),
            },
          ],
        };
      }
      const result: CollectResult = { answers: [], refused: [] };
      for (const name of names) {
        const read = await readAnswerFile(name).catch(() => ({ ok: false as const, reason: 'unreadable' }));
        if (!read.ok) {
          result.refused.push({
            source: name,
            problem: { code: 'answer_file_invalid', params: { file: name, reason: read.reason } },
          });
          continue;
        }
        for (const line of read.file.answers) {
          const outcome: ProducerAnswer['outcome'] =
            line.outcome === 'produced'
              ? { state: 'produced' }
              : { state: 'failed', problem: { code: 'issuer_failed', params: { reason: line.reason } } };
          result.answers.push({
            ref: read.file.batchId,
            cardId: line.cardId,
            printedNumber: line.printedNumber,
            outcome,
            source: name,
          });
        }
      }
      return result;
    },
  };
}
