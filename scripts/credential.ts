// Prints one credential in every format readers use, to check what a reader sent or to explain a
// card to someone: `npm run credential -- 0012345678 --from 8h10d`. Logic lives in runCredentialCli
// so tests run it without a process.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  bytesToHex,
  CREDENTIAL_FORMATS,
  CREDENTIAL_TECHNOLOGIES,
  type CredentialFormat,
  credentialKey,
  describeCredential,
  formatCodec,
  isCredentialFormat,
  isCredentialTechnology,
  lookupKeys,
  matchKeys,
  parseCredential,
  type ParseOptions,
} from '../src-shared/credentials/index.js';

export interface CliOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const USAGE =
  'Usage: npm run credential -- <value> --from <format> [--technology <t>] [--bytes <n>] [--json]';

function helpText(): string {
  const width = Math.max(...CREDENTIAL_FORMATS.map((format) => format.length));
  const formats = CREDENTIAL_FORMATS.map((format) => {
    const codec = formatCodec(format);
    return `  ${format.padEnd(width)}  ${codec.label} [${codec.technologies.join(', ')}]`;
  });
  return [
    USAGE,
    '',
    'Reads <value> as a reader printed it in <format> and prints it in every format that applies.',
    '',
    'Options:',
    '  --from <format>      the format of <value> (below)',
    "  --technology <t>     what the reader reads; default: the format's first technology",
    '  --bytes <n>          the UID length, for decimal values that drop leading zero bytes',
    '  --json               print JSON instead of a table',
    '  --help               this text',
    '',
    'Formats [technologies]:',
    ...formats,
    '',
    `Technologies: ${CREDENTIAL_TECHNOLOGIES.join(', ')}`,
    '',
    'Exit codes: 0 read, 1 the value cannot be read in that format, 2 wrong usage.',
    '',
  ].join('\n');
}

function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const usageError = (message: string): CliOutcome => ({
  exitCode: 2,
  stdout: '',
  stderr: `${message}\n${USAGE}\n`,
});

type Request = { value: string; format: CredentialFormat; options: ParseOptions; json: boolean };

function readArgs(args: readonly string[]): Request | CliOutcome {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        technology: { type: 'string' },
        bytes: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { exitCode: 0, stdout: helpText(), stderr: '' };
  if (positionals.length !== 1) return usageError('Give exactly one value.');
  if (values.from === undefined) return usageError('Say which format the value is in with --from.');
  if (!isCredentialFormat(values.from))
    return usageError(`Unknown format ${values.from}; --help lists them.`);
  const options: ParseOptions = {};
  if (values.technology !== undefined) {
    if (!isCredentialTechnology(values.technology)) {
      return usageError(`Unknown technology ${values.technology}; --help lists them.`);
    }
    options.technology = values.technology;
  }
  if (values.bytes !== undefined) {
    if (!/^[0-9]{1,2}$/u.test(values.bytes)) return usageError('--bytes takes a byte count, e.g. 7.');
    options.byteLength = Number(values.bytes);
  }
  return { value: positionals[0] ?? '', format: values.from, options, json: values.json };
}

/** Runs the CLI on its arguments (without `node` and the script path) and says what to print. */
export function runCredentialCli(args: readonly string[]): CliOutcome {
  const request = readArgs(args);
  if ('exitCode' in request) return request;
  const { value, format, options, json } = request;
  const parsed = parseCredential(value, format, options);
  if (!parsed.ok) {
    const stdout = json ? `${JSON.stringify({ ok: false, error: parsed.error }, null, 2)}\n` : '';
    return { exitCode: 1, stdout, stderr: json ? '' : `${parsed.error.message}\n` };
  }
  const credential = parsed.value;
  const codec = formatCodec(format);
  const isPartial = codec.keeps === 'last4' || codec.keeps === 'first4' || codec.keeps === 'last3';
  const formats = describeCredential(credential);
  const report = {
    ok: true,
    credential: {
      technology: credential.technology,
      hex: bytesToHex(credential.bytes),
      key: credentialKey(credential),
    },
    isPartial,
    formats,
    matchKeys: matchKeys(credential),
    lookupKeys: lookupKeys(credential, format),
  };
  if (json) return { exitCode: 0, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '' };
  const lines = [
    `Credential  ${report.credential.key}  (${credential.bytes.length} bytes)`,
    ...(isPartial
      ? [`Note        ${format} keeps only part of a longer value: these are the bytes it keeps.`]
      : []),
    '',
    table([['Format', 'Label', 'Value'], ...formats.map((row) => [row.format, row.label, row.value])]),
    '',
    `Lookup keys, as read from ${format}:`,
    ...report.lookupKeys.map((key) => `  ${key}`),
    'Index keys, if stored:',
    ...report.matchKeys.map((key) => `  ${key}`),
    '',
  ];
  return { exitCode: 0, stdout: lines.join('\n'), stderr: '' };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  const outcome = runCredentialCli(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}
