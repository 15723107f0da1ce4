import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../../src-main/renderer-host/resolve-renderer-file';

let base: string;
let renderer: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'frontdesk-renderer-'));
  renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), '');
  writeFileSync(join(base, 'secret.txt'), 'not for the page');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('serves real files as they are', () => {
    expect(resolveRendererFile(renderer, '/assets/app.js')).toEqual({
      kind: 'file',
      path: join(renderer, 'assets', 'app.js'),
    });
  });

  it.each(['/', '', '/holders/42', '/assets', '/missing.js', '//', '/assets//app.jsx'])(
    'falls back to index.html for %j',
    (path) => {
      expect(resolveRendererFile(renderer, path)).toEqual({
        kind: 'file',
        path: join(renderer, 'index.html'),
      });
    },
  );

  it.each([
    '/..%2fsecret.txt',
    '/../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/%C0',
    '/%ZZ',
    '/%',
  ])('refuses %s', (path) => {
    expect(resolveRendererFile(renderer, path)).toEqual({ kind: 'refused' });
  });

  it('never throws and never leaves the renderer folder, whatever the path', () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2f',
      '%5c',
      '%00',
      '%C0',
      '%',
      'assets',
      'app.js',
      '',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(segment, fc.string()), { maxLength: 8 }), (parts) => {
        const resolved = resolveRendererFile(renderer, `/${parts.join('/')}`);
        if (resolved.kind === 'file') expect(resolved.path.startsWith(join(renderer, '/'))).toBe(true);
        else expect(resolved.kind).toBe('refused');
      }),
      { numRuns: 500 },
    );
  });

  it('says so when the renderer is not built', () => {
    expect(resolveRendererFile(join(base, 'nothing'), '/')).toEqual({ kind: 'missing' });
  });
});
