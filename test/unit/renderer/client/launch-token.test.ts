import { describe, expect, it, vi } from 'vitest';
import { takeLaunchToken, type TokenPlace } from '../../../../src-renderer/client/launch-token';
import { onLaunchLink } from '../../../../src-renderer/client/desk-client';
import { apiUrl, pickTransport } from '../../../../src-renderer/client/desk-client';
import type { DeskClient } from '../../../../src-shared/api/client';

function place(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaceState = vi.fn();
  const p: TokenPlace = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  };
  return { p, replaceState, storage };
}

describe('the launch token', () => {
  it('is taken from the fragment, kept for the tab, and removed from the address bar', () => {
    const { p, replaceState, storage } = place('#token=abc-DEF_1');
    expect(takeLaunchToken(p)).toBe('abc-DEF_1');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
    expect([...storage.values()]).toEqual(['abc-DEF_1']);
  });

  it('comes from the tab storage after a reload', () => {
    const { p, replaceState } = place('#/holders/1', { 'frontdesk.launchToken': 'kept' });
    expect(takeLaunchToken(p)).toBe('kept');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('is null when the page was opened without one', () => {
    expect(takeLaunchToken(place('').p)).toBeNull();
  });

  it('refuses a malformed escape without throwing, and still clears the address bar', () => {
    const { p, replaceState } = place('#token=%E0%A4%A', { 'frontdesk.launchToken': 'kept' });
    expect(takeLaunchToken(p)).toBe('kept');
    expect(replaceState).toHaveBeenCalled();
  });
});

describe('a launch link pasted into the tab', () => {
  function tab(stored: Record<string, string> = {}) {
    const events = new EventTarget();
    const storage = new Map(Object.entries(stored));
    const location = { hash: '', pathname: '/', search: '' };
    const win = {
      location,
      history: { state: null, replaceState: vi.fn(() => void (location.hash = '')) },
      sessionStorage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
      },
      addEventListener: events.addEventListener.bind(events),
      removeEventListener: events.removeEventListener.bind(events),
    };
    return { win: win as unknown as Window, location, events, storage };
  }

  it('hands over the new token once (popstate, then hashchange), replaces the stored one and clears the address', () => {
    const { win, location, events, storage } = tab({ 'frontdesk.launchToken': 'old' });
    const tokens: string[] = [];
    const stop = onLaunchLink(win, (token) => tokens.push(token));
    location.hash = '#token=new-one';
    events.dispatchEvent(new Event('popstate'));
    events.dispatchEvent(new Event('hashchange'));
    expect(tokens).toEqual(['new-one']);
    expect(location.hash).toBe('');
    expect(storage.get('frontdesk.launchToken')).toBe('new-one');

    location.hash = '#/holders/1';
    events.dispatchEvent(new Event('hashchange'));
    stop();
    location.hash = '#token=later';
    events.dispatchEvent(new Event('hashchange'));
    expect(tokens).toEqual(['new-one']);
  });
});

describe('the transport', () => {
  it('is the preload client in Electron', () => {
    const desk: DeskClient = { call: vi.fn(), on: vi.fn() };
    const transport = pickTransport({ desk } as unknown as Window);
    expect(transport).toEqual({ kind: 'ipc', client: desk });
  });

  it('is a WebSocket to /api with the token otherwise', () => {
    expect(apiUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, 'a b')).toBe(
      'ws://127.0.0.1:4000/api?token=a%20b',
    );
    expect(apiUrl({ protocol: 'https:', host: 'desk' }, 't')).toBe('wss://desk/api?token=t');
  });
});
