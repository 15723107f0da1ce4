// The card last presented to any reader of this desk, for the idle screen. Each tap is shown once
// (the event id: a wedge read comes back both as the method's answer and as the event), the answer is
// heard as a sound cue, and the screen returns to "Present a card" after a minute, on Escape or when
// the operator starts a new search, so the last person's details do not linger at the desk.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { CardPresented } from '../../src-shared/api/readers';
import type { ApiError } from '../../src-shared/api/result';
import type { Card, HolderSummary } from '../../src-shared/api/schemas';
import { call, onDeskEvent } from '../client/api';
import { cardStatus } from '../../src-shared/domain/card-status';
import { deskToday } from '../readers/presented-status';
import { cueFor, isMutedPreference, playCue, rememberMuted } from '../readers/sound-cues';

export const PRESENTATION_CLEAR_MS = 60_000;
/** Event ids remembered to drop a second copy of a tap; the copies arrive milliseconds apart. */
const SEEN_LIMIT = 100;

export const usePresentationStore = defineStore('presentation', () => {
  const current = shallowRef<CardPresented | null>(null);
  const isMuted = ref(isMutedPreference());
  const seen = new Set<string>();
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  let stopListening: (() => void) | undefined;

  function remember(id: string): boolean {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value ?? '');
    return true;
  }

  function show(event: CardPresented): void {
    clearTimeout(clearTimer);
    current.value = event;
    clearTimer = setTimeout(clear, PRESENTATION_CLEAR_MS);
  }

  /** Shows a tap unless it was shown already; returns whether it was new. */
  function present(event: CardPresented): boolean {
    if (!remember(event.id)) return false;
    show(event);
    if (!isMuted.value) playCue(cueFor(event.status));
    return true;
  }

  function clear(): void {
    clearTimeout(clearTimer);
    clearTimer = undefined;
    current.value = null;
  }

  /** After the operator bound the tapped chip to a card: show that card as the tap now reads. */
  function showBound(card: Card, holder: HolderSummary): void {
    const tap = current.value;
    if (!tap) return;
    const { status, reason } = cardStatus(card, deskToday());
    const event: CardPresented = { ...tap, id: `${tap.id}:bound`, status, reason, card, holder };
    remember(event.id);
    show(event);
  }

  /**
   * After an action on a card reached from a tap or a hand-over: the card as a tap of it reads now
   * (a hand-over shows green, a block red with its reason), whether or not a tap is on screen.
   */
  function showHandedOver(card: Card, holder: HolderSummary): void {
    const tap = current.value;
    const { status, reason } = cardStatus(card, deskToday());
    const base: CardPresented = tap ?? {
      id: `card:${card.id}`,
      at: new Date().toISOString(),
      readerId: 'desk',
      backend: 'wedge',
      status,
      reason,
      cardType: null,
      credential: null,
      card,
      holder,
      timings: { eventToReadUs: 0, readToMatchUs: 0 },
      sentAtMs: Date.now(),
    };
    const event: CardPresented = { ...base, id: `${base.id}:${card.state}`, status, reason, card, holder };
    remember(event.id);
    show(event);
  }

  /** A keyboard-wedge reader's burst: the core reads it like any tap and answers with the result. */
  async function readWedge(text: string): Promise<ApiError | null> {
    const result = await call('readers.wedgeRead', { text });
    if (!result.ok) return result.error;
    present(result.value);
    return null;
  }

  function setMuted(next: boolean): void {
    isMuted.value = next;
    rememberMuted(next);
  }

  /** Listens for taps; call once the client is set (again after a logout is harmless). */
  function start(): void {
    stopListening ??= onDeskEvent('card.presented', (event) => void present(event));
  }

  /** At logout: nothing about the last holder stays on the screen or in memory. */
  function reset(): void {
    clear();
    seen.clear();
  }

  return { current, isMuted, present, clear, showBound, showHandedOver, readWedge, setMuted, start, reset };
});
