/**
 * What a pain check-in says besides the pain: which session it is about and when the person answered. Both are fixed
 * when the person answers, not when the check-in reaches the server — offline it may wait on the device for days,
 * and meanwhile another session may be completed.
 */
import type { PlanView } from './types';

export interface CheckInBody {
  pain: number;
  sessionId?: string;
  answeredAt: string;
}

export type CheckInRequestBody = Partial<CheckInBody> & { pain: number };

/**
 * The session a check-in made now is about: the latest finished session, whether the server knows it (COMPLETED in
 * the plan) or it still waits on this device (`waiting`, oldest first). Undefined when there is none: the server
 * then records the pain without a session.
 */
export function checkInSessionId(plan: Pick<PlanView, 'sessions'> | undefined, waiting: { sessionId: string }[]): string | undefined {
  if (waiting.length > 0) return waiting[waiting.length - 1].sessionId;
  const completed = (plan?.sessions ?? []).filter((s) => s.status === 'COMPLETED');
  completed.sort((a, b) => a.index - b.index);
  return completed.length > 0 ? completed[completed.length - 1].sessionId : undefined;
}

export function checkInBody(pain: number, sessionId: string | undefined, now: Date = new Date()): CheckInBody {
  return sessionId ? { pain, sessionId, answeredAt: now.toISOString() } : { pain, answeredAt: now.toISOString() };
}

/** A check-in that waited less than this is sent without its answered time: the arrival is as good, and exact. */
export const WAITED_LONG_ENOUGH_MS = 60_000;

/** The body to send for a check-in answered `waitedMs` ago (by the device's clock). */
export function checkInToSend(body: CheckInBody | { pain: number }, waitedMs: number): CheckInRequestBody {
  if ('answeredAt' in body && waitedMs >= WAITED_LONG_ENOUGH_MS) return body;
  return withoutAnsweredAt(body);
}

export function withoutAnsweredAt(body: CheckInRequestBody): CheckInRequestBody {
  const { answeredAt: _ignored, ...rest } = body;
  return rest;
}
