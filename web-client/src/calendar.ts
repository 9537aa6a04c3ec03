/**
 * The plan as a calendar: one row per program week, seven days per row starting on the program's first day (so a
 * program that starts on a Thursday has Thursday in the first column), each day with its session if one is planned.
 */
import type { PlanView } from './types';

export type PlanSession = PlanView['sessions'][number];

export interface CalendarDay {
  date: string;
  session?: PlanSession;
}

export interface CalendarWeek {
  week: number;
  step: number;
  days: CalendarDay[];
}

export function parseDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function isoDay(utcDate: Date): string {
  return utcDate.toISOString().slice(0, 10);
}

/** The date on this device's calendar, as the API writes dates (YYYY-MM-DD). */
export function localIsoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

export function calendarWeeks(plan: Pick<PlanView, 'startDate' | 'schedule' | 'sessions'>): CalendarWeek[] {
  const start = parseDay(plan.startDate).getTime();
  const byDate = new Map(plan.sessions.map((s) => [s.scheduledDate, s]));
  const weekCount = Math.max(plan.schedule.length, ...plan.sessions.map((s) => s.weekNumber), 0);
  return Array.from({ length: weekCount }, (_, w) => ({
    week: w + 1,
    step: plan.schedule.find((s) => s.week === w + 1)?.step ?? 0,
    days: Array.from({ length: 7 }, (_, d) => {
      const date = isoDay(new Date(start + (w * 7 + d) * DAY_MS));
      return { date, session: byDate.get(date) };
    }),
  }));
}

/** The cell a keyboard move lands on (arrows, Home/End within a week, Ctrl+Home/End for the whole plan); null for other keys. */
export function moveCell(key: string, ctrl: boolean, row: number, col: number, rows: number): [number, number] | null {
  const clampRow = (r: number) => Math.min(rows - 1, Math.max(0, r));
  switch (key) {
    case 'ArrowRight':
      return col < 6 ? [row, col + 1] : row < rows - 1 ? [row + 1, 0] : [row, col];
    case 'ArrowLeft':
      return col > 0 ? [row, col - 1] : row > 0 ? [row - 1, 6] : [row, col];
    case 'ArrowDown':
      return [clampRow(row + 1), col];
    case 'ArrowUp':
      return [clampRow(row - 1), col];
    case 'Home':
      return ctrl ? [0, 0] : [row, 0];
    case 'End':
      return ctrl ? [rows - 1, 6] : [row, 6];
    default:
      return null;
  }
}
