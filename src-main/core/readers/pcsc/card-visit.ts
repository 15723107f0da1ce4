// The visit: one stay of one card on a PC/SC reader, from insertion to removal. The reader slot turns
// the reader's status notifications into visits; each visit ends in one outcome (read or failed), said
// once, whatever the read chain and the card do meanwhile.
import type { PcscReader } from './pcsc-binding';

export interface CardVisit {
  reader: PcscReader;
  /** The reader's event counter when the card was seen (upper 16 bits of dwEventState). */
  counter: number;
  atr: Uint8Array | undefined;
  isMute: boolean;
  seenAt: bigint;
  phase: 'reading' | 'read' | 'failed';
  hasLeft: boolean;
  /** The binding reader went away (pcscd stopped, reader unplugged, backend stopped): say nothing more. */
  isDetached: boolean;
}
