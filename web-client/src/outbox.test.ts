import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from './api';
import { isOnline, resetConnectivity, watchConnectivity } from './connectivity';
import { checkIns, completions, flushOutbox, sendWhenReachable, submitCheckIn, submitCompletion } from './outbox';

const auth = vi.hoisted(() => ({ user: null as null | { profile: { sub: string } }, listeners: new Set<() => void>() }));
vi.mock('./auth', () => ({
  currentUser: () => auth.user,
  onAuthChange: (listener: () => void) => {
    auth.listeners.add(listener);
    return () => auth.listeners.delete(listener);
  },
}));

function signIn(sub: string): void {
  auth.user = { profile: { sub } };
  auth.listeners.forEach((listener) => listener());
}

/** Lets a flush that was started run to its end: IndexedDB (fake-indexeddb) answers on setImmediate, never faked here. */
async function settled(): Promise<void> {
  // Node's own setImmediate: the app's tsconfig has the DOM's types only
  const { setImmediate } = globalThis as unknown as { setImmediate(callback: () => void): void };
  for (let turn = 0; turn < 100; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('outbox', () => {
  beforeEach(async () => {
    configureApi('', { token: async () => 't', renew: async () => null });
    for (const c of await completions.pending()) await completions.remove(c.sessionId);
    for (const c of await checkIns.pending()) await checkIns.remove(c.idempotencyKey);
  });
  afterEach(() => {
    auth.user = null;
    auth.listeners.clear();
    resetConnectivity(true);
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('keeps a check-in made offline and sends it once, with its Idempotency-Key, when back online', async () => {
    const keys: (string | null)[] = [];
    let online = false;
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      if (!online) throw new TypeError('Failed to fetch');
      keys.push(request.headers.get('Idempotency-Key'));
      return answer(201, { pain: 4 });
    }));
    expect(await submitCheckIn(4, 'check-1')).toEqual({ outcome: 'waiting' });
    expect(await checkIns.pending()).toHaveLength(1);
    online = true;
    expect(await flushOutbox()).toBe(1);
    expect(await flushOutbox()).toBe(0);
    expect(keys).toEqual(['check-1']);
  });

  it('shows a check-in the server refused for good, with its violations, and does not keep it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(400, { title: 'Invalid', violations: [{ field: 'pain', message: 'must be at most 10' }] })));
    const result = await submitCheckIn(11, 'check-2');
    expect(result.outcome).toBe('rejected');
    expect(result.outcome === 'rejected' && (result.problem as { forField(f: string): string }).forField('pain')).toBe('must be at most 10');
    expect(await checkIns.pending()).toEqual([]);
  });

  it('tries a completion again by itself once a long Retry-After has passed, and it arrives once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const keys: (string | null)[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      keys.push(request.headers.get('Idempotency-Key'));
      return keys.length === 1
        ? answer(503, { title: 'Unavailable' }, { 'Retry-After': '20' })
        : answer(201, { sessionId: 's-1', decision: 'HOLD' });
    }));
    const body = { painBefore: 3, painAfter: 2, exertion: 5, exercises: [] };
    expect(await submitCompletion({ sessionId: 's-1', idempotencyKey: 'done-1', body, queuedAt: new Date().toISOString() })).toEqual({ outcome: 'waiting' });
    await vi.advanceTimersByTimeAsync(19_000);
    expect(keys).toEqual(['done-1']);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () => expect(await completions.pending()).toEqual([]));
    expect(keys).toEqual(['done-1', 'done-1']);
  });

  it('gives the screen the server answer when the completion is sent at once', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(201, { sessionId: 's-2', decision: 'PROGRESS', reason: 'Easy enough' })));
    const result = await submitCompletion({ sessionId: 's-2', idempotencyKey: 'done-2', body: {}, queuedAt: new Date().toISOString() });
    expect(result).toEqual({ outcome: 'sent', value: { sessionId: 's-2', decision: 'PROGRESS', reason: 'Easy enough' } });
  });

  it('sends a check-in that met no network once the gateway answers the probe again, and only then', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.stubGlobal('addEventListener', vi.fn());
    signIn('me');
    const stop = sendWhenReachable();
    let reachable = false;
    const sent: (string | null)[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: Request | string) => {
      if (!reachable) throw new TypeError('Failed to fetch');
      if (typeof input === 'string') return new Response(null, { status: 200 }); // the probe
      sent.push(input.headers.get('Idempotency-Key'));
      return answer(201, { pain: 4 });
    }));
    watchConnectivity('/api/v1/phases');
    expect(await submitCheckIn(4, 'check-3')).toEqual({ outcome: 'waiting' });
    expect(isOnline()).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual([]);
    expect(await checkIns.pending()).toHaveLength(1);
    reachable = true;
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(async () => expect(await checkIns.pending()).toEqual([]));
    expect(sent).toEqual(['check-3']);
    stop();
  });

  it('does not send on reconnection while nobody is signed in (every entry would only meet a 401), then sends on signing in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.stubGlobal('addEventListener', vi.fn());
    const stop = sendWhenReachable();
    let reachable = false;
    const sent: (string | null)[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: Request | string) => {
      if (!reachable) throw new TypeError('Failed to fetch');
      if (typeof input !== 'string') sent.push(input.headers.get('Idempotency-Key'));
      return new Response(null, { status: 200 });
    }));
    watchConnectivity('/api/v1/phases');
    expect(await submitCheckIn(4, 'check-4')).toEqual({ outcome: 'waiting' });
    reachable = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(isOnline()).toBe(true);
    await settled();
    expect(sent).toEqual([]);
    expect(await checkIns.pending()).toHaveLength(1);
    signIn('me');
    await vi.waitFor(async () => expect(await checkIns.pending()).toEqual([]));
    expect(sent).toEqual(['check-4']);
    stop();
  });

  it('sends what met a 401 as soon as the token is renewed, though the gateway was reachable all along', async () => {
    vi.stubGlobal('addEventListener', vi.fn());
    signIn('me');
    const stop = sendWhenReachable();
    let tokenValid = false;
    const sent: (string | null)[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      if (!tokenValid) return answer(401, { title: 'Unauthorized' });
      sent.push(request.headers.get('Idempotency-Key'));
      return answer(201, { pain: 3 });
    }));
    expect(await submitCheckIn(3, 'check-5')).toEqual({ outcome: 'waiting' });
    expect(isOnline()).toBe(true);
    tokenValid = true;
    signIn('me'); // the renewal's new user
    await vi.waitFor(async () => expect(await checkIns.pending()).toEqual([]));
    expect(sent).toEqual(['check-5']);
    stop();
  });
});
