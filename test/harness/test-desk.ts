import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../src-shared/api/result';
import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/api/methods';
import type { Role } from '../../src-shared/domain/roles';
import type { SignInPolicy } from '../../src-shared/domain/sign-in';
import { createDesk, type Desk, type DeskConfig, type DeskConnection } from '../../src-main/core/create-desk';
import type { Clock } from '../../src-main/core/ops/context';

export const ADMIN_PASSWORD = 'correct horse battery';

/** A clock tests move by hand. */
export function manualClock(
  start = Date.parse('2026-11-24T09:00:00Z'),
): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

export interface TypedConnection {
  raw: DeskConnection;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Calls and throws when refused: for set-up steps that must succeed. */
  must<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export function typed(raw: DeskConnection): TypedConnection {
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    raw.call(method, input) as Promise<Result<MethodOutput<M>>>;
  return {
    raw,
    call,
    async must(method, input) {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}

export interface TestDesk {
  desk: Desk;
  dir: string;
  path: string;
  /** A connection logged in as the first administrator. */
  admin: TypedConnection;
  /** Creates an operator with these roles and returns a connection logged in as them. */
  loginAs(roles: Role[], username?: string): Promise<TypedConnection>;
  anonymous(): TypedConnection;
  count(table: string): number;
  close(): Promise<void>;
}

/** What most tests need: the password alone signs in, as an administrator may choose explicitly. */
export const PASSWORD_OR_TOTP: SignInPolicy = { methods: ['password', 'totp'], defaultMethod: 'password' };

export interface TestDeskOptions extends Partial<DeskConfig> {
  /** The policy the first administrator sets; null keeps a new desk's default (TOTP only). */
  signInPolicy?: SignInPolicy | null;
}

export async function startTestDesk(options: TestDeskOptions = {}): Promise<TestDesk> {
  const { signInPolicy = PASSWORD_OR_TOTP, ...config } = options;
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-test-'));
  const path = join(dir, 'desk.sqlite');
  const desk = createDesk({ databasePath: path, logger: { error: () => {} }, ...config });
  const admin = typed(desk.connect());
  await admin.must('setup.createFirstAdmin', {
    username: 'admin',
    displayName: 'Astrid Admin',
    password: ADMIN_PASSWORD,
    language: 'en',
  });
  if (signInPolicy) await admin.must('signIn.setPolicy', signInPolicy);
  let serial = 0;
  return {
    desk,
    dir,
    path,
    admin,
    async loginAs(roles, username = `op${++serial}-${roles.join('-').replace(/_/g, '')}`) {
      await admin.must('operators.create', {
        username,
        displayName: 'Test Operator',
        password: ADMIN_PASSWORD,
        roles,
        language: 'en',
      });
      const connection = typed(desk.connect());
      await connection.must('session.login', { username, password: ADMIN_PASSWORD });
      return connection;
    },
    anonymous: () => typed(desk.connect()),
    count: (table) => (desk.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    async close() {
      await desk.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
