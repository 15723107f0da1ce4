// The preload runs here against the stand-in electron module (vitest.config.ts, project 'shell'),
// so what it exposes and what it sends are checked for real.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../src-shared/api/client';
import { ipcMain, ipcRenderer, standIn } from '../../harness/electron-stand-in';

const invoked: unknown[][] = [];
const keepAwake: unknown[] = [];
let desk: DeskClient;

beforeAll(async () => {
  ipcMain.handle('desk:call', (_event, ...args) => {
    invoked.push(args);
    return { ok: true, value: 'answer' };
  });
  ipcMain.on('desk:keep-awake', (_event, awake) => keepAwake.push(awake));
  await import('../../../src-main/preload');
  desk = standIn.exposed.get('desk') as DeskClient;
});

describe('preload', () => {
  it('exposes window.desk and nothing else', () => {
    expect([...standIn.exposed.keys()]).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(['call', 'keepScreenAwake', 'on']);
    for (const value of Object.values(desk)) expect(typeof value).toBe('function');
  });

  it('sends calls on desk:call and hands back the answer', async () => {
    await expect(desk.call('session.status', {})).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoked).toEqual([[{ method: 'session.status', input: {} }]]);
  });

  it('delivers desk events to the listeners of that event until they unsubscribe', () => {
    const received: unknown[] = [];
    const unsubscribe = desk.on('session.ended', (payload) => received.push(payload));
    ipcRenderer.emit('desk:event', {}, { event: 'session.ended', payload: { reason: 'idle' } });
    ipcRenderer.emit('desk:event', {}, { event: 'some.other', payload: 1 });
    unsubscribe();
    ipcRenderer.emit('desk:event', {}, { event: 'session.ended', payload: { reason: 'logout' } });
    expect(received).toEqual([{ reason: 'idle' }]);
  });

  it('tells the shell to keep the screen awake with a plain boolean, whatever the page passes', () => {
    desk.keepScreenAwake?.(true);
    desk.keepScreenAwake?.(false);
    (desk.keepScreenAwake as (awake: unknown) => void)({ toString: () => 'true' });
    expect(keepAwake).toEqual([true, false, false]);
  });

  it('imports nothing at run time but electron and the channel names (a sandboxed preload cannot)', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../src-main/preload.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron', './electron/channels']);
    expect(source).not.toMatch(/exposeInMainWorld\((?!'desk')/);
    const channels = readFileSync(
      join(import.meta.dirname, '../../../src-main/electron/channels.ts'),
      'utf8',
    );
    expect(channels).not.toMatch(/^import /m);
  });
});
