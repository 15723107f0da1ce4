// The web host's per-launch token arrives once, in the URL fragment (`#token=…`), which browsers never
// send to a server. It is kept for this tab only and removed from the visible address at once.

const STORAGE_KEY = 'frontdesk.launchToken';
const FRAGMENT = /(?:^#|&)token=([^&]+)/;

export interface TokenPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function takeLaunchToken(place: TokenPlace): string | null {
  const match = FRAGMENT.exec(place.location.hash);
  if (match?.[1]) {
    place.storage.setItem(STORAGE_KEY, decodeURIComponent(match[1]));
    place.history.replaceState(place.history.state, '', place.location.pathname + place.location.search);
  }
  return place.storage.getItem(STORAGE_KEY);
}
