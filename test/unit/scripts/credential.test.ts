import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FORMATS } from '../../../src-shared/credentials/index.js';
import { runCredentialCli } from '../../../scripts/credential.js';

describe('credential CLI', () => {
  it('prints every format of a UID in an aligned table', () => {
    const outcome = runCredentialCli(['04A2B3C4D5E6F7', '--from', 'hex']);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toBe('');
    const lines = outcome.stdout.split('\n');
    expect(lines[0]).toBe('Credential  iso14443a_uid:04a2b3c4d5e6f7  (7 bytes)');
    const header = lines.find((line) => line.startsWith('Format'));
    const row = lines.find((line) => line.startsWith('8h10d '));
    expect(row).toMatch(/^8h10d\s+8H10D \(last 4 bytes, 10 digits\)\s+3302352631$/);
    // Columns line up: each value starts where the header's Value column does.
    expect(row?.indexOf('3302352631')).toBe(header?.indexOf('Value'));
    expect(outcome.stdout).toContain('iso14443a_uid/last4:c4d5e6f7');
  });

  it('notes when the input format keeps only part of the value', () => {
    const outcome = runCredentialCli(['0305419896', '--from', '8h10d']);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('8h10d keeps only part of a longer value');
    expect(outcome.stdout).toContain('12345678');
    expect(runCredentialCli(['305419896', '--from', 'decimal']).stdout).not.toContain('keeps only part');
  });

  it('reads Wiegand and EM4100 values', () => {
    expect(runCredentialCli(['1:1', '--from', 'wiegand26']).stdout).toMatch(
      /wiegand_bits\s+Wiegand frame bits\s+10000000100000000000000010/,
    );
    expect(runCredentialCli(['0102ABCDEF', '--from', 'em4100_hex']).stdout).toMatch(
      /em4100_fc_cn\s+.*171,52719/,
    );
  });

  it('says why a value cannot be read and exits 1', () => {
    expect(runCredentialCli(['4294967296', '--from', '8h10d'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: '8H10D value 4294967296 does not fit in 4 bytes (the largest is 4294967295)\n',
    });
    const parity = runCredentialCli(['10000000100000000000000011', '--from', 'wiegand_bits']);
    expect(parity.exitCode).toBe(1);
    expect(parity.stderr).toContain('the trailing odd parity bit (bit 26) is 1');
  });

  it('prints JSON with --json, for values and for errors', () => {
    const outcome = runCredentialCli(['305419896', '--from', 'decimal', '--bytes', '7', '--json']);
    expect(outcome.exitCode).toBe(0);
    const report = JSON.parse(outcome.stdout) as {
      credential: { key: string };
      formats: Array<{ format: string; value: string }>;
    };
    expect(report.credential.key).toBe('iso14443a_uid:00000012345678');
    expect(report.formats.find((row) => row.format === 'decimal')?.value).toBe('305419896');
    const failed = runCredentialCli(['x', '--from', 'decimal', '--json']);
    expect(failed.exitCode).toBe(1);
    expect(JSON.parse(failed.stdout)).toEqual({
      ok: false,
      error: { code: 'invalid_character', message: "decimal: 'x' is not a digit 0-9" },
    });
  });

  it('lists every format with --help', () => {
    const outcome = runCredentialCli(['--help']);
    expect(outcome.exitCode).toBe(0);
    for (const format of CREDENTIAL_FORMATS) expect(outcome.stdout).toContain(`  ${format} `);
  });

  it.each([
    [[]],
    [['123']],
    [['123', '--from', 'nope']],
    [['123', '--from', 'hex', '--technology', 'nope']],
    [['123', '--from', 'decimal', '--bytes', 'many']],
    [['1', '2', '--from', 'decimal']],
    [['1', '--from', 'decimal', '--colour']],
  ])('exits 2 on wrong usage %j', (args) => {
    const outcome = runCredentialCli(args);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain('Usage:');
  });

  it('runs as a script with the right exit code', async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/credential.ts',
      '1:1',
      '--from',
      'wiegand26',
    ]);
    expect(ok.stdout).toContain('wiegand26:02020002');
    await expect(
      run(process.execPath, ['--import', 'tsx', 'scripts/credential.ts', '1:x', '--from', 'wiegand26']),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("'x' is not a digit"),
    });
  }, 30_000);
});
