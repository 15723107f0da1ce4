// What a second factor costs at sign-in, against the password alone in the same run: the whole
// sign-in through the desk API (password, then an authenticator code), and the code's check alone
// against otpauth's bare validate on the same secret (the desk adds: unsealing the secret with
// AES-GCM, the back-off count, the "never twice" step, the audit event and the session).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { createDesk } from '../../src-main/core/create-desk';
import { createKeyFileStore } from '../../src-main/core/keys/adapters/key-file-store';
import { manualClock, typed } from '../harness/test-desk';
import { appCode } from './bench-admin';
import { fmt, percentileRatio, summarise } from './stats';

const PASSWORD = 'measure the desk 2026';

export async function benchSignIn(rounds = 40): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-sign-in-'));
  const clock = manualClock(Date.now());
  const desk = createDesk({
    databasePath: join(dir, 'desk.sqlite'),
    keyStore: createKeyFileStore({ dir: join(dir, 'keys') }),
    clock,
    logger: { error: () => {} },
  });
  try {
    const admin = typed(desk.connect());
    await admin.must('setup.createFirstAdmin', {
      username: 'bench',
      displayName: 'Bench Admin',
      password: PASSWORD,
      language: 'en',
    });
    await admin.must('operators.create', {
      username: 'rita',
      displayName: 'Rita Reception',
      password: PASSWORD,
      roles: ['reception'],
      language: 'en',
    });
    const signIn = async (verify?: (c: ReturnType<typeof typed>) => Promise<number>) => {
      const c = typed(desk.connect());
      const start = performance.now();
      await c.must('session.login', { username: 'rita', password: PASSWORD });
      const codeMs = verify ? await verify(c) : 0;
      const total = performance.now() - start;
      c.raw.close();
      return { total, codeMs };
    };

    await admin.must('signIn.setPolicy', { methods: ['password'], defaultMethod: 'password' });
    // Unmeasured first: the first scrypt calls and statements are slower while V8 and SQLite warm up.
    for (let i = 0; i < 5; i++) await signIn();
    const passwordAlone: number[] = [];
    for (let i = 0; i < rounds; i++) passwordAlone.push((await signIn()).total);

    await admin.must('signIn.setPolicy', { methods: ['totp'], defaultMethod: 'totp' });
    const enrol = typed(desk.connect());
    await enrol.must('session.login', { username: 'rita', password: PASSWORD });
    const { secret } = await enrol.must('signIn.beginTotp', {});
    await enrol.must('signIn.confirmTotp', { code: appCode(secret, clock.now()) });
    enrol.raw.close();

    const withApp: number[] = [];
    const codeChecks: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // A new 30-second step each time: the desk never takes a code twice.
      clock.advance(30_000);
      const { total, codeMs } = await signIn(async (c) => {
        const code = appCode(secret, clock.now());
        const start = performance.now();
        await c.must('signIn.verifyTotp', { code });
        return performance.now() - start;
      });
      withApp.push(total);
      codeChecks.push(codeMs);
    }

    const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), digits: 6, period: 30 });
    const bare: number[] = [];
    for (let i = 0; i < rounds * 50; i++) {
      const token = totp.generate({ timestamp: clock.now() });
      const start = performance.now();
      totp.validate({ token, timestamp: clock.now(), window: 1 });
      bare.push(performance.now() - start);
    }

    const line = (name: string, samples: number[], unit: 'ms' | 'µs' = 'ms') => {
      const s = summarise(samples);
      console.log(`  ${name.padEnd(44)} p50 ${fmt(s.p50, unit)}  p95 ${fmt(s.p95, unit)}  (n=${s.n})`);
    };
    console.log(`\nSign-in through the desk API (scrypt for the password; ${rounds} sign-ins each)`);
    line('password alone', passwordAlone);
    line('password + authenticator code', withApp);
    line('  of which the code step (signIn.verifyTotp)', codeChecks);
    line('otpauth validate alone (the peer)', bare, 'µs');
    const whole = percentileRatio(withApp, passwordAlone, 50);
    console.log(
      `  password + code vs password alone, p50: ${whole.ratio.toFixed(2)}× (95% interval ${whole.low.toFixed(2)}–${whole.high.toFixed(2)})`,
    );
    const step = percentileRatio(codeChecks, bare, 50);
    console.log(`  code step vs bare validate, p50: ${step.ratio.toFixed(0)}×`);
  } finally {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
