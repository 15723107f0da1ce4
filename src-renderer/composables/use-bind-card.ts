// "Bind this card": an unknown chip was tapped; reception finds the holder, picks the holder's card
// that the chip belongs to, and binds it. The core refuses cards that can no longer take a chip and
// chips already bound elsewhere (`conflict`); the dialog shows why.
import { computed, ref, shallowRef } from 'vue';
import type { CardPresented } from '../../src-shared/api/readers';
import type { ApiError } from '../../src-shared/api/result';
import type { Card, HolderDetail, HolderSummary } from '../../src-shared/api/schemas';
import { call } from '../client/api';
import type { ChipReplacement } from '../../src-shared/domain/chip-replacement';
import { isBindable } from '../../src-shared/domain/card-binding';
import { deskToday } from '../readers/presented-status';
import { useHoldersStore } from '../stores/holders';
import { usePresentationStore } from '../stores/presentation';

export type TappedCredential = NonNullable<CardPresented['credential']>;

export function summaryOf(holder: HolderDetail): HolderSummary {
  const { id, givenName, familyName, employerName, identityNumber, birthDate, cardNumbers, hasPhoto } =
    holder;
  return { id, givenName, familyName, employerName, identityNumber, birthDate, cardNumbers, hasPhoto };
}

/**
 * The dialog's words for a refusal: the dialog's own where it has some, else the general ones. For a
 * conflict the core names the refused field (the card takes no chip, or the chip is bound already);
 * its English message is for logs, never for the screen.
 */
export function bindErrorKey(error: ApiError, hasKey: (key: string) => boolean): string {
  if (error.code === 'conflict') {
    const field = error.issues?.[0]?.path;
    if (field === 'hex') return 'bind.error.chipBound';
    if (field === 'cardId') return 'bind.error.cardTakesNoChip';
  }
  const own = `bind.error.${error.code}`;
  return hasKey(own) ? own : `errors.${error.code}`;
}

export function useBindCard(credential: () => TappedCredential | null) {
  const holders = useHoldersStore();
  const presentation = usePresentationStore();
  const holder = shallowRef<HolderDetail | null>(null);
  const selectedCardId = ref<string | null>(null);
  const error = ref<ApiError | null>(null);
  const isBusy = ref(false);
  const today = deskToday();

  const cards = computed(() =>
    (holder.value?.cards ?? [])
      .filter((card) => card.kind !== 'mobile_id')
      .map((card) => ({ card, isBindable: isBindable(card, today) })),
  );
  const bindableCards = computed(() => cards.value.filter((c) => c.isBindable).map((c) => c.card));
  const selectedCard = computed(() => bindableCards.value.find((c) => c.id === selectedCardId.value) ?? null);
  const step = computed(() => (holder.value === null ? 'holder' : 'card'));

  async function chooseHolder(id: string): Promise<void> {
    error.value = null;
    isBusy.value = true;
    const result = await holders.get(id);
    isBusy.value = false;
    if (!result.ok) {
      error.value = result.error;
      return;
    }
    holder.value = result.value;
    const [only] = bindableCards.value;
    selectedCardId.value = bindableCards.value.length === 1 && only ? only.id : null;
  }

  function chooseOtherHolder(): void {
    holder.value = null;
    selectedCardId.value = null;
    error.value = null;
  }

  /** Binds the tapped chip to the selected card; on success the idle screen shows that card. */
  async function bind(replacement?: ChipReplacement): Promise<Card | null> {
    const chip = credential();
    const card = selectedCard.value;
    if (!chip || !card || !holder.value || isBusy.value) return null;
    error.value = null;
    isBusy.value = true;
    const result = await call('cards.bindCredential', {
      cardId: card.id,
      technology: chip.technology,
      hex: chip.hex,
      ...(replacement ? { replacement } : {}),
    });
    isBusy.value = false;
    if (!result.ok) {
      error.value = result.error;
      return null;
    }
    presentation.showBound(result.value, summaryOf(holder.value));
    return result.value;
  }

  function reset(): void {
    chooseOtherHolder();
    isBusy.value = false;
  }

  return {
    holder,
    cards,
    bindableCards,
    selectedCardId,
    selectedCard,
    step,
    error,
    isBusy,
    chooseHolder,
    chooseOtherHolder,
    bind,
    reset,
  };
}
