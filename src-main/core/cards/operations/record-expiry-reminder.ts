// Whether a reminder mail went out; a failed one is tried again at the next round, up to three times.
import { defineOperation } from '../../ops/operations';

export interface ReminderSendResult {
  cardId: string;
  validUntil: string;
  error: string | null;
}

export const recordExpiryReminder = defineOperation<ReminderSendResult, void>(
  'card.expiryReminderSend',
  ({ db, now }, p) => {
    db.prepare(
      `UPDATE expiry_reminders SET sent_at = ?, send_error = ?, send_attempts = send_attempts + 1
       WHERE card_id = ? AND valid_until = ?`,
    ).run(p.error ? null : now, p.error, p.cardId, p.validUntil);
    return {
      result: undefined,
      recordType: 'card',
      recordId: p.cardId,
      audit: p.error ? { sent: false, error: p.error } : { sent: true },
    };
  },
);
