import type Database from 'better-sqlite3';
import { migration0001 } from './0001-operators-and-audit';
import { migration0002 } from './0002-organisations-and-holders';
import { migration0003 } from './0003-cards-and-credentials';
import { migration0004 } from './0004-credential-keys';
import { migration0005 } from './0005-sessions-and-login-backoff';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** In order; a migration's version is its position. Never edit a landed migration: add one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
