/**
 * The current program (and the progress last seen) kept on this device, so Today, the plan, the session player and
 * Progress open without a network — also after an offline reload, when the in-memory token is gone. Every read of the program goes through `cached`: an
 * answer is stored (IndexedDB, never the token); when the request cannot reach the server the stored answer is
 * returned instead and `servedOffline` turns true. Server errors (4xx/5xx) are never hidden behind the cache.
 * Signing out forgets it; signing in as someone else replaces it.
 */
import { getCurrentPlan, getExercise, getNextSession, getSession, NetworkError } from './api';
import type { Exercise, PlanView, SessionView } from './types';
import { inStore, PROGRAM } from './db';

const OWNER = 'owner';
let factory: IDBFactory | null = typeof indexedDB === 'undefined' ? null : indexedDB;
const listeners = new Set<() => void>();
let offline = false;

/** For the unit tests (fake-indexeddb). */
export function useFactory(f: IDBFactory): void {
  factory = f;
  offline = false;
}

export function servedOffline(): boolean {
  return offline;
}

export function onServedOfflineChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setOffline(value: boolean) {
  if (offline === value) return;
  offline = value;
  listeners.forEach((l) => l());
}

async function store<T>(key: string, value: T): Promise<void> {
  if (factory) await inStore(factory, PROGRAM, 'readwrite', (s) => s.put(value, key));
}

async function recall<T>(key: string): Promise<T | undefined> {
  return factory ? ((await inStore(factory, PROGRAM, 'readonly', (s) => s.get(key))) as T | undefined) : undefined;
}

/** The answer of `load`, stored under `key`; the stored one when the server cannot be reached. */
export async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    setOffline(false);
    await store(key, value).catch(() => undefined);
    return value;
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    const hit = await recall<T>(key).catch(() => undefined);
    if (hit === undefined) throw e;
    setOffline(true);
    return hit;
  }
}

/** Keeps the cache to one person: called with the signed-in user's id; someone else's program is dropped. */
export async function ownedBy(userId: string): Promise<void> {
  if (!factory) return;
  const owner = await recall<string>(OWNER).catch(() => undefined);
  if (owner !== userId) {
    await forgetProgram();
    await store(OWNER, userId);
  }
}

/** Whose program this device keeps (the token's subject), if any. */
export async function programOwner(): Promise<string | undefined> {
  return factory ? recall<string>(OWNER) : undefined;
}

/** Sign-out: nothing of the person's program stays on the device. */
export async function forgetProgram(): Promise<void> {
  if (factory) await inStore(factory, PROGRAM, 'readwrite', (s) => s.clear());
}

// --- the program's reads, each through the cache ------------------------------------------------------------------

/** The next session; it is also stored under its id (the player opens it) with its exercises' details, and the plan. */
export async function nextSession(): Promise<SessionView> {
  const session = await cached('next', getNextSession);
  if (!offline) void keepForOffline(session);
  return session;
}

export const session = (sessionId: string) => cached(`session:${sessionId}`, () => getSession(sessionId));
export const currentPlan = () => cached<PlanView>('plan', getCurrentPlan);
export const exercise = (id: string) => cached<Exercise>(`exercise:${id}`, () => getExercise(id).then((r) => r.exercise));

async function keepForOffline(next: SessionView): Promise<void> {
  try {
    await store(`session:${next.sessionId}`, next);
    await currentPlan();
    const ids = new Set(next.today.routine?.phases.flatMap((p) => p.exercises.map((e) => e.exerciseId)) ?? []);
    for (const id of ids) if ((await recall(`exercise:${id}`)) === undefined) await exercise(id);
  } catch {
    // best effort: the player still works without the exercises' steps
  }
}
