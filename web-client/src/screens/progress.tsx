import { useState } from 'preact/hooks';
import { localIsoDay } from '../calendar';
import { getHistory, getHistoryCsv, getPainTrend, getStats } from '../api';
import { fmt, plural, strings as S } from '../i18n';
import { PainTrend, PHASES } from '../types';
import { Loading, Page, ProblemMessage, describeError, minutes, useLoad } from '../ui';
import { formatDate } from './today';

export function Progress() {
  const [data, error, reload] = useLoad(async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 27 * 86_400_000);
    const [stats, trend, history] = await Promise.all([getStats(), getPainTrend(localIsoDay(from), localIsoDay(to)), getHistory()]);
    return { stats, trend, history };
  });
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
            {data.stats.personalRecords?.longestSession && (
              <p>{fmt(S.progress.longestSession, { n: Math.round(data.stats.personalRecords.longestSession.minutes) })}</p>
            )}
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
