// The whole tap inside the app, through the real pcscd and real Chromium: pcscd's card event → UID
// read (backend), UID → match (pipeline), match → holder painted on the idle screen (WebSocket + Vue
// + paint, from the renderer's 'card-painted' performance mark). Runs inside scripts/pcscd-harness.sh.
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import type { CardPresented } from '../../src-shared/api/readers';
import { benchKeyStore, signInBenchAdmin } from './bench-admin';
import { createDesk } from '../../src-main/core/create-desk';
import { startWebHost } from '../../src-main/web/web-host';
import { ATR_MIFARE_CLASSIC_1K, createVirtualCard } from '../harness/virtual-card';
import { benchDatabase } from './bench-db';
import { fmt, summarise } from './stats';

const ADMIN = {
  username: 'bench',
  displayName: 'Bench Admin',
  password: 'measure the desk 2026',
  language: 'en',
} as const;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function benchTapLatency({ holders, taps }: { holders: number; taps: number }) {
  const path = benchDatabase(holders);
  const desk = createDesk({
    databasePath: path,
    keyStore: benchKeyStore(path),
    readers: 'system',
    logger: { error: () => {} },
  });
  const watcher = desk.connect();
  await signInBenchAdmin(watcher, ADMIN);
  const events = new Map<string, CardPresented>();
  let lastEvent: CardPresented | undefined;
  watcher.onEvent((event, payload) => {
    if (event !== 'card.presented') return;
    lastEvent = payload as CardPresented;
    events.set(lastEvent.id, lastEvent);
  });
  const uids = (
    desk.db
      .prepare(
        `SELECT bytes FROM credentials r JOIN cards c ON c.id = r.card_id WHERE c.state = 'active' LIMIT ?`,
      )
      .pluck()
      .all(taps) as Buffer[]
  ).map((b) => new Uint8Array(b));

  const host = await startWebHost({ desk, rendererDir: resolve('out/renderer') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage();
  await page.goto(host.openUrl);
  await page.getByTestId('login-username').fill(ADMIN.username);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('card-presentation').waitFor();

  const card = createVirtualCard({ atr: ATR_MIFARE_CLASSIC_1K, uid: uids[0]! });
  const eventToRead: number[] = [];
  const readToMatch: number[] = [];
  const matchToPaint: number[] = [];
  const total: number[] = [];
  let missed = 0;
  for (let tap = 0; tap < uids.length; tap++) {
    card.setUid(uids[tap]!);
    await sleep(Math.random() * 400); // a random phase against pcscd's 400 ms presence poll
    const before = lastEvent?.id;
    await card.insert();
    const deadline = Date.now() + 3000;
    while (lastEvent?.id === before && Date.now() < deadline) await sleep(2);
    const event = lastEvent;
    const painted =
      event && event.id !== before
        ? await page
            .waitForFunction(
              (id) =>
                performance
                  .getEntriesByName('card-painted')
                  .map((m) => (m as unknown as { detail: { id: string; paintedAtMs: number } }).detail)
                  .find((d) => d.id === id)?.paintedAtMs,
              event.id,
              { timeout: 3000 },
            )
            .then((h) => h.jsonValue() as Promise<number>)
            .catch(() => undefined)
        : undefined;
    if (!event || event.id === before || painted === undefined || event.status !== 'active') missed += 1;
    else {
      const paintMs = painted - event.sentAtMs;
      eventToRead.push(event.timings.eventToReadUs / 1000);
      readToMatch.push(event.timings.readToMatchUs / 1000);
      matchToPaint.push(paintMs);
      total.push(event.timings.eventToReadUs / 1000 + event.timings.readToMatchUs / 1000 + paintMs);
    }
    await sleep(Math.random() * 200);
    await card.remove();
  }
  await card.close();
  await browser.close();
  await host.close();
  watcher.close();
  await desk.close();

  const row = (label: string, samples: number[]) => {
    const s = summarise(samples);
    console.log(
      `  ${label.padEnd(34)} p50 ${fmt(s.p50).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  max ${fmt(s.max).padStart(9)}`,
    );
    return s;
  };
  console.log(
    `\nTap → holder on screen, ${uids.length} taps through the real pcscd and Chromium, ${holders.toLocaleString('en')} holders (${missed} missed)`,
  );
  row("pcscd's card event → UID read", eventToRead);
  row('UID → match (pipeline, database)', readToMatch);
  row('match → holder painted (renderer)', matchToPaint);
  const sum = row('in-app sum', total);
  console.log(
    `  goal: in-app p95 ≤ 30 ms: ${sum.p95 <= 30 ? 'met' : 'NOT met'} (${(sum.p95 / 30).toFixed(2)}× of goal)`,
  );
  return { missed, inAppP50: sum.p50, inAppP95: sum.p95 };
}
