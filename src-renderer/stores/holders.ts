// Holders: search as you type, the full record, and photos (fetched once per holder and cached as
// data: URLs, which the desk's content security policy allows for images).
import { defineStore } from 'pinia';
import type { MethodInput } from '../../src-shared/api/methods';
import { call } from '../client/api';

const PHOTO_CACHE_SIZE = 200;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);
export const SEARCH_LIMIT = 20;

export const useHoldersStore = defineStore('holders', () => {
  const photos = new Map<string, Promise<string | null>>();

  function search(query: string) {
    return call('holders.search', { query, limit: SEARCH_LIMIT });
  }

  function get(id: string) {
    return call('holders.get', { id });
  }

  async function fetchPhoto(id: string): Promise<string | null> {
    const result = await call('holders.photo', { id });
    if (!result.ok) {
      photos.delete(id);
      return null;
    }
    const photo = result.value;
    return photo && PHOTO_TYPES.has(photo.mime) ? `data:${photo.mime};base64,${photo.base64}` : null;
  }

  function photoUrl(id: string): Promise<string | null> {
    const cached = photos.get(id);
    if (cached) return cached;
    if (photos.size >= PHOTO_CACHE_SIZE) photos.delete(photos.keys().next().value ?? '');
    const pending = fetchPhoto(id);
    photos.set(id, pending);
    return pending;
  }

  async function create(input: MethodInput<'holders.create'>) {
    const result = await call('holders.create', input);
    if (result.ok) photos.delete(result.value.id);
    return result;
  }

  async function update(input: MethodInput<'holders.update'>) {
    const result = await call('holders.update', input);
    photos.delete(input.id);
    return result;
  }

  /** Personal data does not outlive the operator's session on this screen. */
  function clear(): void {
    photos.clear();
  }

  return { search, get, photoUrl, create, update, clear };
});
