// The transition table of docs/card-lifecycle.md, written from the code's table: the doc's copy must
// equal it, so the page and the rule the desk enforces never drift apart.
import { BLOCK_REASONS_BY_ACTOR, CARD_ACTIONS, TRANSITIONS } from '../../../src-shared/domain/card-lifecycle';

const NEEDS_WORDS: Record<string, string> = {
  note: 'a written reason',
  blockReason: 'a block reason (`other` also needs a note)',
  notOrderer: 'not the orderer (four eyes)',
  faceChecked: 'face compared with the photo',
};

export function transitionTableMarkdown(): string {
  const rows = CARD_ACTIONS.map((action) => {
    const t = TRANSITIONS[action];
    const from = (['physical', 'mobile'] as const)
      .filter((line) => t.from[line])
      .map((line) => `${line}: ${t.from[line]!.map((s) => `\`${s}\``).join(', ')}`)
      .join('<br>');
    const to = t.to === 'previous' ? 'the state before the block' : `\`${t.to}\``;
    const needs = Object.keys(t.needs ?? {})
      .map((n) => NEEDS_WORDS[n] ?? n)
      .join('; ');
    return `| \`${action}\` | ${from} | ${to} | ${t.who.map((w) => `\`${w}\``).join(', ')} | ${needs || '–'} |`;
  });
  return ['| action | from | to | who | needs |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function blockReasonTableMarkdown(): string {
  const rows = Object.entries(BLOCK_REASONS_BY_ACTOR)
    .filter(([, reasons]) => reasons.length > 0)
    .map(([actor, reasons]) => `| \`${actor}\` | ${reasons.map((r) => `\`${r}\``).join(', ')} |`);
  return ['| who | may block for |', '| --- | --- |', ...rows].join('\n');
}
