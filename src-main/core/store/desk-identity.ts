import type { Random } from '../ops/context';
import type { Db } from './database';

/** This desk's id and name, made once on first start and kept in desk_meta. */
export function deskIdentity(db: Db, random: Random, name?: string): { id: string; name: string } {
  const get = db.prepare('SELECT value FROM desk_meta WHERE key = ?').pluck();
  const set = db.prepare(
    'INSERT INTO desk_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  let id = get.get('desk_id') as string | undefined;
  if (!id) {
    id = `desk-${Buffer.from(random.bytes(6)).toString('hex')}`;
    set.run('desk_id', id);
  }
  const stored = get.get('desk_name') as string | undefined;
  if (name && name !== stored) set.run('desk_name', name);
  return { id, name: name ?? stored ?? 'Desk' };
}
