import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentUser, initAuth, tokenSource } from './auth';
import { reportAnswer, reportNetworkFailure, resetConnectivity } from './connectivity';

describe('auth', () => {
  beforeEach(() => {
    resetConnectivity(true);
    const stored = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
      key: (index: number) => [...stored.keys()][index] ?? null,
      get length() {
        return stored.size;
      },
    });
    vi.stubGlobal('location', { href: 'http://localhost/app/' });
    vi.stubGlobal('addEventListener', vi.fn());
  });
  afterEach(() => {
    resetConnectivity(true);
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('renews a token that ran out while the gateway was unreachable as soon as it answers, without the browser saying online', () => {
    // a signed-in person whose token carries no expiry: as good as expired
    sessionStorage.setItem('backrelief.devToken', 'token');
    initAuth({ apiBase: '', oidc: { authority: 'http://localhost/idp', clientId: 'web' } });
    expect(currentUser()).not.toBeNull();
    const renew = vi.spyOn(tokenSource, 'renew').mockResolvedValue('renewed');
    reportNetworkFailure();
    expect(renew).not.toHaveBeenCalled();
    reportAnswer();
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('does not renew a token that is still good for more than a minute when the gateway answers again', () => {
    sessionStorage.setItem('backrelief.devToken', 'token');
    initAuth({ apiBase: '', oidc: { authority: 'http://localhost/idp', clientId: 'web' } });
    currentUser()!.expires_at = Math.floor(Date.now() / 1000) + 3600;
    const renew = vi.spyOn(tokenSource, 'renew').mockResolvedValue('renewed');
    reportNetworkFailure();
    reportAnswer();
    expect(renew).not.toHaveBeenCalled();
  });
});
