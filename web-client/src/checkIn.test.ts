import { describe, expect, it } from 'vitest';
import { checkInBody, checkInSessionId, checkInToSend, WAITED_LONG_ENOUGH_MS } from './checkIn';

const session = (sessionId: string, index: number, status: string) => ({
  sessionId, index, status, weekNumber: 1, scheduledDate: '2026-03-02', step: 0, mode: 'STANDARD',
});

describe('a check-in', () => {
  it('is about the latest completed session of the plan', () => {
    const plan = { sessions: [session('s3', 3, 'SCHEDULED'), session('s2', 2, 'COMPLETED'), session('s1', 1, 'COMPLETED')] };
    expect(checkInSessionId(plan, [])).toBe('s2');
  });

  it('is about a session finished offline that the server has not heard of yet', () => {
    const plan = { sessions: [session('s1', 1, 'COMPLETED'), session('s2', 2, 'SCHEDULED')] };
    expect(checkInSessionId(plan, [{ sessionId: 's2' }])).toBe('s2');
  });

  it('names no session when none is finished, and no plan is known', () => {
    expect(checkInSessionId({ sessions: [session('s1', 1, 'SCHEDULED')] }, [])).toBeUndefined();
    expect(checkInSessionId(undefined, [])).toBeUndefined();
  });

  it('keeps the time the person answered, whenever it is sent', () => {
    const answered = new Date('2026-03-02T20:15:00.000Z');
    expect(checkInBody(3, 's2', answered)).toEqual({ pain: 3, sessionId: 's2', answeredAt: '2026-03-02T20:15:00.000Z' });
    expect(checkInBody(3, undefined, answered)).toEqual({ pain: 3, answeredAt: '2026-03-02T20:15:00.000Z' });
  });

  it('is sent with its answered time only when it waited on the device', () => {
    const body = { pain: 3, sessionId: 's2', answeredAt: '2026-03-02T20:15:00.000Z' };
    expect(checkInToSend(body, 2_000)).toEqual({ pain: 3, sessionId: 's2' });
    expect(checkInToSend(body, WAITED_LONG_ENOUGH_MS)).toEqual(body);
    expect(checkInToSend({ pain: 4 }, 3_600_000)).toEqual({ pain: 4 });
  });
});
