import type { Role } from '../../../src-shared/domain/roles';
import type { Clock } from '../ops/context';

export interface Session {
  operatorId: string;
  roles: Role[];
  lastActivity: number;
}

/**
 * Login sessions, one per connected screen. A session that has seen no activity for the idle
 * timeout is over: the core refuses its calls whatever the screen believes.
 */
export interface SessionStore {
  start(operatorId: string, roles: Role[]): Session;
  /** The live session, or null when there is none or it has gone idle (and is then ended). */
  current(session: Session | null): Session | null;
  touch(session: Session): void;
  isIdle(session: Session): boolean;
}

export function createSessionStore(clock: Clock, idleTimeoutMs: number): SessionStore {
  const isIdle = (session: Session) => clock.now() - session.lastActivity >= idleTimeoutMs;
  return {
    start: (operatorId, roles) => ({ operatorId, roles, lastActivity: clock.now() }),
    current: (session) => (session && !isIdle(session) ? session : null),
    touch(session) {
      session.lastActivity = clock.now();
    },
    isIdle,
  };
}
