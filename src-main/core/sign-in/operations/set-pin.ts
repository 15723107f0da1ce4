import { defineOperation } from '../../ops/operations';

/** The PIN for card and PIN, hashed like a password (auth/password-hash.ts). */
export const setPin = defineOperation<{ operatorId: string; pinHash: string }, void>(
  'operator.pinSet',
  ({ db, now }, p) => {
    const replaced =
      (
        db.prepare('SELECT pin_hash FROM operators WHERE id = ?').get(p.operatorId) as {
          pin_hash: string | null;
        }
      ).pin_hash !== null;
    db.prepare('UPDATE operators SET pin_hash = ?, pin_set_at = ?, updated_at = ? WHERE id = ?').run(
      p.pinHash,
      now,
      now,
      p.operatorId,
    );
    return { result: undefined, recordType: 'operator', recordId: p.operatorId, audit: { replaced } };
  },
);
