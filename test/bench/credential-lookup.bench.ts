import { openDatabase } from '../../src-main/core/store/database';
import { createIdentifier } from '../../src-main/core/readers/identify';
import { benchDatabase } from './bench-db';
import { summarise } from './stats';

/** UID → card match among the demo desk's cards: the indexed lookup on every tap. */
export function benchCredentialLookup(holders: number): Record<string, number> {
  const db = openDatabase(benchDatabase(holders));
  const cards = db.prepare('SELECT count(*) FROM credentials').pluck().get() as number;
  const uids = (
    db
      .prepare('SELECT bytes FROM credentials WHERE rowid % ? = 0 LIMIT 2000')
      .pluck()
      .all(Math.max(1, Math.floor(cards / 2000))) as Buffer[]
  ).map((b) => new Uint8Array(b));
  const { match } = createIdentifier(db);
  const run = (bytes: Uint8Array) => match({ technology: 'iso14443a_uid', bytes }, 'hex');
  for (const uid of uids.slice(0, 200)) run(uid); // warm-up
  const samples: number[] = [];
  let found = 0;
  for (let round = 0; round < 5; round++) {
    for (const uid of uids) {
      const t0 = process.hrtime.bigint();
      const rows = run(uid);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
      if (rows.length === 1) found += 1;
    }
  }
  const unknown: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const bytes = Uint8Array.of(0xee, i >> 8, i & 0xff, 0x5a);
    const t0 = process.hrtime.bigint();
    run(bytes);
    unknown.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  db.close();
  const s = summarise(samples);
  const u = summarise(unknown);
  console.log(
    `\nCredential lookup among ${cards.toLocaleString('en')} cards (${s.n} taps of known cards, ${found} matched)`,
  );
  console.log(
    `  known card    p50 ${s.p50.toFixed(1)} µs  p95 ${s.p95.toFixed(1)} µs   goal p50 ≤ 20 µs: ${s.p50 <= 20 ? 'met' : 'NOT met'} (${(s.p50 / 20).toFixed(2)}× of goal)`,
  );
  console.log(
    `  unknown card  p50 ${u.p50.toFixed(1)} µs  p95 ${u.p95.toFixed(1)} µs  (tries every lookup key)`,
  );
  return { cards, lookupP50Us: s.p50, lookupP95Us: s.p95 };
}
