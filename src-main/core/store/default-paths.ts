import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where a desk keeps its data when nothing else is configured: the user's data directory. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.FRONTDESK_DATA_DIR) return env.FRONTDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Frontdesk ID');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Frontdesk ID');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'frontdesk-id');
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FRONTDESK_DB ?? join(defaultDataDir(env), 'desk.sqlite');
}
