// Who is logged in at this screen, and when they stop being so. The core ends a session after
// `idleTimeoutSeconds` without calls; this store keeps the two in step: activity sends
// `session.keepAlive` at most every 30 s, and the screen logs itself out when the person is idle.
// Before it does, it warns (`logoutAt`): any activity, a tap included, or "Stay signed in" keeps the
// session.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { MethodInput, SessionStatus } from '../../src-shared/api/methods';
import type { SignInStep } from '../../src-shared/api/methods/sign-in';
import type { ApiError } from '../../src-shared/api/result';
import type { OperatorSelf } from '../../src-shared/api/schemas';
import type { Language } from '../../src-shared/domain/languages';
import type { Role } from '../../src-shared/domain/roles';
import { DEFAULT_SIGN_IN_POLICY } from '../../src-shared/domain/sign-in';
import { call, onDeskEvent, onUnauthenticated } from '../client/api';
import { preferredLanguage, rememberLanguage } from '../i18n/language-preference';
import { useConnectionStore } from './connection';

export const KEEP_ALIVE_INTERVAL_MS = 30_000;
export const IDLE_WARNING_SECONDS = 30;

/** The warning comes 30 s before the idle logout, or half-way through a timeout shorter than a minute. */
export function idleWarningMs(idleTimeoutSeconds: number): number {
  return Math.min(IDLE_WARNING_SECONDS, idleTimeoutSeconds / 2) * 1000;
}

export type SessionPhase = 'loading' | 'unavailable' | 'needsFirstAdmin' | 'loggedOut' | 'loggedIn';
export type SessionEnd =
  | { kind: 'idle'; seconds: number }
  | { kind: 'elsewhere' }
  /** An administrator disabled the account or set its password. */
  | { kind: 'revoked' }
  | { kind: 'unauthenticated' }
  | { kind: 'connection' };

type LoginResult = { ok: true } | { ok: false; error: ApiError };
/** A correct password leads to a step (docs/sign-in.md); 'signedIn' is already entered. */
type PasswordResult = { ok: true; step: SignInStep } | { ok: false; error: ApiError };

export const useSessionStore = defineStore('session', () => {
  const phase = ref<SessionPhase>('loading');
  const operator = ref<OperatorSelf | null>(null);
  const deskName = ref('');
  const idleTimeoutSeconds = ref(300);
  const endReason = ref<SessionEnd | null>(null);
  const loadError = ref<ApiError | null>(null);
  const language = ref<Language>(preferredLanguage());
  /** While the idle warning shows: when (epoch ms) the screen will log out. Null otherwise. */
  const logoutAt = ref<number | null>(null);
  /** What the sign-in screen offers, as the organisation's policy says. */
  const signIn = ref<SessionStatus['signIn']>({ ...DEFAULT_SIGN_IN_POLICY });

  const roles = computed<readonly Role[]>(() => operator.value?.roles ?? []);
  const isLoggedIn = computed(() => phase.value === 'loggedIn');
  const hasAnyRole = (allowed: readonly Role[]) => roles.value.some((r) => allowed.includes(r));

  let lastActivity = 0;
  let lastKeepAlive = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let keepAliveTimer: ReturnType<typeof setTimeout> | undefined;
  let isStarted = false;

  function stopTimers(): void {
    clearTimeout(idleTimer);
    clearTimeout(keepAliveTimer);
    idleTimer = keepAliveTimer = undefined;
    logoutAt.value = null;
  }

  function checkIdle(): void {
    const limit = idleTimeoutSeconds.value * 1000;
    const warnFrom = limit - idleWarningMs(idleTimeoutSeconds.value);
    const idleFor = Date.now() - lastActivity;
    if (idleFor >= limit) {
      end({ kind: 'idle', seconds: idleTimeoutSeconds.value });
      void call('session.logout', {});
    } else if (idleFor >= warnFrom) {
      logoutAt.value = lastActivity + limit;
      idleTimer = setTimeout(checkIdle, limit - idleFor);
    } else {
      logoutAt.value = null;
      idleTimer = setTimeout(checkIdle, warnFrom - idleFor);
    }
  }

  function enter(self: OperatorSelf): void {
    stopTimers();
    operator.value = self;
    language.value = self.language;
    rememberLanguage(self.language);
    endReason.value = null;
    phase.value = 'loggedIn';
    lastActivity = lastKeepAlive = Date.now();
    checkIdle();
  }

  function end(reason: SessionEnd | null): void {
    stopTimers();
    operator.value = null;
    endReason.value = reason;
    if (phase.value !== 'needsFirstAdmin') phase.value = 'loggedOut';
  }

  function sendKeepAlive(): void {
    clearTimeout(keepAliveTimer);
    keepAliveTimer = undefined;
    lastKeepAlive = Date.now();
    void call('session.keepAlive', {});
  }

  /** Called on every pointer, key and touch event and on every tap: cheap, so it may run on each one. */
  function noteActivity(): void {
    if (phase.value !== 'loggedIn') return;
    lastActivity = Date.now();
    // Once the warning shows, the core is close to its own limit too: tell it now.
    if (logoutAt.value !== null) {
      logoutAt.value = null;
      sendKeepAlive();
      return;
    }
    // A short timeout (tests, a strict desk) needs keep-alives well within it.
    const interval = Math.min(KEEP_ALIVE_INTERVAL_MS, idleTimeoutSeconds.value * 250);
    const since = lastActivity - lastKeepAlive;
    if (since >= interval) sendKeepAlive();
    // A trailing keep-alive, so the core hears of the last activity within 30 s and never ends the
    // session before this screen would.
    else keepAliveTimer ??= setTimeout(sendKeepAlive, interval - since);
  }

  async function refresh(): Promise<void> {
    const result = await call('session.status', {});
    if (!result.ok) {
      loadError.value = result.error;
      if (phase.value === 'loading') phase.value = 'unavailable';
      return;
    }
    loadError.value = null;
    const status = result.value;
    deskName.value = status.desk.name;
    idleTimeoutSeconds.value = status.idleTimeoutSeconds;
    signIn.value = status.signIn;
    if (status.needsFirstAdmin) {
      end(null);
      phase.value = 'needsFirstAdmin';
    } else if (status.operator) {
      if (phase.value !== 'loggedIn' || operator.value?.id !== status.operator.id) enter(status.operator);
      else operator.value = status.operator;
    } else if (phase.value === 'loggedIn') {
      end({ kind: 'connection' });
    } else {
      phase.value = 'loggedOut';
    }
  }

  async function login(username: string, password: string): Promise<PasswordResult> {
    const result = await call('session.login', { username, password });
    if (!result.ok) return result;
    if (result.value.step === 'signedIn') enter(result.value.operator);
    return { ok: true, step: result.value };
  }

  /** A sign-in finished by its second step (a code, BankID, card and PIN, an enrolment). */
  function completeSignIn(self: OperatorSelf): void {
    enter(self);
  }

  async function createFirstAdmin(input: MethodInput<'setup.createFirstAdmin'>): Promise<LoginResult> {
    const result = await call('setup.createFirstAdmin', input);
    if (!result.ok) return result;
    enter(result.value);
    return { ok: true };
  }

  async function logout(): Promise<void> {
    end(null);
    await call('session.logout', {});
  }

  async function setLanguage(next: Language): Promise<ApiError | null> {
    language.value = next;
    rememberLanguage(next);
    if (phase.value !== 'loggedIn') return null;
    const result = await call('session.setLanguage', { language: next });
    if (!result.ok) return result.error;
    operator.value = result.value;
    return null;
  }

  /** Subscribes to the desk's events and reads the session; call once, after the client is set. */
  async function start(): Promise<void> {
    if (!isStarted) {
      isStarted = true;
      onUnauthenticated(() => {
        if (phase.value === 'loggedIn') end({ kind: 'unauthenticated' });
      });
      onDeskEvent('session.ended', ({ reason }) => {
        if (phase.value !== 'loggedIn') return;
        if (reason === 'idle') end({ kind: 'idle', seconds: idleTimeoutSeconds.value });
        else end({ kind: reason === 'revoked' ? 'revoked' : 'elsewhere' });
      });
      // A new socket is a new session at the core: ask again who is logged in.
      const connection = useConnectionStore();
      watch(
        () => connection.state,
        (now, before) => {
          if (now === 'open' && before === 'reconnecting') void refresh();
        },
      );
    }
    await refresh();
  }

  return {
    phase,
    operator,
    deskName,
    idleTimeoutSeconds,
    endReason,
    loadError,
    language,
    logoutAt,
    signIn,
    roles,
    isLoggedIn,
    hasAnyRole,
    noteActivity,
    refresh,
    login,
    completeSignIn,
    createFirstAdmin,
    logout,
    setLanguage,
    start,
  };
});
