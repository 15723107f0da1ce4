// A desk that crashed or hung must come back by itself: nobody at a reception counter opens a
// debugger. A renderer that is gone is reloaded to the entry URL (the idle screen, or the login),
// and one that stops responding gets a grace period to recover before it is ended and reloaded.
// Every time the reason is logged. Crashes in a tight loop stop being reloaded, so a renderer that
// dies at start-up does not burn the CPU forever.

/** The details of Electron's 'render-process-gone'. */
export interface GoneDetails {
  reason: string;
  exitCode: number;
}

export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  removeListener(
    event: 'render-process-gone',
    listener: (event: unknown, details: GoneDetails) => void,
  ): unknown;
  removeListener(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  forcefullyCrashRenderer(): void;
}

export interface RendererRecoveryOptions {
  contents: RecoverableContents;
  /** Loads the entry URL again. */
  reload: () => void;
  /** Called when the renderer is gone, before the reload (the display may sleep again). */
  onGone?: () => void;
  log?: (message: string) => void;
  /** How long a hung renderer may take to answer again; default 10 s. */
  graceMs?: number;
  now?: () => number;
  /** At most this many reloads in `windowMs`; default 3 a minute. */
  maxReloads?: number;
  windowMs?: number;
}

export function watchRenderer(options: RendererRecoveryOptions): () => void {
  const { contents, reload } = options;
  const log = options.log ?? ((message: string) => console.error(`[renderer] ${message}`));
  const graceMs = options.graceMs ?? 10_000;
  const now = options.now ?? Date.now;
  const maxReloads = options.maxReloads ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  const reloads: number[] = [];
  let hangTimer: ReturnType<typeof setTimeout> | null = null;

  const clearHang = () => {
    if (hangTimer !== null) clearTimeout(hangTimer);
    hangTimer = null;
  };

  const onGone = (_event: unknown, details: GoneDetails) => {
    clearHang();
    options.onGone?.();
    // 'clean-exit' is the window closing: nothing to recover.
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    const at = now();
    while (reloads.length > 0 && at - reloads[0]! > windowMs) reloads.shift();
    if (reloads.length >= maxReloads) {
      log(
        `the screen stopped again (${details.reason}, exit code ${details.exitCode}): not reloading, ${maxReloads} reloads in ${windowMs / 1000} s`,
      );
      return;
    }
    reloads.push(at);
    log(`the screen stopped (${details.reason}, exit code ${details.exitCode}): reloading the idle screen`);
    reload();
  };
  const onUnresponsive = () => {
    if (hangTimer !== null) return;
    log(`the screen is not responding: ending it in ${graceMs / 1000} s unless it recovers`);
    hangTimer = setTimeout(() => {
      hangTimer = null;
      log('the screen did not recover: ending it');
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, graceMs);
  };
  const onResponsive = () => {
    if (hangTimer === null) return;
    clearHang();
    log('the screen is responding again');
  };

  contents.on('render-process-gone', onGone);
  contents.on('unresponsive', onUnresponsive);
  contents.on('responsive', onResponsive);
  return () => {
    clearHang();
    contents.removeListener('render-process-gone', onGone);
    contents.removeListener('unresponsive', onUnresponsive);
    contents.removeListener('responsive', onResponsive);
  };
}
