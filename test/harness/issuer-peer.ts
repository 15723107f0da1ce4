// The card issuer's side of the batch folder, as a real peer: it reads each complete batch the desk
// wrote, verifies both signatures with the public key the desk put beside them (refusing a batch that
// does not verify), and writes its answer file the way the format says (docs/production.md).
import { createPublicKey, verify } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ANSWER_FORMAT,
  type BatchFile,
  type BatchRecord,
} from '../../src-main/core/production/adapters/issuer-batch';

export type IssuerDecision = { outcome: 'produced' } | { outcome: 'failed'; reason: string };

export interface IssuedBatch {
  batchId: string;
  records: BatchRecord[];
  csv: string;
}

function verified(path: string, publicKeyPem: string): Buffer {
  const bytes = readFileSync(path);
  const signature = Buffer.from(readFileSync(`${path}.sig`, 'utf8').trim(), 'base64');
  if (!verify(null, bytes, createPublicKey(publicKeyPem), signature))
    throw new Error(`${path}: the signature does not verify`);
  return bytes;
}

/** Reads every complete batch in `batchFolder` not answered yet and answers it. */
export function answerBatches(options: {
  batchFolder: string;
  answerFolder: string;
  decide: (record: BatchRecord) => IssuerDecision;
  answered?: Set<string>;
}): IssuedBatch[] {
  const names = readdirSync(options.batchFolder);
  const keyFile = names.find((n) => /^desk-.*\.pub\.pem$/.test(n));
  if (!keyFile) return [];
  const publicKeyPem = readFileSync(join(options.batchFolder, keyFile), 'utf8');
  const issued: IssuedBatch[] = [];
  for (const name of names.filter((n) => /^batch-[0-9a-f-]{36}\.json$/.test(n))) {
    const base = join(options.batchFolder, name.replace(/\.json$/, ''));
    const batch = JSON.parse(verified(`${base}.json`, publicKeyPem).toString('utf8')) as BatchFile;
    if (options.answered?.has(batch.batchId)) continue;
    const csv = verified(`${base}.csv`, publicKeyPem).toString('utf8');
    const answer = {
      format: ANSWER_FORMAT,
      batchId: batch.batchId,
      answeredAt: new Date().toISOString(),
      answers: batch.cards.map((record) => ({
        cardId: record.cardId,
        printedNumber: record.printedNumber,
        ...options.decide(record),
      })),
    };
    const target = join(options.answerFolder, `answer-${batch.batchId}.json`);
    writeFileSync(`${target}.tmp`, JSON.stringify(answer));
    renameSync(`${target}.tmp`, target);
    options.answered?.add(batch.batchId);
    issued.push({ batchId: batch.batchId, records: batch.cards, csv });
  }
  return issued;
}
