import { ApiProblem } from '../api';
import { completions } from '../outbox';
import { nextSession } from '../offlineProgram';
import { fmt, strings as S } from '../i18n';
import { Loading, Page, ProblemMessage, useLoad } from '../ui';
import { RoutineView } from './routine';

export function Today() {
  const [loaded, error, reload] = useLoad(async () => {
    const [next, waiting] = await Promise.all([nextSession(), completions.pending().catch(() => [])]);
    return { next, sent: waiting.some((w) => w.sessionId === next.sessionId) };
  });
  const session = loaded?.next;
  const noPlan = error instanceof ApiProblem && error.status === 404;
  return (
    <Page title={S.today.title}>
      {noPlan ? (
        <div class="card">
          <p>{S.today.noPlan}</p>
          <a class="button primary" href="#/start">
            {S.today.getStarted}
          </a>
        </div>
      ) : error ? (
        <>
          <ProblemMessage error={error} />
          <button type="button" onClick={reload}>
            {S.common.retry}
          </button>
        </>
      ) : !session ? (
        <Loading />
      ) : (
        <>
          <p class="lead">{fmt(S.today.next, { date: formatDate(session.scheduledDate) })}</p>
          {!session.completable && session.today.status !== 'BLOCKED' && <p class="note">{fmt(S.today.notYet, { date: formatDate(session.scheduledDate) })}</p>}
          {loaded?.sent && <p class="note" role="status">{S.today.waitingToSend}</p>}
          {session.today.status !== 'BLOCKED' && !loaded?.sent && (
            <a class="button primary" href={`#/play/${session.sessionId}`}>
              {S.today.start}
            </a>
          )}
          <RoutineView response={session.today} />
        </>
      )}
    </Page>
  );
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}
