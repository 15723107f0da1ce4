// The web host's per-launch token arrives in the URL fragment (`#token=…`), which browsers never
// send to a server: once when the tab opens the launch link, and again when a new link (after the
// web host restarted) is pasted into the same tab. It is kept for this tab only and removed from the
// visible address at once.

const STORAGE_KEY = 'frontdesk.launchToken';
const FRAGMENT = /(?:^#|&)token=([^&]+)/;

export interface TokenPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A token in the address bar's fragment, taken from there into this tab's storage; else null. */
export function takeFragmentToken(place: TokenPlace): string | null {
  const match = FRAGMENT.exec(place.location.hash);
  if (!match?.[1]) return null;
  place.history.replaceState(place.history.state, '', place.location.pathname + place.location.search);
  const token = decode(match[1]);
  if (token) place.storage.setItem(STORAGE_KEY, token);
  return token;
}

/** This tab's token: a fresh one from the fragment, or the one kept since the tab opened its link. */
export function takeLaunchToken(place: TokenPlace): string | null {
  return takeFragmentToken(place) ?? place.storage.getItem(STORAGE_KEY);
}
