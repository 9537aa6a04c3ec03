/**
 * Whether the gateway can be reached: the app's one notion of "online". `navigator.onLine` only knows whether the
 * device has a network, and stays true on one that leads nowhere (a captive portal, a Wi-Fi without internet, a
 * browser whose network its test tooling switched off); the app would then ask a person whose token is gone to sign
 * in, instead of offering the program this device keeps. So a request that fails for want of a network also counts
 * as offline, any answer counts as online, and while offline the gateway is asked again every few seconds.
 */
export const PROBE_SECONDS = 5;

let reachable = typeof navigator === 'undefined' ? true : navigator.onLine;
let probeUrl: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

export function isOnline(): boolean {
  return reachable;
}

/** Called on every change of {@link isOnline}; returns the unsubscribe function. */
export function onConnectivityChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(value: boolean): void {
  if (!value) scheduleProbe();
  if (value === reachable) return;
  reachable = value;
  listeners.forEach((listener) => listener());
}

/** A request got an answer, whatever its status: the gateway is reachable. */
export function reportAnswer(): void {
  set(true);
}

/** A request failed for want of a network. */
export function reportNetworkFailure(): void {
  set(false);
}

/** Asks the gateway itself: a HEAD of a public route, which the service worker never answers from its cache. */
export async function probe(): Promise<boolean> {
  if (probeUrl === null) return reachable;
  try {
    await fetch(probeUrl, { method: 'HEAD', cache: 'no-store' });
    set(true);
  } catch {
    set(false);
  }
  return reachable;
}

function scheduleProbe(): void {
  if (timer !== undefined || probeUrl === null) return;
  timer = setTimeout(() => {
    timer = undefined;
    void probe();
  }, PROBE_SECONDS * 1000);
}

/** Starts watching: the browser's own events, and a probe now, as the app may start offline with onLine true. */
export function watchConnectivity(url: string): void {
  probeUrl = url;
  addEventListener('online', () => void probe());
  addEventListener('offline', () => set(false));
  void probe();
}

/** For the unit tests: back to the state of a fresh page. */
export function resetConnectivity(online: boolean): void {
  reachable = online;
  probeUrl = null;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  listeners.clear();
}
