// Reads for the screens: each mobile ID's latest invitation and whether its mail went out.
import type { Db } from '../store/database';

export type InvitationState = 'sending' | 'sent' | 'failed' | 'superseded' | 'expired' | 'used';

export interface InvitationView {
  id: string;
  cardId: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  sentAt: string | null;
  state: InvitationState;
  /** The last failed send, until a send succeeds. */
  sendError: { code: string; params: Record<string, string | number>; at: string } | null;
}

interface InvitationRow {
  id: string;
  card_id: string;
  email: string;
  created_at: string;
  expires_at: string;
  superseded_at: string | null;
  used_at: string | null;
  sent_at: string | null;
  send_error: string | null;
}

function parseError(stored: string | null): InvitationView['sendError'] {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as InvitationView['sendError'];
    return value && typeof value.code === 'string'
      ? { code: value.code, params: value.params ?? {}, at: value.at }
      : null;
  } catch {
    return null;
  }
}

function toView(row: InvitationRow, now: string): InvitationView {
  const sendError = parseError(row.send_error);
  const state: InvitationState = row.used_at
    ? 'used'
    : row.superseded_at
      ? 'superseded'
      : row.expires_at <= now
        ? 'expired'
        : row.sent_at
          ? 'sent'
          : sendError
            ? 'failed'
            : 'sending';
  return {
    id: row.id,
    cardId: row.card_id,
    email: row.email,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    sentAt: row.sent_at,
    state,
    sendError,
  };
}

export function invitationById(db: Db, id: string, now: string): InvitationView | undefined {
  const row = db.prepare('SELECT * FROM invitations WHERE id = ?').get(id) as InvitationRow | undefined;
  return row ? toView(row, now) : undefined;
}

/** The latest invitation of each of a holder's mobile IDs. */
export function latestInvitationsOfHolder(db: Db, holderId: string, now: string): InvitationView[] {
  const rows = db
    .prepare(
      `SELECT i.* FROM invitations i JOIN cards c ON c.id = i.card_id
       WHERE c.holder_id = ? AND i.rowid = (
         SELECT j.rowid FROM invitations j WHERE j.card_id = i.card_id ORDER BY j.created_at DESC, j.rowid DESC LIMIT 1)
       ORDER BY i.created_at DESC`,
    )
    .all(holderId) as InvitationRow[];
  return rows.map((row) => toView(row, now));
}
