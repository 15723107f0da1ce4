// The desk's keyboard-wedge reader: listens while `wedge()` gives enabled settings (an operator is
// logged in and the reader settings allow it), with the settings' timing, lengths, prefix, suffix and
// terminators, and starts again whenever those change.
import { effectScope, onScopeDispose, watch, type EffectScope } from 'vue';
import type { WedgeSettings } from '../../src-shared/api/readers';
import type { WedgeDetectorConfig } from '../../src-shared/readers/wedge-detector';
import { useWedgeReader } from './use-wedge-reader';

export function detectorConfig(settings: WedgeSettings): WedgeDetectorConfig {
  const { maxInterKeyMs, minLength, prefix, suffix, terminators } = settings;
  // The settings are validated by the core, but a maximum below the minimum must not stop the screen.
  return {
    maxInterKeyMs,
    minLength,
    maxLength: Math.max(minLength, settings.maxLength),
    prefix,
    suffix,
    terminators,
  };
}

export function useDeskWedge(
  wedge: () => WedgeSettings | null | undefined,
  onBurst: (text: string) => void,
): void {
  let scope: EffectScope | undefined;

  function stop(): void {
    scope?.stop();
    scope = undefined;
  }

  watch(
    () => {
      const settings = wedge();
      return settings?.isEnabled ? JSON.stringify(detectorConfig(settings)) : null;
    },
    (config) => {
      stop();
      if (config === null) return;
      scope = effectScope(true);
      const parsed = JSON.parse(config) as WedgeDetectorConfig;
      scope.run(() => useWedgeReader({ config: parsed, onBurst }));
    },
    { immediate: true },
  );

  onScopeDispose(stop);
}
