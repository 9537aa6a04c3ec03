import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, NetworkError, completeSession, configureApi, saveProfile, send } from './api';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

describe('api', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('turns problem+json into ApiProblem with the violations per field', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(400, {
      title: 'Invalid request', status: 400, detail: 'minutesPerSession must be at most 90',
      violations: [{ field: 'minutesPerSession', message: 'must be less than or equal to 90' }],
    })));
    configureApi('', { token: async () => null, renew: async () => null });
    const error = await send('/me/profile', { method: 'PUT', body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    // the same through the generated client of the contract
    const typed = await saveProfile({} as never).catch((e) => e);
    expect(typed).toBeInstanceOf(ApiProblem);
    expect(typed.forField('minutesPerSession')).toBe('must be less than or equal to 90');
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.status).toBe(400);
    expect(error.forField('minutesPerSession')).toBe('must be less than or equal to 90');
  });

  it('waits Retry-After on 503 for a read, then gets the answer', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn()
      .mockResolvedValueOnce(answer(503, { title: 'Unavailable' }, { 'Retry-After': '2' }))
      .mockResolvedValueOnce(new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    configureApi('', { token: async () => null, renew: async () => null });
    const pending = send('/exercises');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a POST without an Idempotency-Key on 429, and reports how long to wait', async () => {
    const fetch = vi.fn(async () => answer(429, { title: 'Too many requests' }, { 'Retry-After': '7' }));
    vi.stubGlobal('fetch', fetch);
    configureApi('', { token: async () => null, renew: async () => null });
    const error = await send('/routines/preview', { method: 'POST', body: {} }).catch((e) => e);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error.retryAfterSeconds).toBe(7);
  });

  it('repeats a profile save (PUT replaces: safe to repeat) after Retry-After, with the same body', async () => {
    vi.useFakeTimers();
    const bodies: string[] = [];
    const fetch = vi.fn(async (request: Request) => {
      bodies.push(await request.text());
      return bodies.length === 1 ? answer(429, { title: 'Too many requests' }, { 'Retry-After': '3' }) : new Response('{"level":"BEGINNER"}', { status: 200 });
    });
    vi.stubGlobal('fetch', fetch);
    configureApi('', { token: async () => null, renew: async () => null });
    const pending = saveProfile({ level: 'BEGINNER', minutesPerSession: 25 } as never);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ level: 'BEGINNER' });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
  });

  it('sends the bearer token and the Idempotency-Key, and renews the token once after a 401', async () => {
    const seen: Headers[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      seen.push(request.headers);
      return seen.length === 1 ? answer(401, { title: 'Unauthorized' }) : new Response('{}', { status: 200 });
    }));
    let token = 'old';
    configureApi('', { token: async () => token, renew: async () => (token = 'new') });
    await completeSession('s-1', { painBefore: 3, painAfter: 2, exertion: 5, exercises: [] }, 'k-1');
    expect(seen.map((h) => h.get('Authorization'))).toEqual(['Bearer old', 'Bearer new']);
    expect(seen.map((h) => h.get('Idempotency-Key'))).toEqual(['k-1', 'k-1']);
  });

  it('reports a request that got no answer as a NetworkError (kept for later by the offline queue)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    configureApi('', { token: async () => null, renew: async () => null });
    await expect(send('/me/stats')).rejects.toBeInstanceOf(NetworkError);
  });
});
