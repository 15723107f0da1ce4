import type { Role } from '../../../src-shared/domain/roles';
import type { Clock } from '../ops/context';

export interface Session {
  operatorId: string;
  /** The operator's roles as of the last check: refreshed from their record on every call. */
  roles: Role[];
  /** The operator's session epoch at login; a password reset or a disable moves it on. */
  epoch: number;
  lastActivity: number;
}

/** What a session is measured against on every call: the operator's record as it is now. */
export interface OperatorStanding {
  roles: Role[];
  isDisabled: boolean;
  sessionEpoch: number;
}

/**
 * Login sessions, one per connected screen. A session ends when it has seen no activity for the idle
 * timeout, when its operator is disabled or removed, or when their password was set after it began
 * (the epoch moved on): the core refuses its calls whatever the screen believes.
 */
export interface SessionStore {
  start(operatorId: string, roles: Role[], epoch: number): Session;
  /**
   * The live session with its roles as the operator's record has them now, or null when there is
   * none, it has gone idle, or the operator's record no longer allows it.
   */
  current(session: Session | null): Session | null;
  touch(session: Session): void;
  isIdle(session: Session): boolean;
}

export function createSessionStore(
  clock: Clock,
  idleTimeoutMs: number,
  standingOf: (operatorId: string) => OperatorStanding | undefined,
): SessionStore {
  const isIdle = (session: Session) => clock.now() - session.lastActivity >= idleTimeoutMs;
  return {
    start: (operatorId, roles, epoch) => ({ operatorId, roles, epoch, lastActivity: clock.now() }),
    current(session) {
      if (!session || isIdle(session)) return null;
      const standing = standingOf(session.operatorId);
      if (!standing || standing.isDisabled || standing.sessionEpoch !== session.epoch) return null;
      session.roles = standing.roles;
      return session;
    },
    touch(session) {
      session.lastActivity = clock.now();
    },
    isIdle,
  };
}
