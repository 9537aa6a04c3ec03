import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiProblem } from '../api';
import { calendarWeeks, CalendarWeek, localIsoDay, moveCell, parseDay, PlanSession } from '../calendar';
import { fmt, strings as S } from '../i18n';
import { currentPlan } from '../offlineProgram';
import { newIdempotencyKey } from '../queue';
import { submitCheckIn } from '../outbox';
import { Loading, Page, PainScale, ProblemMessage, fieldError, useLoad } from '../ui';
import { formatDate } from './today';
import type { PlanView } from '../types';

const MARK: Record<string, string> = { SCHEDULED: '•', COMPLETED: '✓', MISSED: '✕', EXPIRED: '✕' };
const statusName = (status: string) => (S.plan.status as Record<string, string>)[status] ?? status;

export function Plan() {
  const [plan, error] = useLoad(() => currentPlan());
  if (error instanceof ApiProblem && error.status === 404) {
    return (
      <Page title={S.plan.title}>
        <p>{S.plan.noPlan}</p>
        <a class="button primary" href="#/start">{S.today.getStarted}</a>
      </Page>
    );
  }
  return (
    <Page title={S.plan.title}>
      <ProblemMessage error={error} />
      {!plan && !error && <Loading />}
      {plan && (
        <>
          <PlanCalendar weeks={calendarWeeks(plan)} />
          {plan.adjustments.length > 0 && (
            <section class="card">
              <h2>{S.plan.adjustments}</h2>
              <ul>
                {plan.adjustments.map((a) => (
                  <li key={a.at}>{a.reason}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <CheckIn plan={plan ?? undefined} />
    </Page>
  );
}

function describeDay(week: number, date: string, session?: PlanSession): string {
  const day = formatDate(date);
  return session
    ? fmt(S.plan.sessionDetail, { week, date: day, status: statusName(session.status), step: session.step, min: session.estimatedMinutes ?? '–' })
    : fmt(S.plan.restDay, { week, date: day });
}

/** Weeks × days as an ARIA grid: one tab stop, the arrow keys move between days, the chosen day is described below. */
function PlanCalendar({ weeks }: { weeks: CalendarWeek[] }) {
  const today = localIsoDay(new Date());
  const first = useMemo(() => {
    for (const [r, w] of weeks.entries()) {
      const c = w.days.findIndex((d) => d.session?.status === 'SCHEDULED');
      if (c >= 0) return [r, c] as [number, number];
    }
    return [0, 0] as [number, number];
  }, [weeks]);
  const [[row, col], setCell] = useState<[number, number]>(first);
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  // layout effect: the focus moves with the render, not a frame later
  useLayoutEffect(() => {
    if (moved.current) grid.current?.querySelector<HTMLElement>(`[data-cell="${row}-${col}"]`)?.focus();
  }, [row, col]);
  if (weeks.length === 0) return null;
  const chosen = weeks[row].days[col];
  const headers = weeks[0].days.map((d) => parseDay(d.date).toLocaleDateString(undefined, { weekday: 'short', timeZone: 'UTC' }));

  const onKey = (e: KeyboardEvent) => {
    const next = moveCell(e.key, e.ctrlKey, row, col, weeks.length);
    if (!next) return;
    e.preventDefault();
    moved.current = true;
    setCell(next);
  };

  return (
    <section class="card calendar-card">
      <h2 id="calendar-title">{S.plan.calendar}</h2>
      <p class="muted" id="calendar-help">{S.plan.calendarHelp}</p>
      <table class="calendar" role="grid" ref={grid} aria-labelledby="calendar-title" aria-describedby="calendar-help" onKeyDown={onKey}>
        <thead>
          <tr>
            <th scope="col">
              <abbr title={S.plan.weekColumn}>{S.plan.weekShort}</abbr>
            </th>
            {headers.map((h, i) => (
              <th scope="col" key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w, r) => (
            <tr key={w.week}>
              <th scope="row" aria-label={fmt(S.plan.weekRow, { n: w.week, step: w.step })}>{w.week}</th>
              {w.days.map((d, c) => {
                const status = d.session?.status;
                return (
                  <td
                    key={d.date}
                    data-cell={`${r}-${c}`}
                    tabIndex={r === row && c === col ? 0 : -1}
                    aria-selected={r === row && c === col}
                    aria-current={d.date === today ? 'date' : undefined}
                    class={`day${status ? ' status-' + status.toLowerCase() : ''}${d.date === today ? ' today' : ''}`}
                    onClick={() => setCell([r, c])}
                  >
                    <span aria-hidden="true">
                      <span class="day-number">{parseDay(d.date).getUTCDate()}</span>
                      {status && <span class="mark">{MARK[status] ?? '•'}</span>}
                    </span>
                    <span class="sr-only">
                      {fmt(S.plan.cell, { date: formatDate(d.date), status: status ? statusName(status) : S.plan.noSession })}
                      {d.date === today ? `, ${S.plan.today}` : ''}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="calendar-detail" aria-live="polite" data-testid="calendar-detail">
        {describeDay(weeks[row].week, chosen.date, chosen.session)}
      </p>
      <p class="legend muted">
        {S.plan.legend}: {Object.entries({ SCHEDULED: MARK.SCHEDULED, COMPLETED: MARK.COMPLETED, MISSED: MARK.MISSED }).map(([k, m]) => `${m} ${statusName(k)}`).join(' · ')}
      </p>
    </section>
  );
}

/** Next-day pain check-in, sent once per answer (Idempotency-Key); offline it waits on the device (outbox.ts). */
function CheckIn({ plan }: { plan?: PlanView }) {
  const [pain, setPain] = useState<number | null>(null);
  const [sent, setSent] = useState<'sent' | 'waiting' | null>(null);
  const [checkError, setCheckError] = useState<unknown>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        if (pain === null) return setMissing(true);
        setMissing(false);
        setCheckError(undefined);
        const result = await submitCheckIn(pain, key, plan);
        if (result.outcome === 'rejected') return setCheckError(result.problem);
        setSent(result.outcome);
        setKey(newIdempotencyKey());
      }}
    >
      <h2>{S.plan.checkInTitle}</h2>
      <PainScale
        name="checkin"
        legend={S.plan.checkInPain}
        value={pain}
        onChange={(v) => (setPain(v), setSent(null))}
        error={fieldError(checkError, 'pain') ?? (missing ? S.errors.fieldProblems : undefined)}
      />
      <ProblemMessage error={checkError} />
      {sent && <p role="status">{sent === 'sent' ? S.plan.checkInDone : S.plan.checkInSaved}</p>}
      <button type="submit" class="primary">{S.plan.checkInSend}</button>
    </form>
  );
}
