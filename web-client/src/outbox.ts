/**
 * Sending what waits on the device (queue.ts): finished sessions and pain check-ins, each with the Idempotency-Key
 * it was stored with. Which answers mean "try again later" and when: no network → when the gateway answers again
 * (connectivity.ts; {@link sendWhenReachable});
 * 429/503/5xx → by itself after the server's Retry-After (or 30 s without one); 401 (signed out) → after signing in
 * or a renewed token;
 * any other 4xx is final and shown to the person.
 */
import { ApiProblem, NetworkError, checkIn, completeSession } from './api';
import { currentUser, onAuthChange } from './auth';
import { isOnline, onConnectivityChange } from './connectivity';
import { programOwner } from './offlineProgram';
import { CheckInQueue, CompletionQueue, Outbox, Queued, QueuedCheckIn, QueuedCompletion, SendOutcome } from './queue';
import { checkInBody, CheckInBody, checkInSessionId, checkInToSend, withoutAnsweredAt } from './checkIn';
import type { CompletionRequest, CompletionView, PlanView } from './types';

export const completions = new CompletionQueue();
export const checkIns = new CheckInQueue();

const RETRY_WITHOUT_HINT_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 300;
let retryAt = Infinity;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** Flushes the outbox again once `seconds` have passed; an earlier request wins over a later one. */
function retryAfter(seconds: number): void {
  const at = Date.now() + Math.min(Math.max(seconds, 1), LONGEST_WAIT_SECONDS) * 1000;
  if (at >= retryAt) return;
  clearTimeout(retryTimer);
  retryAt = at;
  retryTimer = setTimeout(() => {
    retryAt = Infinity;
    void flushOutbox();
  }, at - Date.now());
}

/** What one failed attempt means for the waiting entry. */
export function outcomeOf(error: unknown): SendOutcome {
  // the gateway is unreachable: connectivity.ts asks it again every few seconds, and sendWhenReachable sends
  if (error instanceof NetworkError) return 'retry';
  if (error instanceof ApiProblem) {
    if (error.status === 401) return 'retry';
    if (error.status === 429 || error.status === 408 || error.status >= 500) {
      retryAfter(error.retryAfterSeconds ?? RETRY_WITHOUT_HINT_SECONDS);
      return 'retry';
    }
  }
  return 'rejected';
}

/** The server's answer to an entry, by its Idempotency-Key, for the screen that is waiting for it. */
const answers = new Map<string, { value: unknown } | { problem: unknown } | { waiting: true }>();

/** An entry stored for another person who signed in on this device (unknown owner or no sign-in: it may be ours). */
function someoneElses(entry: Queued): boolean {
  const me = currentUser()?.profile.sub;
  return !!entry.owner && !!me && entry.owner !== me;
}

function sender<E extends Queued>(send: (entry: E) => Promise<unknown>): (entry: E) => Promise<SendOutcome> {
  return async (entry) => {
    if (someoneElses(entry)) return 'keep';
    try {
      answers.set(entry.idempotencyKey, { value: await send(entry) });
      return 'sent';
    } catch (e) {
      const outcome = outcomeOf(e);
      answers.set(entry.idempotencyKey, outcome === 'rejected' ? { problem: e } : { waiting: true });
      return outcome;
    }
  };
}

const sendCompletion = sender<QueuedCompletion>((e) => completeSession(e.sessionId, e.body as CompletionRequest, e.idempotencyKey));
// entries stored before the session and the answered time were kept carry the pain alone: the server then defaults both
const sendCheckIn = sender<QueuedCheckIn>(async (e) => {
  const body = checkInToSend(e.body as CheckInBody, Date.now() - Date.parse(e.queuedAt));
  try {
    return await checkIn(body, e.idempotencyKey);
  } catch (error) {
    // the device's clock is too far off for the server: the arrival counts instead (a new key: another body)
    if (body.answeredAt && error instanceof ApiProblem && error.status === 400 && error.forField('answeredAt')) {
      return checkIn(withoutAnsweredAt(body), `${e.idempotencyKey}-arrival`);
    }
    throw error;
  }
});

/**
 * Sends what waits each time the gateway becomes reachable again or the sign-in changes (a token renewed after one
 * that failed: what met a 401 goes now), if someone is signed in and the gateway reachable (without a token every
 * entry would only meet a 401); `afterwards` runs after each such flush. Returns the unsubscribe function.
 */
export function sendWhenReachable(afterwards: () => void = () => undefined): () => void {
  const send = () => {
    if (isOnline() && currentUser()) void flushOutbox().then(afterwards, afterwards);
  };
  const stopConnectivity = onConnectivityChange(send);
  const stopAuth = onAuthChange(send);
  return () => {
    stopConnectivity();
    stopAuth();
  };
}

/** Sends everything waiting; returns how many entries left the outbox. */
export async function flushOutbox(): Promise<number> {
  const sessions = await completions.flush(sendCompletion);
  return sessions + (await checkIns.flush(sendCheckIn));
}

export type Submitted<T> = { outcome: 'sent'; value: T } | { outcome: 'waiting' } | { outcome: 'rejected'; problem: unknown };

/** Stores the entry first (nothing is lost if the tab closes), then tries to send it: sent, waiting, or rejected. */
async function submit<E extends Queued, T>(outbox: Outbox<E>, entry: E): Promise<Submitted<T>> {
  // offline after a reload there is no token: the program on the device says whose it is
  const owner = currentUser()?.profile.sub ?? (await programOwner().catch(() => undefined));
  await outbox.add({ ...entry, owner });
  await flushOutbox();
  // a flush that was already running when the entry was stored did not see it: one more
  if (!answers.has(entry.idempotencyKey)) await flushOutbox();
  const answer = answers.get(entry.idempotencyKey);
  answers.delete(entry.idempotencyKey);
  if (answer && 'value' in answer) return { outcome: 'sent', value: answer.value as T };
  if (answer && 'problem' in answer) return { outcome: 'rejected', problem: answer.problem };
  return { outcome: 'waiting' };
}

export const submitCompletion = (entry: QueuedCompletion) => submit<QueuedCompletion, CompletionView>(completions, entry);
/** A check-in answered now, about the latest finished session (checkIn.ts), from the plan on screen if any. */
export async function submitCheckIn(pain: number, idempotencyKey: string, plan?: Pick<PlanView, 'sessions'>) {
  const waiting = (await completions.pending()).filter((c) => !someoneElses(c));
  const body = checkInBody(pain, checkInSessionId(plan, waiting));
  return submit<QueuedCheckIn, unknown>(checkIns, { idempotencyKey, body, queuedAt: body.answeredAt });
}

/** How many entries wait, per kind (for the banner). */
export async function waitingCounts(): Promise<{ sessions: number; checkIns: number }> {
  const [s, c] = await Promise.all([completions.pending(), checkIns.pending()]);
  return { sessions: s.length, checkIns: c.length };
}
