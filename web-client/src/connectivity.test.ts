import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureApi, NetworkError, send } from './api';
import { isOnline, onConnectivityChange, PROBE_SECONDS, probe, resetConnectivity, watchConnectivity } from './connectivity';

describe('connectivity', () => {
  beforeEach(() => {
    resetConnectivity(true);
    vi.stubGlobal('addEventListener', vi.fn());
    configureApi('', { token: async () => null, renew: async () => null });
  });
  afterEach(() => {
    resetConnectivity(true);
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('starts offline when the gateway cannot be reached, even though the browser says it is online', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    watchConnectivity('/api/v1/phases');
    await vi.waitFor(() => expect(isOnline()).toBe(false));
  });

  it('a request that fails for want of a network makes the app offline, any answer online again', async () => {
    const changes: boolean[] = [];
    onConnectivityChange(() => changes.push(isOnline()));
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    await expect(send('/phases')).rejects.toBeInstanceOf(NetworkError);
    expect(isOnline()).toBe(false);
    // any answer: an error status is the gateway answering too
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } })));
    await send('/phases').catch(() => undefined);
    expect(isOnline()).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('while offline, asks the gateway again every few seconds until it answers', async () => {
    vi.useFakeTimers();
    let reachable = false;
    const probes = vi.fn(async () => {
      if (!reachable) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 200 });
    });
    vi.stubGlobal('fetch', probes);
    watchConnectivity('/api/v1/phases');
    await vi.advanceTimersByTimeAsync(0);
    expect(isOnline()).toBe(false);
    await vi.advanceTimersByTimeAsync(PROBE_SECONDS * 1000);
    expect(probes).toHaveBeenCalledTimes(2);
    expect(isOnline()).toBe(false);
    reachable = true;
    await vi.advanceTimersByTimeAsync(PROBE_SECONDS * 1000);
    expect(isOnline()).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * PROBE_SECONDS * 1000);
    expect(probes).toHaveBeenCalledTimes(3); // online: no more probes
  });

  it('without a gateway to ask, a probe changes nothing', async () => {
    expect(await probe()).toBe(true);
  });
});
