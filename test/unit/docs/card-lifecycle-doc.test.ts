import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { blockReasonTableMarkdown, transitionTableMarkdown } from './card-lifecycle-table';

const doc = readFileSync('docs/card-lifecycle.md', 'utf8');

it('docs/card-lifecycle.md prints the transition table the desk enforces', () => {
  expect(doc).toContain(transitionTableMarkdown());
});

it('docs/card-lifecycle.md prints who may block for which reason, as enforced', () => {
  expect(doc).toContain(blockReasonTableMarkdown());
});
