// Listens for keyboard-wedge card readers on the whole window. Keys go through the wedge detector
// first (capture phase on window, so no field or shortcut sees a reader's keys); held keys are stopped,
// keys released as a person's are typed into the focused field, and a reader's burst goes to onBurst.
// The rules for what may be held are in src-shared/readers/wedge-detector.ts.

import { getCurrentScope, onScopeDispose } from 'vue';
import {
  createWedgeDetector,
  DEFAULT_WEDGE_CONFIG,
  type WedgeDetectorConfig,
  type WedgeOutcome,
} from '../../src-shared/readers/wedge-detector.js';

export interface UseWedgeReaderOptions {
  onBurst: (text: string) => void;
  config?: Partial<WedgeDetectorConfig>;
  /** Defaults to window. */
  target?: Window;
  /** Same clock as KeyboardEvent.timeStamp; defaults to performance.now. */
  now?: () => number;
}

export interface WedgeReader {
  stop(): void;
}

/** Input types a person types text into; checkboxes, buttons and the like take no text. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

export function isEditableElement(element: EventTarget | null): element is HTMLElement {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLInputElement) {
    return TEXT_INPUT_TYPES.has(element.type) && !element.readOnly && !element.disabled;
  }
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  // A focused select does type-ahead: a person's keys mean something there too.
  if (element instanceof HTMLSelectElement) return !element.disabled;
  return element.isContentEditable;
}

/**
 * Types `text` at the caret of the focused field. execCommand keeps the field's undo history and
 * fires the same beforeinput/input events as typing; where it is missing (happy-dom) or refused, the
 * value is edited directly and an input event dispatched so v-model sees it.
 */
export function insertText(element: Element | null, text: string): void {
  if (text === '' || !isEditableElement(element)) return;
  const document = element.ownerDocument;
  if (typeof document.execCommand === 'function' && document.execCommand('insertText', false, text)) return;
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return;
  try {
    const start = element.selectionStart ?? element.value.length;
    element.setRangeText(text, start, element.selectionEnd ?? start, 'end');
    // Put the caret after the text explicitly: happy-dom moves it to the end of the whole value.
    element.setSelectionRange(start + text.length, start + text.length);
  } catch {
    // Number and email inputs have no selection API.
    element.value += text;
  }
  element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

export function useWedgeReader(options: UseWedgeReaderOptions): WedgeReader {
  const target = options.target ?? window;
  const now = options.now ?? (() => performance.now());
  const maxInterKeyMs = options.config?.maxInterKeyMs ?? DEFAULT_WEDGE_CONFIG.maxInterKeyMs;
  const detector = createWedgeDetector(options.config);
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  function apply(outcome: WedgeOutcome): void {
    if (outcome.released !== '') insertText(target.document.activeElement, outcome.released);
    if (outcome.burst !== undefined) options.onBurst(outcome.burst);
  }

  function scheduleIdle(): void {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
    if (!detector.isHolding) return;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      apply(detector.handleIdle(now()));
      scheduleIdle();
    }, maxInterKeyMs + 1);
  }

  function onKeyDown(event: KeyboardEvent): void {
    const decision = detector.handleKey({
      code: event.code,
      key: event.key,
      timeStamp: event.timeStamp,
      targetIsEditable: isEditableElement(event.target),
      repeat: event.repeat,
      hasCommandModifier: event.ctrlKey || event.altKey || event.metaKey,
    });
    if (decision.hold) {
      event.preventDefault();
      // Also keep it from the page's own key handlers (an Enter shortcut, a field's @keydown.enter).
      event.stopImmediatePropagation();
    }
    apply(decision);
    scheduleIdle();
  }

  target.addEventListener('keydown', onKeyDown, { capture: true });

  function stop(): void {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
    // Nothing a person typed may be lost when the listener goes away.
    if (detector.isHolding) apply(detector.handleIdle(Number.POSITIVE_INFINITY));
  }

  if (getCurrentScope()) onScopeDispose(stop);
  return { stop };
}
