import { useState } from 'preact/hooks';
import { ApiProblem, checkIn } from '../api';
import { currentPlan } from '../offlineProgram';
import { fmt, strings as S } from '../i18n';
import { newIdempotencyKey } from '../queue';
import { Loading, Page, PainScale, ProblemMessage, fieldError, useLoad } from '../ui';
import { formatDate } from './today';

export function Plan() {
  const [plan, error] = useLoad(() => currentPlan());
  const [pain, setPain] = useState<number | null>(null);
  const [sent, setSent] = useState(false);
  const [checkError, setCheckError] = useState<unknown>();
  const [key, setKey] = useState(newIdempotencyKey);
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
          <ol class="weeks">
            {plan.schedule.map((week) => (
              <li key={week.week} class="card">
                <h2>
                  {fmt(S.plan.week, { n: week.week })} <span class="muted">({fmt(S.plan.step, { n: week.step })})</span>
                </h2>
                <ul class="sessions">
                  {plan.sessions
                    .filter((s) => s.weekNumber === week.week)
                    .map((s) => (
                      <li key={s.sessionId} class={`session status-${s.status.toLowerCase()}`}>
                        <span>{formatDate(s.scheduledDate)}</span>
                        <span class="badge">{(S.plan.status as Record<string, string>)[s.status] ?? s.status}</span>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
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
      <form
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          if (pain === null) return;
          setCheckError(undefined);
          try {
            await checkIn(pain, key);
            setSent(true);
            setKey(newIdempotencyKey());
          } catch (err) {
            setCheckError(err);
          }
        }}
      >
        <h2>{S.plan.checkInTitle}</h2>
        <PainScale name="checkin" legend={S.plan.checkInPain} value={pain} onChange={(v) => (setPain(v), setSent(false))} error={fieldError(checkError, 'pain')} />
        <ProblemMessage error={checkError} />
        {sent && <p role="status">{S.plan.checkInDone}</p>}
        <button type="submit" class="primary">{S.plan.checkInSend}</button>
      </form>
    </Page>
  );
}
