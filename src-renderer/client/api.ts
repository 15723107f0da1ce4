// The one desk client the stores talk to. Any `unauthenticated` answer, whichever call got it, means
// the core ended this screen's session: listeners (the session store) return to the login screen.
import type { DeskClient } from '../../src-shared/api/client';
import type { DeskEventName, DeskEventPayload } from '../../src-shared/api/events';
import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/api/methods';
import type { Result } from '../../src-shared/api/result';

let client: DeskClient | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setDeskClient(next: DeskClient | null): void {
  client = next;
}

function current(): DeskClient {
  if (!client) throw new Error('No desk client: setDeskClient() runs before the app mounts.');
  return client;
}

export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  const result = await current().call(method, input);
  if (!result.ok && result.error.code === 'unauthenticated') {
    for (const listener of unauthenticatedListeners) listener();
  }
  return result;
}

export function onDeskEvent<E extends DeskEventName>(
  event: E,
  listener: (payload: DeskEventPayload<E>) => void,
): () => void {
  return current().on(event, listener);
}

export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}
