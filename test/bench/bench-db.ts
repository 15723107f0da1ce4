import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src-main/core/store/database';
import { generateDemoData } from '../../scripts/demo-data/generate';

/** Bump when the demo generator or schema changes, so cached bench databases are rebuilt. */
const GENERATION = 3;

/** A demo desk database with `holders` holders, cached in .bench/ between runs. */
export function benchDatabase(holders: number): string {
  const dir = resolve('.bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `demo-${holders}-g${GENERATION}.sqlite`);
  if (existsSync(path)) {
    // Bring a cached database to the current schema outside any timing.
    openDatabase(path).close();
    return path;
  }
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const started = performance.now();
  const db = openDatabase(building);
  generateDemoData(db, {
    holders,
    photos: 200,
    onProgress: (done, total) =>
      process.stderr.write(`\r  generating ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  renameSync(building, path);
  process.stderr.write(
    `\r  generated ${holders.toLocaleString('en')} holders in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
  return path;
}
