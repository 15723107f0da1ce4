// The desk's own operation: cards in use whose last valid day is within the reminder window, whose
// holder has an e-mail address and who has not been reminded for this end date, get a reminder row.
// The mails go out after the commit; the rows remember what was sent. Kept on this desk.
import type { Language } from '../../../../src-shared/domain/languages';
import { defineOperation } from '../../ops/operations';

export interface ReminderRound {
  today: string;
  /** The last day (YYYY-MM-DD) of the window: cards valid until this day or earlier are reminded. */
  until: string;
  language: Language;
  limit: number;
}

export interface PlannedReminder {
  cardId: string;
  validUntil: string;
  email: string;
  language: Language;
  printedNumber: string;
  holderName: string;
}

const DUE = `
  FROM cards c JOIN holders h ON h.id = c.holder_id
  WHERE c.state = 'active' AND c.valid_until >= ? AND c.valid_until <= ? AND h.email IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM expiry_reminders r WHERE r.card_id = c.id AND r.valid_until = c.valid_until)`;

/** Whether any reminder is due: a round writes nothing (not even an audit event) when none is. */
export const REMINDER_DUE = `SELECT 1 ${DUE} LIMIT 1`;

export const planExpiryReminders = defineOperation<ReminderRound, number>(
  'card.planExpiryReminders',
  ({ db, now }, p) => {
    const due = db
      .prepare(`SELECT c.id, c.valid_until AS validUntil, h.email ${DUE} ORDER BY c.valid_until LIMIT ?`)
      .all(p.today, p.until, p.limit) as { id: string; validUntil: string; email: string }[];
    const insert = db.prepare(
      'INSERT INTO expiry_reminders (card_id, valid_until, email, language, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const card of due) insert.run(card.id, card.validUntil, card.email, p.language, now);
    return {
      result: due.length,
      recordType: 'cards',
      recordId: p.today,
      audit: { until: p.until, count: due.length },
    };
  },
);

/** Reminders not yet sent (new, or failed fewer than three times), with what the mail needs. */
export const UNSENT_REMINDERS = `
  SELECT r.card_id AS cardId, r.valid_until AS validUntil, r.email, r.language, c.printed_number AS printedNumber,
         h.given_name || ' ' || h.family_name AS holderName
  FROM expiry_reminders r JOIN cards c ON c.id = r.card_id JOIN holders h ON h.id = c.holder_id
  WHERE r.sent_at IS NULL AND r.send_attempts < 3 ORDER BY r.valid_until LIMIT ?`;
