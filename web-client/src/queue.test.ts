import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CheckInQueue, CompletionQueue, QueuedCompletion, SendOutcome } from './queue';

function entry(sessionId: string, queuedAt: string): QueuedCompletion {
  return { sessionId, idempotencyKey: `key-${sessionId}`, body: { painBefore: 3 }, queuedAt };
}

describe('CompletionQueue', () => {
  it('keeps a completion while sending fails and sends it once when back online', async () => {
    const queue = new CompletionQueue(new IDBFactory());
    await queue.add(entry('s1', '2025-03-01T10:00:00Z'));
    let online = false;
    const sent: string[] = [];
    const send = async (e: QueuedCompletion): Promise<SendOutcome> => {
      if (!online) throw new TypeError('Failed to fetch');
      sent.push(e.idempotencyKey);
      return 'sent';
    };
    expect(await queue.flush(send)).toBe(0);
    expect(await queue.pending()).toHaveLength(1);
    online = true;
    expect(await queue.flush(send)).toBe(1);
    expect(await queue.flush(send)).toBe(0);
    expect(sent).toEqual(['key-s1']);
    expect(await queue.pending()).toEqual([]);
  });

  it('survives a new queue object over the same database (a reloaded tab)', async () => {
    const factory = new IDBFactory();
    await new CompletionQueue(factory).add(entry('s1', '2025-03-01T10:00:00Z'));
    expect(await new CompletionQueue(factory).pending()).toHaveLength(1);
  });

  it('never runs two flushes at once: concurrent online events send each entry once', async () => {
    const queue = new CompletionQueue(new IDBFactory());
    await queue.add(entry('s1', '2025-03-01T10:00:00Z'));
    await queue.add(entry('s2', '2025-03-01T11:00:00Z'));
    const sent: string[] = [];
    const send = async (e: QueuedCompletion): Promise<SendOutcome> => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(e.sessionId);
      return 'sent';
    };
    const [a, b] = await Promise.all([queue.flush(send), queue.flush(send)]);
    expect(a).toBe(2);
    expect(b).toBe(2);
    expect(sent).toEqual(['s1', 's2']);
  });

  it('stops at the first entry that must wait, keeping the order', async () => {
    const queue = new CompletionQueue(new IDBFactory());
    await queue.add(entry('late', '2025-03-02T10:00:00Z'));
    await queue.add(entry('early', '2025-03-01T10:00:00Z'));
    const seen: string[] = [];
    await queue.flush(async (e) => {
      seen.push(e.sessionId);
      return 'retry';
    });
    expect(seen).toEqual(['early']);
    expect((await queue.pending()).map((e) => e.sessionId).sort()).toEqual(['early', 'late']);
  });

  it('drops an entry the server rejected for good, so it is not resent forever', async () => {
    const queue = new CompletionQueue(new IDBFactory());
    await queue.add(entry('s1', '2025-03-01T10:00:00Z'));
    expect(await queue.flush(async () => 'rejected')).toBe(1);
    expect(await queue.pending()).toEqual([]);
  });

  it('keeps check-ins in their own store, each under its Idempotency-Key', async () => {
    const factory = new IDBFactory();
    const checkIns = new CheckInQueue(factory);
    await checkIns.add({ idempotencyKey: 'a', body: { pain: 2 }, queuedAt: '2025-03-01T08:00:00Z' });
    await checkIns.add({ idempotencyKey: 'b', body: { pain: 3 }, queuedAt: '2025-03-02T08:00:00Z' });
    await new CompletionQueue(factory).add(entry('s1', '2025-03-01T10:00:00Z'));
    const sent: unknown[] = [];
    expect(await checkIns.flush(async (e) => (sent.push(e.body), 'sent'))).toBe(2);
    expect(sent).toEqual([{ pain: 2 }, { pain: 3 }]);
    expect(await new CompletionQueue(factory).pending()).toHaveLength(1);
  });

  it('keeps what the sender leaves for later (someone else\'s) and goes on with the rest', async () => {
    const queue = new CompletionQueue(new IDBFactory());
    await queue.add({ ...entry('theirs', '2025-03-01T10:00:00Z'), owner: 'bob' });
    await queue.add({ ...entry('mine', '2025-03-02T10:00:00Z'), owner: 'alice' });
    const sent: string[] = [];
    expect(await queue.flush(async (e) => (e.owner === 'alice' ? (sent.push(e.sessionId), 'sent') : 'keep'))).toBe(1);
    expect(sent).toEqual(['mine']);
    expect((await queue.pending()).map((e) => e.sessionId)).toEqual(['theirs']);
  });
});
