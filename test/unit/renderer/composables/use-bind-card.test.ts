import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../src-shared/api/result';
import { setDeskClient } from '../../../../src-renderer/client/api';
import { bindErrorKey, useBindCard } from '../../../../src-renderer/composables/use-bind-card';
import { i18n } from '../../../../src-renderer/i18n';
import { LANGUAGES } from '../../../../src-shared/domain/languages';
import { usePresentationStore } from '../../../../src-renderer/stores/presentation';
import { fakeDeskClient, type FakeDesk } from '../fake-desk-client';
import { card, HOLDER, holderDetail, unknownTap } from '../../../harness/presented-events';

import type * as SoundCues from '../../../../src-renderer/readers/sound-cues';

vi.mock('../../../../src-renderer/readers/sound-cues', async (original) => ({
  ...(await original<typeof SoundCues>()),
  playCue: vi.fn(),
}));

const NEW_CARD = card({
  id: '0190a0b0-0000-7000-8000-0000000000c2',
  printedNumber: 'NB-2002',
  state: 'ready',
});
const ACTIVE = card({ id: '0190a0b0-0000-7000-8000-0000000000c3', printedNumber: 'NB-3003' });
const BLOCKED = card({
  id: '0190a0b0-0000-7000-8000-0000000000c4',
  printedNumber: 'NB-4004',
  state: 'blocked',
});
const MOBILE = card({
  id: '0190a0b0-0000-7000-8000-0000000000c5',
  kind: 'mobile_id',
  printedNumber: 'M-5005',
});

let desk: FakeDesk;

function start(cards = [NEW_CARD, BLOCKED, MOBILE]) {
  const tap = unknownTap('04A2B3C4D5E6F7');
  desk.handlers['holders.get'] = ({ id }) =>
    id === HOLDER.id ? ok(holderDetail(cards)) : fail('not_found', 'No.');
  const presentation = usePresentationStore();
  presentation.present(tap);
  const bind = useBindCard(() => tap.credential);
  return { tap, presentation, bind };
}

beforeEach(() => {
  setActivePinia(createPinia());
  desk = fakeDeskClient();
  setDeskClient(desk.client);
});
afterEach(() => setDeskClient(null));

describe('binding an unknown card', () => {
  it('starts by finding the holder, then offers the holder’s physical cards', async () => {
    const { bind } = start();
    expect(bind.step.value).toBe('holder');
    await bind.chooseHolder(HOLDER.id);
    expect(bind.step.value).toBe('card');
    expect(bind.cards.value.map((c) => [c.card.printedNumber, c.isBindable])).toEqual([
      ['NB-2002', true],
      ['NB-4004', false],
    ]);
    // The one card that can take the chip is chosen already.
    expect(bind.selectedCard.value?.id).toBe(NEW_CARD.id);
  });

  it('lets the operator choose when several cards could take the chip, and never a blocked one', async () => {
    const { bind } = start([NEW_CARD, ACTIVE, BLOCKED]);
    await bind.chooseHolder(HOLDER.id);
    expect(bind.selectedCard.value).toBeNull();
    bind.selectedCardId.value = BLOCKED.id;
    expect(bind.selectedCard.value).toBeNull();
    expect(await bind.bind()).toBeNull();
    expect(desk.callsOf('cards.bindCredential')).toEqual([]);
    bind.selectedCardId.value = ACTIVE.id;
    expect(bind.selectedCard.value?.id).toBe(ACTIVE.id);
  });

  it('binds the tapped credential and shows the card as presented', async () => {
    const { bind, presentation } = start();
    const bound = { ...NEW_CARD, state: 'active' as const };
    desk.handlers['cards.bindCredential'] = () => ok(bound);
    await bind.chooseHolder(HOLDER.id);
    expect(await bind.bind()).toEqual(bound);
    expect(desk.callsOf('cards.bindCredential')).toEqual([
      { cardId: NEW_CARD.id, technology: 'iso14443a_uid', hex: '04A2B3C4D5E6F7' },
    ]);
    expect(presentation.current).toMatchObject({
      status: 'active',
      holder: { id: HOLDER.id, givenName: 'Karin', familyName: 'Lindqvist' },
      card: { printedNumber: 'NB-2002' },
    });
    expect(presentation.current?.holder).not.toHaveProperty('cards');
  });

  it('keeps a refusal for the dialog and leaves the unknown card on screen', async () => {
    const { bind, presentation, tap } = start();
    desk.handlers['cards.bindCredential'] = () =>
      fail('conflict', 'This chip is already bound to another card.');
    await bind.chooseHolder(HOLDER.id);
    expect(await bind.bind()).toBeNull();
    expect(bind.error.value).toEqual({
      code: 'conflict',
      message: 'This chip is already bound to another card.',
    });
    expect(presentation.current?.id).toBe(tap.id);
    expect(bind.isBusy.value).toBe(false);
  });

  it.each([
    [
      fail('conflict', 'This chip is already bound to another card.', [{ path: 'hex', message: 'x' }]),
      'bind.error.chipBound',
    ],
    [
      fail('conflict', 'A mobile ID has no chip to bind.', [{ path: 'cardId', message: 'x' }]),
      'bind.error.cardTakesNoChip',
    ],
    [fail('conflict', 'Something else.'), 'bind.error.conflict'],
    [fail('not_found', 'No such card.'), 'bind.error.not_found'],
    [fail('internal', 'Boom.'), 'errors.internal'],
  ])('words a refusal by its code and refused field, never by the English (%#)', (result, key) => {
    expect(bindErrorKey(result.error, (k) => i18n.global.te(k, 'en'))).toBe(key);
    for (const language of LANGUAGES) expect(i18n.global.te(key, language), language).toBe(true);
  });

  it('reports a holder that cannot be read, and goes back to the search', async () => {
    const { bind } = start();
    await bind.chooseHolder('0190a0b0-0000-7000-8000-0000000000ff');
    expect(bind.error.value?.code).toBe('not_found');
    expect(bind.step.value).toBe('holder');
    await bind.chooseHolder(HOLDER.id);
    expect(bind.error.value).toBeNull();
    bind.chooseOtherHolder();
    expect(bind.step.value).toBe('holder');
    expect(bind.selectedCardId.value).toBeNull();
  });
});
