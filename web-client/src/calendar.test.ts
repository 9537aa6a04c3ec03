import { describe, expect, it } from 'vitest';
import { calendarWeeks, moveCell } from './calendar';

const session = (id: string, weekNumber: number, scheduledDate: string, status = 'SCHEDULED') => ({
  sessionId: id, index: 0, weekNumber, scheduledDate, status, step: 1, mode: 'STANDARD',
});

describe('plan calendar', () => {
  it('lays the program out week by week from its first day, each session on its date', () => {
    const weeks = calendarWeeks({
      startDate: '2026-12-03', // a Thursday
      schedule: [{ week: 1, step: 1 }, { week: 2, step: 2 }],
      sessions: [session('a', 1, '2026-12-03', 'COMPLETED'), session('b', 1, '2026-12-07'), session('c', 2, '2026-12-10')],
    });
    expect(weeks).toHaveLength(2);
    expect(weeks[0].days.map((d) => d.date)).toEqual(['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09']);
    expect(weeks[0].days[0].session?.status).toBe('COMPLETED');
    expect(weeks[0].days[4].session?.sessionId).toBe('b');
    expect(weeks[1].step).toBe(2);
    expect(weeks[1].days[0].session?.sessionId).toBe('c');
    expect(weeks[1].days.filter((d) => d.session)).toHaveLength(1);
  });

  it('moves with the arrow keys, wrapping days across weeks and stopping at the edges', () => {
    expect(moveCell('ArrowRight', false, 0, 6, 6)).toEqual([1, 0]);
    expect(moveCell('ArrowLeft', false, 1, 0, 6)).toEqual([0, 6]);
    expect(moveCell('ArrowLeft', false, 0, 0, 6)).toEqual([0, 0]);
    expect(moveCell('ArrowDown', false, 5, 3, 6)).toEqual([5, 3]);
    expect(moveCell('ArrowUp', false, 2, 3, 6)).toEqual([1, 3]);
    expect(moveCell('Home', false, 2, 3, 6)).toEqual([2, 0]);
    expect(moveCell('End', true, 2, 3, 6)).toEqual([5, 6]);
    expect(moveCell('a', false, 2, 3, 6)).toBeNull();
  });
});
