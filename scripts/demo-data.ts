// npm run demo:data -- --holders 1000 [--photos 500] [--seed 1] [--db path/to/desk.sqlite]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { openDatabase } from '../src-main/core/store/database';
import { defaultDatabasePath } from '../src-main/core/store/default-paths';
import { cardsToTry } from './demo-data/cards-to-try';
import { generateDemoData } from './demo-data/generate';

const { values } = parseArgs({
  options: {
    holders: { type: 'string', default: '1000' },
    photos: { type: 'string' },
    seed: { type: 'string' },
    db: { type: 'string', default: defaultDatabasePath() },
  },
});
const holders = Number(values.holders);
if (!Number.isInteger(holders) || holders < 1 || holders > 5_000_000) {
  console.error('--holders must be a whole number from 1 to 5000000.');
  process.exit(2);
}
const path = resolve(values.db);
const db = openDatabase(path);
if ((db.prepare('SELECT count(*) FROM holders').pluck().get() as number) > 0) {
  console.error(`${path} already has holders; demo data goes into an empty desk database (use --db).`);
  process.exit(2);
}
const started = performance.now();
const summary = generateDemoData(db, {
  holders,
  photos: values.photos === undefined ? undefined : Number(values.photos),
  seed: values.seed === undefined ? undefined : Number(values.seed),
  onProgress: (done, total) =>
    process.stderr.write(`\r  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} holders`),
});
const tryThese = cardsToTry(db, new Date().toISOString().slice(0, 10));
db.close();
process.stderr.write('\n');
console.log(
  `Filled ${path}: ${summary.holders} holders, ${summary.organisations} organisations, ${summary.cards} cards, ` +
    `${summary.photos} photos in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
if (tryThese.length > 0) {
  console.log(`\nCards to tap, with npm run pcscd:demo and npm run start:web -- --db ${values.db} running:`);
  for (const card of tryThese) {
    console.log(
      `  npm run card -- tap ${card.uid.padEnd(14)}  ${card.status.padEnd(7)}  ${card.holder} (${card.printedNumber})`,
    );
  }
}
