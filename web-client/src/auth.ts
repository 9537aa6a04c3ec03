/**
 * Sign-in with OpenID Connect: authorization code flow with PKCE (oidc-client-ts), a public client. Tokens live in
 * memory only (never localStorage); the PKCE state for the round trip to the provider lives in sessionStorage for
 * those few seconds. Tokens are renewed silently before they expire with the refresh token (automaticSilentRenew: a
 * minute before), and again after a 401. A renewal that fails for want of a network keeps the person signed in (the
 * refresh token still works; the renewal is retried when the gateway is reachable again, connectivity.ts); only the provider refusing
 * the refresh token signs them out.
 */
import { ErrorResponse, InMemoryWebStorage, User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { isOnline, onConnectivityChange } from './connectivity';

export interface WebConfig {
  apiBase: string;
  oidc: { authority: string; clientId: string; scope?: string };
}

let manager: UserManager | null = null;
let user: User | null = null;
const listeners = new Set<() => void>();

export async function loadConfig(): Promise<WebConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  return response.json();
}

/** `npm run dev` only (removed from the production bundle): sign in with a pasted token, e.g. from ./run.sh token. */
function devSignIn(): void {
  const token = import.meta.env.DEV ? sessionStorage.getItem('backrelief.devToken') : null;
  if (token) user = new User({ access_token: token, token_type: 'Bearer', profile: { sub: 'dev', iss: '', aud: '', exp: 0, iat: 0 } });
}

export function initAuth(config: WebConfig): void {
  const root = new URL('.', location.href).href.split('#')[0].split('?')[0];
  manager = new UserManager({
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    redirect_uri: root,
    post_logout_redirect_uri: root,
    response_type: 'code',
    scope: config.oidc.scope ?? 'openid',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: true,
    loadUserInfo: false,
  });
  manager.events.addUserLoaded((u) => setUser(u));
  manager.events.addUserUnloaded(() => setUser(null));
  manager.events.addSilentRenewError((e) => renewalFailed(e));
  // a renewal may have been missed while offline; the browser's 'online' event never comes on a network that leads
  // nowhere, so this follows the gateway's reachability
  onConnectivityChange(() => {
    if (isOnline() && user && (user.expires_in ?? 0) < 60) void tokenSource.renew();
  });
  devSignIn();
}

/** Signed out only when the provider refused the refresh token; offline or timed out, the person stays signed in. */
function renewalFailed(error: unknown): void {
  if (error instanceof ErrorResponse) setUser(null);
}

function setUser(u: User | null) {
  user = u;
  listeners.forEach((l) => l());
}

/** Finishes a sign-in when the provider sent the browser back here with ?code=…&state=…; returns the page to show. */
export async function completeSignInIfReturning(): Promise<string | null> {
  const params = new URLSearchParams(location.search);
  if (!manager || !params.has('code') || !params.has('state')) return null;
  const signedIn = await manager.signinRedirectCallback();
  setUser(signedIn);
  const target = typeof signedIn.state === 'string' ? signedIn.state : '#/today';
  history.replaceState(null, '', location.pathname + target);
  return target;
}

export function signIn(returnTo = '#/today'): Promise<void> {
  return manager!.signinRedirect({ state: returnTo });
}

export async function signOut(): Promise<void> {
  const idToken = user?.id_token;
  await manager!.removeUser();
  setUser(null);
  try {
    await manager!.signoutRedirect({ id_token_hint: idToken });
  } catch {
    location.hash = '#/';
  }
}

/** The signed-in person, also while their access token waits to be renewed (offline). */
export function currentUser(): User | null {
  return user;
}

export function roles(): string[] {
  const claims = user?.profile as Record<string, unknown> | undefined;
  const fromAccess = accessTokenClaims()?.groups;
  const groups = fromAccess ?? claims?.groups;
  return Array.isArray(groups) ? (groups as string[]) : [];
}

function accessTokenClaims(): Record<string, unknown> | null {
  const token = user?.access_token;
  if (!token) return null;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}

export function onAuthChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let renewing: Promise<string | null> | null = null;

export const tokenSource = {
  async token(): Promise<string | null> {
    return user?.access_token ?? null;
  },
  /** One renewal at a time: requests that met a 401 together wait for the same new token. */
  renew(): Promise<string | null> {
    if (!manager || !user) return Promise.resolve(null);
    renewing ??= manager
      .signinSilent()
      .then(
        (renewed) => {
          setUser(renewed);
          return renewed?.access_token ?? null;
        },
        (e) => {
          renewalFailed(e);
          return null;
        },
      )
      .finally(() => {
        renewing = null;
      });
    return renewing;
  },
};
