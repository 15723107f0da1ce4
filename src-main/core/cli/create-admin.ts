// Headless first run: npm run setup:admin -- --username anna --display-name "Anna Lind" [--db path]
// The password is read from standard input (one line), so it never appears in the process list.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { configuredDatabasePath } from '../config/desk-config';
import { createDesk } from '../create-desk';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    language: { type: 'string', default: 'en' },
    db: { type: 'string', default: configuredDatabasePath() },
  },
});

if (!values.username || !values['display-name']) {
  console.error(
    'Usage: npm run setup:admin -- --username NAME --display-name "Full Name" [--language sv|da|nb|en] [--db PATH]',
  );
  console.error('The password is read from standard input.');
  process.exit(2);
}

const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
if (process.stdin.isTTY) process.stderr.write('Password for the first administrator: ');
const password = (await rl[Symbol.asyncIterator]().next()).value as string | undefined;
rl.close();

const desk = createDesk({ databasePath: values.db });
const connection = desk.connect();
const result = await connection.call('setup.createFirstAdmin', {
  username: values.username,
  displayName: values['display-name'],
  password: password ?? '',
  language: values.language,
});
await desk.close();
if (!result.ok) {
  console.error(`Not created: ${result.error.message}`);
  for (const issue of result.error.issues ?? []) console.error(`  ${issue.path}: ${issue.message}`);
  process.exit(1);
}
console.log(`Created administrator "${values.username}" in ${values.db}.`);
