// mobileId.invitationSend: whether the invitation's mail went out. Kept on this desk (the hub needs
// only the invitation): a failure is shown to the operator with a way to send a new code.
import { defineOperation } from '../../ops/operations';

export interface InvitationSendResult {
  invitationId: string;
  /** Null when the server took the mail. */
  error: { code: string; params: Record<string, string | number> } | null;
}

export const recordInvitationSend = defineOperation<InvitationSendResult, void>(
  'mobileId.invitationSend',
  ({ db, now }, p) => {
    if (p.error) {
      db.prepare('UPDATE invitations SET send_error = ?, send_attempts = send_attempts + 1 WHERE id = ?').run(
        JSON.stringify({ ...p.error, at: now }),
        p.invitationId,
      );
    } else {
      db.prepare(
        'UPDATE invitations SET sent_at = ?, send_error = NULL, send_attempts = send_attempts + 1 WHERE id = ?',
      ).run(now, p.invitationId);
    }
    return {
      result: undefined,
      recordType: 'invitation',
      recordId: p.invitationId,
      audit: p.error ? { sent: false, error: p.error.code } : { sent: true },
    };
  },
);
