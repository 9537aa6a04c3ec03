import { ApiProblem, NetworkError, completeSession } from './api';
import { CompletionQueue, QueuedCompletion, SendOutcome } from './queue';
import { CompletionRequest, CompletionView } from './types';

export const queue = new CompletionQueue();
const sentListeners = new Set<(view: CompletionView) => void>();

export function onCompletionSent(listener: (view: CompletionView) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

/** One attempt to send a queued completion: 'sent', 'retry' (offline, busy, unavailable, signed out) or 'rejected'. */
export async function sendQueued(entry: QueuedCompletion): Promise<SendOutcome> {
  try {
    const view = await completeSession(entry.sessionId, entry.body as CompletionRequest, entry.idempotencyKey);
    sentListeners.forEach((l) => l(view));
    return 'sent';
  } catch (e) {
    if (e instanceof NetworkError) return 'retry';
    if (e instanceof ApiProblem && (e.status >= 500 || e.status === 429 || e.status === 401 || e.status === 408)) return 'retry';
    return 'rejected';
  }
}

export function flushQueue(): Promise<number> {
  return queue.flush(sendQueued);
}
