import { useState } from 'preact/hooks';
import { localIsoDay } from '../calendar';
import { getHistory, getHistoryCsv, getPainTrend, getStats } from '../api';
import { fmt, plural, strings as S } from '../i18n';
import { cached, exercise } from '../offlineProgram';
import { AdherenceWeek, ExerciseBest, PainTrend, PersonalRecords, PHASES } from '../types';
import { Loading, Page, ProblemMessage, describeError, minutes, useLoad } from '../ui';
import { formatDate } from './today';

export function Progress() {
  // kept on the device like the program: offline, the progress as this device last saw it
  const [data, error, reload] = useLoad(() => cached('progress', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 27 * 86_400_000);
    const [stats, trend, history] = await Promise.all([getStats(), getPainTrend(localIsoDay(from), localIsoDay(to)), getHistory()]);
    return { stats, trend, history, names: await exerciseNames(stats.personalRecords) };
  }));
  const [csvError, setCsvError] = useState<unknown>();
  const download = async () => {
    try {
      const blob = await getHistoryCsv();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'backrelief-history.csv';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setCsvError(e);
    }
  };
  return (
    <Page title={S.progress.title}>
      {error ? (
        <>
          <ProblemMessage error={error} />
          <button type="button" onClick={reload}>{S.common.retry}</button>
        </>
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <div class="tiles">
            <div class="card tile">
              <h2>{S.progress.streak}</h2>
              <p class="big">{plural(S.progress.streakDays, data.stats.streaks.currentDays)}</p>
              <p class="muted">{plural(S.progress.longest, data.stats.streaks.longestDays)}</p>
            </div>
            <div class="card tile">
              <h2>{S.progress.adherence}</h2>
              <p class="big">{fmt(S.progress.adherenceValue, { done: data.stats.adherence.completed, scheduled: data.stats.adherence.scheduled })}</p>
            </div>
          </div>
          <section class="card">
            <h2>{S.progress.weeklyAdherence}</h2>
            <AdherenceChart weeks={data.stats.adherence.weeks ?? []} />
          </section>
          <section class="card">
            <h2>{S.progress.painTrend}</h2>
            <PainChart trend={data.trend} />
          </section>
          <section class="card">
            <h2>{S.progress.minutesByPhase}</h2>
            <dl class="phase-minutes">
              {PHASES.map((p) => (
                <div key={p}>
                  <dt>{S.phases[p]}</dt>
                  <dd>{fmt(S.common.minutes, { n: Math.round(data.stats.totals.minutesByPhase?.[p] ?? 0) })}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section class="card" data-testid="records">
            <h2>{S.progress.records}</h2>
            <Records records={data.stats.personalRecords} names={data.names} />
          </section>
          <section class="card">
            <h2>{S.progress.history}</h2>
            {data.history.items.length === 0 ? (
              <p>{S.progress.noHistory}</p>
            ) : (
              <ul class="history" data-testid="history">
                {data.history.items.map((h) => (
                  <li key={h.sessionId}>
                    {fmt(S.progress.historyRow, { date: formatDate(h.date), min: minutes(h.durationSeconds), before: h.painBefore, after: h.painAfter })}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" onClick={download}>{S.progress.csv}</button>
            {csvError ? <p role="alert" class="problem">{describeError(csvError)}</p> : null}
          </section>
        </>
      )}
    </Page>
  );
}

/** 28 days of pain as an SVG line (after-session/daily average) with a text summary for screen readers. */
export function PainChart({ trend }: { trend: PainTrend }) {
  const days = trend.days;
  const withReadings = days.filter((d) => d.average !== null && d.average !== undefined);
  if (withReadings.length === 0) return <p>{S.progress.noReadings}</p>;
  const w = 560;
  const hgt = 200;
  const pad = 28;
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, days.length - 1);
  const y = (v: number) => hgt - pad - (v * (hgt - 2 * pad)) / 10;
  const points = days
    .map((d, i) => (d.average === null || d.average === undefined ? null : `${x(i).toFixed(1)},${y(d.average).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const summary = plural(S.progress.chartSummary, withReadings.length, { after: trend.summary.averageAfter?.toFixed(1) ?? '–' });
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${hgt}`} role="img" aria-label={fmt(S.progress.chartLabel, { summary })}>
        {[0, 5, 10].map((v) => (
          <g key={v}>
            <line x1={pad} x2={w - pad} y1={y(v)} y2={y(v)} class="grid" />
            <text x={4} y={y(v) + 4} class="axis">{v}</text>
          </g>
        ))}
        <polyline points={points} class="line" fill="none" />
        {days.map((d, i) =>
          d.average === null || d.average === undefined ? null : <circle key={d.date} cx={x(i)} cy={y(d.average)} r={4} class="dot" />,
        )}
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}

/** Exercise names for the records (from the catalog, cached for offline); the id in words if one cannot be read. */
async function exerciseNames(records?: PersonalRecords | null): Promise<Record<string, string>> {
  const ids = new Set([...(records?.bestHolds ?? []), ...(records?.mostReps ?? [])].map((b) => b.exerciseId));
  const names: Record<string, string> = {};
  await Promise.all(
    [...ids].map((id) =>
      exercise(id).then(
        (e) => (names[id] = e.name),
        () => (names[id] = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())),
      ),
    ),
  );
  return names;
}

function Records({ records, names }: { records?: PersonalRecords | null; names: Record<string, string> }) {
  const holds = records?.bestHolds ?? [];
  const reps = records?.mostReps ?? [];
  if (!records?.longestSession && holds.length === 0 && reps.length === 0) return <p>{S.progress.noRecords}</p>;
  const best = (list: ExerciseBest[], template: string) => (
    <ul>
      {list.map((b) => (
        <li key={b.exerciseId}>{fmt(template, { name: names[b.exerciseId] ?? b.exerciseId, n: b.value, date: formatDate(b.date) })}</li>
      ))}
    </ul>
  );
  return (
    <div class="records">
      <div>
        <ul>
          {records?.longestSession && <li>{fmt(S.progress.longestSession, { n: Math.round(records.longestSession.minutes) })}</li>}
          {records?.mostSessionsInAWeek && <li>{plural(S.progress.mostInAWeek, records.mostSessionsInAWeek.sessions)}</li>}
          {records?.longestDayStreak ? <li>{plural(S.progress.longestStreak, records.longestDayStreak)}</li> : null}
        </ul>
      </div>
      {holds.length > 0 && (
        <div>
          <h3>{S.progress.bestHolds}</h3>
          {best(holds, S.progress.holdValue)}
        </div>
      )}
      {reps.length > 0 && (
        <div>
          <h3>{S.progress.mostReps}</h3>
          {best(reps, S.progress.repsValue)}
        </div>
      )}
    </div>
  );
}

/** Sessions done per program week as SVG bars (done of planned), with the numbers as text for screen readers. */
export function AdherenceChart({ weeks }: { weeks: AdherenceWeek[] }) {
  if (weeks.length === 0) return <p>{S.progress.noWeeks}</p>;
  const w = 560;
  const hgt = 180;
  const pad = 24;
  const slot = (w - 2 * pad) / weeks.length;
  const barW = Math.min(48, slot * 0.6);
  const y = (rate: number) => hgt - pad - rate * (hgt - 2 * pad);
  const done = weeks.reduce((n, wk) => n + Math.min(wk.completed, wk.scheduled), 0);
  const scheduled = weeks.reduce((n, wk) => n + wk.scheduled, 0);
  const summary = plural(S.progress.adherenceSummary, weeks.length, { done, scheduled });
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${hgt}`} role="img" aria-label={fmt(S.progress.adherenceChartLabel, { summary })}>
        {weeks.map((wk, i) => {
          const rate = wk.scheduled > 0 ? Math.min(1, wk.completed / wk.scheduled) : 0;
          const x = pad + i * slot + (slot - barW) / 2;
          return (
            <g key={`${wk.planId}-${wk.weekNumber}`}>
              <rect x={x} y={y(1)} width={barW} height={y(0) - y(1)} class="bar-bg" />
              <rect x={x} y={y(rate)} width={barW} height={y(0) - y(rate)} class="bar" />
              <text x={x + barW / 2} y={y(rate) - 4} class="value">{`${wk.completed}/${wk.scheduled}`}</text>
              <text x={x + barW / 2} y={hgt - 6} class="axis" text-anchor="middle">{fmt(S.progress.weekShort, { n: wk.weekNumber })}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {summary}
        <ul class="sr-only">
          {weeks.map((wk) => (
            <li key={`${wk.planId}-${wk.weekNumber}`}>{fmt(S.progress.weekBar, { n: wk.weekNumber, done: wk.completed, scheduled: wk.scheduled })}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
