// Reminder e-mails to holders N days before a card expires (off unless the desk sets N): planned in
// one operation, sent after its commit, each result recorded. Runs with the desk's expiry round.
import type { Language } from '../../../src-shared/domain/languages';
import type { Mailer } from '../mail/mailer';
import type { Clock } from '../ops/context';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { expiryReminderMail } from './expiry-reminder-mail';
import {
  planExpiryReminders,
  REMINDER_DUE,
  UNSENT_REMINDERS,
  type PlannedReminder,
} from './operations/plan-expiry-reminders';
import { recordExpiryReminder } from './operations/record-expiry-reminder';

export interface ExpiryReminderDeps {
  db: Db;
  ops: OperationRunner;
  clock: Clock;
  mailer: Mailer;
  language: Language;
  /** Days before the last valid day; null: no reminders. */
  days: number | null;
}

export function createExpiryReminders(d: ExpiryReminderDeps) {
  const unsent = d.db.prepare(UNSENT_REMINDERS);
  const isDue = d.db.prepare(REMINDER_DUE);
  let isRunning = false;

  /** One round: plans what is due and sends what is unsent; returns how many mails went out. */
  async function run(): Promise<number> {
    if (d.days === null || isRunning) return 0;
    isRunning = true;
    try {
      const now = new Date(d.clock.now());
      const today = now.toISOString().slice(0, 10);
      const until = new Date(now.getTime() + d.days * 86_400_000).toISOString().slice(0, 10);
      if (isDue.get(today, until)) {
        d.ops.run(planExpiryReminders, { today, until, language: d.language, limit: 500 }, null);
      }
      let sent = 0;
      for (const r of unsent.all(500) as PlannedReminder[]) {
        let error: string | null = null;
        try {
          await d.mailer.send(expiryReminderMail({ ...r, to: r.email }));
          sent += 1;
        } catch (cause) {
          error = (cause as { code?: string }).code ?? 'unreachable';
        }
        d.ops.run(recordExpiryReminder, { cardId: r.cardId, validUntil: r.validUntil, error }, null);
      }
      return sent;
    } finally {
      isRunning = false;
    }
  }

  return { run };
}
