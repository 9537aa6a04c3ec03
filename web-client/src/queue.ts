import { COMPLETIONS, CHECKINS, inStore } from './db';

/**
 * The device's outbox: what a person did while the server could not be reached waits here (IndexedDB, so it
 * survives a closed tab) with the Idempotency-Key it will always be sent with, and is sent when the gateway answers
 * again (outbox.ts). Each entry is removed only after the server answered it, and flushes never overlap, so it reaches the
 * server once per attempt that can succeed; the server's writes are idempotent, so a repeat after a lost answer
 * changes nothing. One outbox per kind of write: finished sessions and pain check-ins.
 */
export interface Queued {
  idempotencyKey: string;
  body: unknown;
  queuedAt: string;
  /** Whose it is (the token's subject): never sent with someone else's token on a shared device. */
  owner?: string;
}

export interface QueuedCompletion extends Queued {
  sessionId: string;
}

export type QueuedCheckIn = Queued;

/** 'keep': not this flush's to send (someone else's): kept, and the flush goes on with the next. */
export type SendOutcome = 'sent' | 'retry' | 'rejected' | 'keep';

export class Outbox<E extends Queued> {
  private flushing: Promise<number> | null = null;

  /** `store` keeps the entries under `key` (a second entry with the same key replaces the first). */
  constructor(
    private readonly store: string,
    private readonly key: keyof E & string,
    private readonly factory: IDBFactory = indexedDB,
  ) {}

  async add(entry: E): Promise<void> {
    await inStore(this.factory, this.store, 'readwrite', (store) => store.put(entry));
  }

  /** Every waiting entry, oldest first. */
  async pending(): Promise<E[]> {
    const entries = (await inStore(this.factory, this.store, 'readonly', (store) => store.getAll())) as E[];
    return entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  async remove(key: string): Promise<void> {
    await inStore(this.factory, this.store, 'readwrite', (store) => store.delete(key));
  }

  /**
   * Sends every waiting entry, oldest first. 'sent' and 'rejected' (the server answered with a final 4xx)
   * remove the entry; 'retry' (offline, 5xx, 429) keeps it and stops this flush. A flush that is already running is
   * joined, never started twice. Returns how many entries left the outbox.
   */
  flush(send: (entry: E) => Promise<SendOutcome>): Promise<number> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      let done = 0;
      try {
        for (const entry of await this.pending()) {
          let outcome: SendOutcome;
          try {
            outcome = await send(entry);
          } catch {
            outcome = 'retry';
          }
          if (outcome === 'retry') break;
          if (outcome === 'keep') continue;
          await this.remove(String(entry[this.key]));
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

/** Finished sessions: one per session (finishing it again replaces the waiting one: same key, same action). */
export class CompletionQueue extends Outbox<QueuedCompletion> {
  constructor(factory: IDBFactory = indexedDB) {
    super(COMPLETIONS, 'sessionId', factory);
  }
}

/** Pain check-ins: each one its own entry, under its Idempotency-Key. */
export class CheckInQueue extends Outbox<QueuedCheckIn> {
  constructor(factory: IDBFactory = indexedDB) {
    super(CHECKINS, 'idempotencyKey', factory);
  }
}

/** A random idempotency key for one logical action. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
