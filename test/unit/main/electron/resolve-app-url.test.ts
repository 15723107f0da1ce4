import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppUrl } from '../../../../src-main/electron/resolve-app-url';

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

describe('resolveAppUrl', () => {
  it('serves real files as they are', () => {
    expect(resolveAppUrl(renderer, 'app://desk/assets/app.js')).toEqual({
      kind: 'file',
      path: join(renderer, 'assets', 'app.js'),
    });
  });

  it.each([
    'app://desk/',
    'app://desk',
    'app://desk/holders/42',
    'app://desk/assets',
    'app://desk/missing.js',
  ])('falls back to index.html for %s', (url) => {
    expect(resolveAppUrl(renderer, url)).toEqual({ kind: 'file', path: join(renderer, 'index.html') });
  });

  it.each([
    'app://desk/..%2fsecret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://desk/index.html%00.js',
    'app://desk/%E0%A4%A',
    'app://evil/index.html',
    'app://desk.evil.com/index.html',
    'app://desk:8080/index.html',
    'app://user@desk/index.html',
    'https://desk/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(renderer, url)).toEqual({ kind: 'refused' });
  });

  // The URL parser already folds these dot segments, or (on POSIX) a backslash is a plain character:
  // whatever the platform does, nothing outside the renderer folder comes back.
  it.each([
    'app://desk/../secret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/.%2E/secret.txt',
  ])('never leaves the renderer folder for %s', (url) => {
    const resolved = resolveAppUrl(renderer, url);
    if (resolved.kind === 'file') expect(resolved.path.startsWith(join(renderer, '/'))).toBe(true);
    else expect(resolved.kind).toBe('refused');
  });

  it('says so when the renderer is not built', () => {
    expect(resolveAppUrl(join(base, 'nothing'), 'app://desk/')).toEqual({ kind: 'missing' });
  });
});
