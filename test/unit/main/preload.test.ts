// The preload runs here against a stand-in for electron (vi.mock: the real package is never
// loaded, since loading it starts a binary download), so what it exposes is checked for real.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskClient } from '../../../src-shared/api/client';

type IpcListener = (event: unknown, message: unknown) => void;
const fake = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  invoked: [] as unknown[][],
  ipcListeners: new Map<string, IpcListener>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      fake.invoked.push(args);
      return { ok: true, value: 'answer' };
    },
    on: (channel: string, listener: IpcListener) => fake.ipcListeners.set(channel, listener),
  },
}));

let desk: DeskClient;
beforeAll(async () => {
  await import('../../../src-main/preload');
  desk = fake.exposed[0]?.[1] as DeskClient;
});

describe('preload', () => {
  it('exposes window.desk and nothing else', () => {
    expect(fake.exposed.map(([key]) => key)).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(['call', 'on']);
    for (const value of Object.values(desk)) expect(typeof value).toBe('function');
  });

  it('sends calls on desk:call and hands back the answer', async () => {
    await expect(desk.call('session.status', {})).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fake.invoked).toEqual([['desk:call', { method: 'session.status', input: {} }]]);
  });

  it('delivers desk events to the listeners of that event until they unsubscribe', () => {
    const received: unknown[] = [];
    const unsubscribe = desk.on('session.ended', (payload) => received.push(payload));
    const push = fake.ipcListeners.get('desk:event');
    push?.({}, { event: 'session.ended', payload: { reason: 'idle' } });
    push?.({}, { event: 'some.other', payload: 1 });
    unsubscribe();
    push?.({}, { event: 'session.ended', payload: { reason: 'logout' } });
    expect(received).toEqual([{ reason: 'idle' }]);
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
