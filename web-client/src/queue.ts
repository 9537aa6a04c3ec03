import { COMPLETIONS, inStore } from './db';

/**
 * Offline completion queue. A finished session's completion is stored here first (IndexedDB, so it survives a
 * closed tab) with the Idempotency-Key it will always be sent with, then sent; when the device is offline or the
 * server is unavailable it stays and is sent again when the browser is back online. Each entry is removed only after
 * the server answered it, and flushes never overlap, so it reaches the server once per attempt that can succeed;
 * the server's completion is idempotent, so a repeat after a lost answer changes nothing.
 */
export interface QueuedCompletion {
  sessionId: string;
  idempotencyKey: string;
  body: unknown;
  queuedAt: string;
}

export type SendOutcome = 'sent' | 'retry' | 'rejected';

export class CompletionQueue {
  private flushing: Promise<number> | null = null;

  constructor(private readonly factory: IDBFactory = indexedDB) {}

  /** Stores a completion; a second one for the same session replaces the first (same key, same action). */
  async add(entry: QueuedCompletion): Promise<void> {
    await inStore(this.factory, COMPLETIONS, 'readwrite', (store) => store.put(entry));
  }

  async pending(): Promise<QueuedCompletion[]> {
    return (await inStore(this.factory, COMPLETIONS, 'readonly', (store) => store.getAll())) as QueuedCompletion[];
  }

  async remove(sessionId: string): Promise<void> {
    await inStore(this.factory, COMPLETIONS, 'readwrite', (store) => store.delete(sessionId));
  }

  /**
   * Sends every waiting completion, oldest first. 'sent' and 'rejected' (the server answered with a final 4xx)
   * remove the entry; 'retry' (offline, 5xx, 429) keeps it and stops this flush. A flush that is already running is
   * joined, never started twice. Returns how many entries left the queue.
   */
  flush(send: (entry: QueuedCompletion) => Promise<SendOutcome>): Promise<number> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      let done = 0;
      try {
        const entries = (await this.pending()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
        for (const entry of entries) {
          let outcome: SendOutcome;
          try {
            outcome = await send(entry);
          } catch {
            outcome = 'retry';
          }
          if (outcome === 'retry') break;
          await this.remove(entry.sessionId);
          done++;
        }
      } finally {
        this.flushing = null;
      }
      return done;
    })();
    return this.flushing;
  }
}

/** A random idempotency key for one logical action. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
