import type Database from 'better-sqlite3';
import { migration0001 } from './0001-operators-and-audit';
import { migration0002 } from './0002-organisations-and-holders';
import { migration0003 } from './0003-cards-and-credentials';
import { migration0004 } from './0004-credential-keys';
import { migration0005 } from './0005-sessions-and-login-backoff';
import { migration0006 } from './0006-audit-chain';
import { migration0007 } from './0007-orders-and-blocks';
import { migration0009 } from './0009-production-jobs';
import { migration0010 } from './0010-invitations';
import { migration0011 } from './0011-report-indexes';
import { migration0012 } from './0012-sign-in';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * In ascending order of version. Never edit a landed migration: add one. Versions are numbered when a
 * change is planned, so a branch may carry a later number before an earlier one lands.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
];
