// Short sound cues for a presented card: one high beep for a good card, two low beeps for anything
// else, so reception hears the answer while looking at the person. Muting is this screen's own choice
// and survives a restart (localStorage), like the language of the login screen.
import alertUrl from '../../resources/sounds/alert.wav';
import okUrl from '../../resources/sounds/ok.wav';
import type { PresentedStatus } from '../../src-shared/api/readers';

export type SoundCue = 'ok' | 'alert';

const URLS: Record<SoundCue, string> = { ok: okUrl, alert: alertUrl };
const MUTED_KEY = 'frontdesk.soundMuted';

export function cueFor(status: PresentedStatus): SoundCue {
  return status === 'active' ? 'ok' : 'alert';
}

export function isMutedPreference(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberMuted(isMuted: boolean): void {
  try {
    globalThis.localStorage?.setItem(MUTED_KEY, isMuted ? '1' : '0');
  } catch {
    // Storage can be unavailable (privacy settings): the choice then lasts until the page reloads.
  }
}

/** One player per cue, loaded and decoded once, not at every tap. */
const players = new Map<SoundCue, HTMLAudioElement>();

export function playCue(cue: SoundCue): void {
  if (typeof Audio === 'undefined') return;
  let audio = players.get(cue);
  if (!audio) {
    audio = new Audio(URLS[cue]);
    players.set(cue, audio);
  }
  audio.currentTime = 0;
  // A browser refuses sound before the first click or key on the page; the screen shows the card anyway.
  audio.play()?.catch(() => undefined);
}
