import { execFileSync } from 'node:child_process';
import { benchKeyStore, signInBenchAdmin } from './bench-admin';
import { createDesk } from '../../src-main/core/create-desk';
import { benchDatabase } from './bench-db';
import { fmt, summarise } from './stats';

interface Row {
  id: string;
  given_name: string;
  family_name: string;
  identity_number: string;
  printed_number: string;
}

/** Search latency through the whole API door (validation, session, role, query, output schema). */
export async function benchHolderSearch(holders: number): Promise<Record<string, number>> {
  const path = benchDatabase(holders);
  const starts = [0, 1, 2, 3, 4].map(() => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/start-probe.ts', path], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as { createMs: number; firstAnswerMs: number };
  });
  const start = summarise(starts.map((s) => s.firstAnswerMs));

  const desk = createDesk({ databasePath: path, keyStore: benchKeyStore(path), logger: { error: () => {} } });
  const connection = desk.connect();
  await signInBenchAdmin(connection, {
    username: 'bench',
    displayName: 'Bench Admin',
    password: 'measure the desk 2026',
    language: 'en',
  });

  const sample = desk.db
    .prepare(
      `SELECT h.id, h.given_name, h.family_name, h.identity_number, c.printed_number FROM holders h
       JOIN cards c ON c.holder_id = h.id WHERE h.rowid % ? = 0 LIMIT 400`,
    )
    .all(Math.max(1, Math.floor(holders / 400))) as Row[];
  const queries: Array<[string, string]> = [];
  for (const r of sample) {
    queries.push(['name prefix', r.family_name.slice(0, 3)]);
    queries.push(['first letter', r.given_name.slice(0, 1)]);
    queries.push(['full name', `${r.given_name} ${r.family_name}`]);
    queries.push(['identity number', r.identity_number]);
    queries.push(['card number', r.printed_number]);
  }
  for (const [, query] of queries.slice(0, 200)) await connection.call('holders.search', { query }); // warm-up

  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  for (const [kind, query] of queries) {
    const t0 = performance.now();
    const result = await connection.call('holders.search', { query });
    const ms = performance.now() - t0;
    if (!result.ok) throw new Error(`search failed: ${result.error.message}`);
    all.push(ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  await desk.close();

  const total = summarise(all);
  console.log(
    `\nHolder search, ${holders.toLocaleString('en')} holders (${total.n} searches through the API dispatcher)`,
  );
  for (const [kind, samples] of byKind) {
    const s = summarise(samples);
    console.log(
      `  ${kind.padEnd(16)} p50 ${fmt(s.p50).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  max ${fmt(s.max).padStart(9)}`,
    );
  }
  console.log(
    `  ${'all'.padEnd(16)} p50 ${fmt(total.p50).padStart(9)}  p95 ${fmt(total.p95).padStart(9)}   goal p95 ≤ 10 ms: ${total.p95 <= 10 ? 'met' : 'NOT met'} (${(total.p95 / 10).toFixed(2)}× of goal)`,
  );
  console.log(
    `  desk start (fresh process, createDesk → first answer): p50 ${fmt(start.p50)}, max ${fmt(start.max)}   goal ≤ 500 ms: ${start.max <= 500 ? 'met' : 'NOT met'} (${(start.max / 500).toFixed(2)}× of goal)`,
  );
  return { holders, searchP50: total.p50, searchP95: total.p95, startP50: start.p50, startMax: start.max };
}
