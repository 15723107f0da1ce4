// Binding a chip to a card, as a step inside an operation (a plain binding, a hand-over): the chip is
// found by a tap in any reader format afterwards. A card that already has a working chip gets a new one
// only as a replacement with a reason; the old chip is retired in the same step (kept for the history,
// its match keys removed), so a tap of it finds nothing.
import type { CredentialTechnology } from '../../../src-shared/credentials/credential';
import { matchKeys } from '../../../src-shared/credentials/matching';
import { isChipReplacementComplete, type ChipReplacement } from '../../../src-shared/domain/chip-replacement';
import { DomainError } from '../ops/domain-error';
import type { OperationScope } from '../ops/operations';

export interface Chip {
  technology: CredentialTechnology;
  bytes: Uint8Array;
}

export interface AttachedChip {
  credentialId: string;
  hex: string;
  /** The chips this one replaced, now retired. */
  retired: { id: string; hex: string }[];
}

export function attachChip(
  { db, now, newId }: OperationScope,
  cardId: string,
  chip: Chip,
  replacement: ChipReplacement | null,
): AttachedChip {
  const bytes = Buffer.from(chip.bytes);
  const existing = db
    .prepare('SELECT card_id FROM credentials WHERE technology = ? AND bytes = ?')
    .get(chip.technology, bytes) as { card_id: string } | undefined;
  if (existing) {
    throw new DomainError(
      'conflict',
      existing.card_id === cardId
        ? 'This chip is already bound to this card.'
        : 'This chip is already bound to another card.',
      [{ path: 'hex', message: 'Already bound.' }],
    );
  }
  const working = db
    .prepare('SELECT id, bytes FROM credentials WHERE card_id = ? AND retired_at IS NULL')
    .all(cardId) as { id: string; bytes: Buffer }[];
  if (working.length > 0) {
    if (!replacement) {
      throw new DomainError(
        'chip_replacement_required',
        'This card already has a working chip: binding another replaces it, with a reason.',
        [{ path: 'replacement', message: 'Say why the chip is replaced.' }],
        { chips: working.length },
      );
    }
    if (!isChipReplacementComplete(replacement)) {
      throw new DomainError('note_required', 'Say what happened to the old chip.', [
        { path: 'replacement.note', message: 'Required for another reason.' },
      ]);
    }
    const retire = db.prepare('UPDATE credentials SET retired_at = ?, retired_reason = ? WHERE id = ?');
    const forget = db.prepare('DELETE FROM credential_keys WHERE credential_id = ?');
    for (const old of working) {
      retire.run(now, replacement.reason, old.id);
      forget.run(old.id);
    }
  }

  const credentialId = newId();
  db.prepare('INSERT INTO credentials (id, card_id, technology, bytes, bound_at) VALUES (?, ?, ?, ?, ?)').run(
    credentialId,
    cardId,
    chip.technology,
    bytes,
    now,
  );
  const insertKey = db.prepare('INSERT OR IGNORE INTO credential_keys (key, credential_id) VALUES (?, ?)');
  for (const key of matchKeys({ technology: chip.technology, bytes: chip.bytes }))
    insertKey.run(key, credentialId);
  return {
    credentialId,
    hex: bytes.toString('hex').toUpperCase(),
    retired: working.map((old) => ({ id: old.id, hex: old.bytes.toString('hex').toUpperCase() })),
  };
}
