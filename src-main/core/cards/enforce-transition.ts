// The core's side of the lifecycle table: a refused transition becomes a DomainError whose code and
// params the screens translate, and nothing of the operation is written.
import {
  decideTransition,
  type TransitionRefusal,
  type TransitionRequest,
} from '../../../src-shared/domain/card-lifecycle';
import type { CardState } from '../../../src-shared/domain/card-states';
import { DomainError } from '../ops/domain-error';

const MESSAGES: Record<TransitionRefusal['code'], string> = {
  forbidden: 'Your role may not do this to a card.',
  already_in_state: 'The card has already moved past this step.',
  not_yet: 'The card has not reached this step yet.',
  not_for_kind: 'This kind of card has no such step.',
  never_activated: 'This card never reached its holder: terminate it instead of blocking it.',
  own_order: 'Another card administrator must decide an order you placed.',
  note_required: 'A reason is required.',
  block_reason_required: 'Choose a block reason.',
  block_reason_not_allowed: 'Your role may not block a card for this reason.',
  face_check_required: 'Confirm that the face matches the photo first.',
};

/** The state after `request`, or a DomainError saying why not. */
export function enforceTransition(request: TransitionRequest): CardState {
  const decision = decideTransition(request);
  if (decision.ok) return decision.to;
  const { code, params } = decision.refusal;
  const detail = 'state' in params ? ` (${String(params.state)})` : '';
  throw new DomainError(code, `${MESSAGES[code]}${detail}`, undefined, params as Record<string, string>);
}
