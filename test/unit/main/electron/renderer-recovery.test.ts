import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { watchRenderer } from '../../../../src-main/electron/renderer-recovery';

class Contents extends EventEmitter {
  destroyed = false;
  crashes = 0;
  isDestroyed() {
    return this.destroyed;
  }
  forcefullyCrashRenderer() {
    this.crashes += 1;
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  }
}

function setUp(now = () => 0) {
  const contents = new Contents();
  const reload = vi.fn();
  const onGone = vi.fn();
  const log: string[] = [];
  const stop = watchRenderer({ contents, reload, onGone, log: (m) => log.push(m), now, graceMs: 5 });
  return { contents, reload, onGone, log, stop };
}

describe('renderer recovery', () => {
  it('reloads after a crash and logs the reason', () => {
    const { contents, reload, onGone, log } = setUp();
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: -1 });
    expect(reload).toHaveBeenCalledTimes(1);
    expect(onGone).toHaveBeenCalledTimes(1);
    expect(log).toEqual(['the screen stopped (oom, exit code -1): reloading the idle screen']);
  });

  it('does not reload when the window closed (clean exit) or is gone', () => {
    const { contents, reload } = setUp();
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    contents.destroyed = true;
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(reload).not.toHaveBeenCalled();
  });

  it('stops reloading a renderer that keeps crashing, and starts again after a quiet minute', () => {
    let now = 0;
    const { contents, reload, log } = setUp(() => now);
    for (let i = 0; i < 5; i++) contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(reload).toHaveBeenCalledTimes(3);
    expect(log.at(-1)).toMatch(/not reloading, 3 reloads in 60 s/);
    now = 61_000;
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(reload).toHaveBeenCalledTimes(4);
  });

  it('ends a hung renderer after the grace period, then reloads it', async () => {
    const { contents, reload } = setUp();
    contents.emit('unresponsive');
    contents.emit('unresponsive');
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(contents.crashes).toBe(1);
  });

  it('stops listening when disposed', () => {
    const { contents, reload, stop } = setUp();
    stop();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(reload).not.toHaveBeenCalled();
    expect(contents.listenerCount('unresponsive')).toBe(0);
  });
});
