// npm run start:web [-- --port 5178 --db path/to/desk.sqlite --idle-timeout 300]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDesk } from '../core/create-desk';
import { defaultDatabasePath } from '../core/store/default-paths';
import { DatabaseTooNewError } from '../core/store/migrate';
import { startWebHost } from './web-host';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.FRONTDESK_PORT ?? '5178' },
    db: { type: 'string', default: defaultDatabasePath() },
    'idle-timeout': { type: 'string', default: process.env.FRONTDESK_IDLE_TIMEOUT ?? '300' },
    'desk-name': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-readers': { type: 'boolean', default: false },
  },
});

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
  desk = createDesk({
    databasePath: resolve(values.db),
    idleTimeoutSeconds: Number(values['idle-timeout']),
    deskName: values['desk-name'],
    readers: values['no-readers'] ? [] : 'system',
  });
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
  Database: ${resolve(values.db)}
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
