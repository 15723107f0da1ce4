// npm run start:web [-- --port 5178 --db path/to/desk.sqlite --idle-timeout 300 --desk-name NAME --no-readers]
// The desk comes from the same settings as the Electron app's (settings.json in the data
// directory, core/config/desk-config.ts); these flags and the FRONTDESK_* environment override it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDeskLaunch } from '../core/config/desk-config';
import { createDesk } from '../core/create-desk';
import { defaultDataDir } from '../core/store/default-paths';
import { DatabaseTooNewError } from '../core/store/migrate';
import { startWebHost } from './web-host';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.FRONTDESK_PORT ?? '5178' },
    db: { type: 'string' },
    'idle-timeout': { type: 'string' },
    'desk-name': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-readers': { type: 'boolean', default: false },
  },
});

const env = process.env;
const db = values.db ?? env.FRONTDESK_DB;
const idleTimeout = values['idle-timeout'] ?? env.FRONTDESK_IDLE_TIMEOUT;
const launch = loadDeskLaunch({
  dataDir: defaultDataDir(),
  overrides: {
    // A path typed on the command line is taken from where it was typed.
    databasePath: db === undefined ? undefined : resolve(db),
    idleTimeoutSeconds: idleTimeout === undefined ? undefined : Number(idleTimeout),
    deskName: values['desk-name'],
    readers: values['no-readers'] ? 'none' : undefined,
  },
});
if (launch.errors.length > 0) {
  for (const error of launch.errors) console.error(error);
  process.exit(2);
}
const { settings, config } = launch;

const rendererDir = resolve('out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html')) && !values['no-build']) {
  console.log('Building the desk screens once (out/renderer is missing)…');
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    console.error('The build failed; see above. Run `npm run build` to retry.');
    process.exit(1);
  }
}

let desk;
try {
  desk = createDesk(config);
} catch (error) {
  if (error instanceof DatabaseTooNewError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const host = await startWebHost({ desk, rendererDir, port: Number(values.port) }).catch(
  async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.log(`Port ${values.port} is taken; using a free one.`);
    return startWebHost({ desk, rendererDir, port: 0 });
  },
);

console.log(`Frontdesk ID desk is running.
  Database: ${settings.databasePath}
  Readers:  ${settings.readers === 'system' ? 'this computer’s card readers' : 'none (--no-readers)'}
  Open:     ${host.openUrl}
(Only this computer can reach it; the link carries this launch's access token. Ctrl+C stops.)`);

const stop = () => {
  void host
    .close()
    .then(() => desk.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
