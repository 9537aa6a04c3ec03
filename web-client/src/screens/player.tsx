import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { exercise, session as programSession } from '../offlineProgram';
import { fmt, strings as S } from '../i18n';
import { buildSteps, displaySeconds, formatClock, PlayerClock, PlayerEvent, Step } from '../player';
import { isOnline } from '../connectivity';
import { newIdempotencyKey } from '../queue';
import { submitCompletion } from '../outbox';
import { CompletionView, Exercise, ExerciseResult, Phase, RoutineExercise } from '../types';
import { FieldError, Loading, Page, PainScale, ProblemMessage, useLoad } from '../ui';

type Item = RoutineExercise & { phase: Phase };
type Stage = { kind: 'before' } | { kind: 'exercise'; index: number } | { kind: 'after' } | { kind: 'sent'; view: CompletionView } | { kind: 'queued' };

/** Sound and vibration at each change; muted on request. */
function useSignal(muted: boolean) {
  const ctx = useRef<AudioContext | null>(null);
  return (event: PlayerEvent) => {
    if (muted) return;
    try {
      navigator.vibrate?.(event === 'rep' ? 80 : [150, 80, 150]);
    } catch {
      // not supported
    }
    try {
      ctx.current ??= new AudioContext();
      const osc = ctx.current.createOscillator();
      const gain = ctx.current.createGain();
      osc.frequency.value = event === 'rep' ? 660 : 880;
      gain.gain.value = 0.1;
      osc.connect(gain).connect(ctx.current.destination);
      osc.start();
      osc.stop(ctx.current.currentTime + (event === 'rep' ? 0.08 : 0.25));
    } catch {
      // no audio
    }
  };
}

/** Keeps the screen on while the session runs (Wake Lock API, where supported). */
function useWakeLock(active: boolean) {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    const acquire = () => navigator.wakeLock.request('screen').then((l) => (lock = l)).catch(() => undefined);
    void acquire();
    const onVisible = () => document.visibilityState === 'visible' && void acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      void lock?.release().catch(() => undefined);
    };
  }, [active]);
}

export function Player({ sessionId }: { sessionId: string }) {
  const [session, loadError] = useLoad(() => programSession(sessionId), [sessionId]);
  const items: Item[] = useMemo(
    () => session?.today.routine?.phases.flatMap((p) => p.exercises.map((e) => ({ ...e, phase: p.phase }))) ?? [],
    [session],
  );
  const [stage, setStage] = useState<Stage>({ kind: 'before' });
  const [painBefore, setPainBefore] = useState<number | null>(null);
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [exertion, setExertion] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [results, setResults] = useState<ExerciseResult[]>([]);
  const [muted, setMuted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState<string>();
  const [key] = useState(newIdempotencyKey);
  useWakeLock(stage.kind === 'exercise');

  if (loadError) return <Page title={S.player.title}><ProblemMessage error={loadError} /></Page>;
  if (!session) return <Page title={S.player.title}><Loading /></Page>;

  const record = (result: ExerciseResult, index: number) => {
    setResults([...results.filter((r) => r.exerciseId !== result.exerciseId || r.phase !== result.phase), result]);
    setStage(index + 1 < items.length ? { kind: 'exercise', index: index + 1 } : { kind: 'after' });
  };

  const finish = async (e: Event) => {
    e.preventDefault();
    if (painAfter === null || exertion === null) return setMissing(painAfter === null ? 'painAfter' : 'exertion');
    setMissing(undefined);
    setError(undefined);
    const body = { painBefore: painBefore ?? 0, painAfter, exertion, notes: notes || undefined, exercises: results };
    const result = await submitCompletion({ sessionId, idempotencyKey: key, body, queuedAt: new Date().toISOString() });
    if (result.outcome === 'sent') setStage({ kind: 'sent', view: result.value });
    else if (result.outcome === 'waiting') setStage({ kind: 'queued' });
    else setError(result.problem);
  };

  switch (stage.kind) {
    case 'before':
      return (
        <Page title={S.player.title}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (painBefore === null) return setMissing('painBefore');
              setMissing(undefined);
              setStage({ kind: 'exercise', index: 0 });
            }}
          >
            <PainScale name="painBefore" legend={S.player.painBefore} value={painBefore} onChange={setPainBefore} error={missing === 'painBefore' ? S.errors.fieldProblems : undefined} />
            <button class="primary" type="submit">
              {S.player.begin}
            </button>
          </form>
        </Page>
      );
    case 'exercise':
      return (
        <ExerciseStep
          key={stage.index}
          item={items[stage.index]}
          index={stage.index}
          count={items.length}
          muted={muted}
          onMute={() => setMuted(!muted)}
          onDone={(r) => record(r, stage.index)}
        />
      );
    case 'after':
      return (
        <Page title={S.player.finishTitle}>
          <form onSubmit={finish}>
            <PainScale name="painAfter" legend={S.player.painAfter} value={painAfter} onChange={setPainAfter} error={missing === 'painAfter' ? S.errors.fieldProblems : undefined} />
            <PainScale name="exertion" legend={S.player.exertion} value={exertion} onChange={setExertion} error={missing === 'exertion' ? S.errors.fieldProblems : undefined} />
            <label class="field">
              <span>{S.player.notes}</span>
              <textarea name="notes" maxLength={2000} value={notes} onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)} />
            </label>
            <ProblemMessage error={error} />
            <button class="primary" type="submit">
              {S.player.send}
            </button>
          </form>
        </Page>
      );
    case 'queued':
      return (
        <Page title={S.player.decisionTitle}>
          <p role="status">{isOnline() ? S.player.savedForLater : S.player.savedOffline}</p>
          <a class="button" href="#/progress">{S.player.toProgress}</a>
        </Page>
      );
    case 'sent':
      return (
        <Page title={S.player.decisionTitle}>
          <p class="lead" role="status">
            {(S.player.decisions as Record<string, string>)[stage.view.decision] ?? stage.view.decision}
          </p>
          {stage.view.reason && <p>{stage.view.reason}</p>}
          <a class="button primary" href="#/progress">
            {S.player.toProgress}
          </a>
        </Page>
      );
  }
}

function stepLabel(step: Step): string {
  if (step.kind === 'rest') return S.player.rest;
  const side = step.side === 'left' ? S.player.left : step.side === 'right' ? S.player.right : '';
  const set = step.sets > 1 ? fmt(S.player.set, { set: step.set, sets: step.sets }) : '';
  const what = step.kind === 'hold' ? S.player.hold : step.kind === 'timed' ? S.player.timed : '';
  return [set, side, what].filter(Boolean).join(' · ');
}

function ExerciseStep(props: { item: Item; index: number; count: number; muted: boolean; onMute: () => void; onDone: (r: ExerciseResult) => void }) {
  const { item } = props;
  const [detail] = useLoad<Exercise | null>(() => exercise(item.exerciseId).catch(() => null), [item.exerciseId]);
  const steps = useMemo(() => buildSteps(item.prescription), [item]);
  const clock = useMemo(() => new PlayerClock(steps, Date.now()), [steps]);
  const [, setTick] = useState(0);
  const [announce, setAnnounce] = useState('');
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const signal = useSignal(props.muted);
  const snap = clock.snapshot;
  const step = clock.current;

  const react = (events: PlayerEvent[]) => {
    if (events.length === 0) return;
    events.forEach(signal);
    const s = clock.current;
    if (events.includes('done')) setAnnounce(S.player.done);
    else if (events.includes('step') && s) setAnnounce(s.kind === 'rest' ? S.player.rest : s.side === 'right' && s.kind !== 'timed' ? `${S.player.switchSide}: ${stepLabel(s)}` : stepLabel(s));
    setTick((n) => n + 1);
  };

  useEffect(() => {
    const id = setInterval(() => {
      react(clock.tick(Date.now()));
      if (clock.snapshot.running) setTick((n) => n + 1);
    }, 250);
    return () => clearInterval(id);
  }, [clock, props.muted]);

  const done = () =>
    props.onDone({
      exerciseId: item.exerciseId,
      phase: item.phase,
      status: 'DONE',
      ...(item.prescription.sets ? { sets: item.prescription.sets } : {}),
      ...(item.prescription.reps ? { reps: item.prescription.reps } : {}),
      ...(item.prescription.holdSeconds ? { holdSeconds: item.prescription.holdSeconds } : {}),
      ...(item.prescription.minutes ? { minutes: item.prescription.minutes } : {}),
    });

  const seconds = displaySeconds(snap.remainingMs);
  return (
    <Page title={item.name}>
      <p class="muted">
        {fmt(S.player.exerciseOf, { i: props.index + 1, n: props.count })} · {S.phases[item.phase]}
      </p>
      <p>
        <strong>{S.player.dose}:</strong> {item.prescription.summary}
        {item.prescription.intensity && ` (${item.prescription.intensity})`}
      </p>
      <div class="player card" role="group" aria-label={S.player.title}>
        <p class="step-label">{snap.finished ? S.player.done : step ? stepLabel(step) : ''}</p>
        {!snap.finished && step && (
          <>
            {seconds !== null && (
              <p class="countdown" aria-hidden="true" data-testid="countdown">
                {formatClock(seconds)}
              </p>
            )}
            {step.kind === 'reps' && (
              <p class="reps" data-testid="reps">
                {fmt(S.player.repCount, { rep: Math.min(snap.rep + 1, step.reps), reps: step.reps })}
              </p>
            )}
            <div class="controls">
              {seconds !== null &&
                (snap.running ? (
                  <button type="button" onClick={() => (clock.pause(Date.now()), setTick((n) => n + 1))}>
                    {S.player.pause}
                  </button>
                ) : (
                  <button type="button" class="primary" onClick={() => (clock.start(Date.now()), setTick((n) => n + 1))}>
                    {snap.remainingMs !== null && step && snap.remainingMs < (step.kind === 'reps' ? step.holdSeconds : (step as { seconds: number }).seconds) * 1000 ? S.player.resume : S.player.startTimer}
                  </button>
                ))}
              {step.kind === 'reps' && seconds === null && (
                <button type="button" class="primary" onClick={() => react(clock.countRep())}>
                  {S.player.countRep}
                </button>
              )}
              <button type="button" onClick={() => react(clock.next())}>
                {S.player.next}
              </button>
            </div>
          </>
        )}
        <p class="sr-only" aria-live="polite" role="status">
          {announce}
        </p>
      </div>
      <div class="controls">
        {snap.finished && (
          <button type="button" class="primary" onClick={done}>
            {props.index + 1 < props.count ? S.player.next : S.player.done}
          </button>
        )}
        <button type="button" aria-pressed={props.muted} onClick={props.onMute}>
          {props.muted ? S.player.unmute : S.player.mute}
        </button>
        <button type="button" onClick={() => setSkipping(!skipping)} aria-expanded={skipping}>
          {S.player.skip}
        </button>
      </div>
      {skipping && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setReasonMissing(true);
            props.onDone({ exerciseId: item.exerciseId, phase: item.phase, status: 'SKIPPED', skipReason: reason.trim() });
          }}
        >
          <label class="field">
            <span>{S.player.skipReason}</span>
            <input name="skipReason" type="text" maxLength={500} value={reason} aria-invalid={reasonMissing ? 'true' : undefined} aria-describedby={reasonMissing ? 'skip-error' : undefined} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
            <FieldError id="skip-error" message={reasonMissing ? S.errors.fieldProblems : undefined} />
          </label>
          <button type="submit">{S.player.skipConfirm}</button>
        </form>
      )}
      {detail && (
        <section class="card">
          <h2>{S.player.steps}</h2>
          <ol>
            {detail.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          {detail.breathing && (
            <p>
              <strong>{S.player.breathing}:</strong> {detail.breathing}
            </p>
          )}
        </section>
      )}
      {(item.cautions?.length ?? 0) > 0 && (
        <section class="card caution">
          <h2>{S.routine.cautions}</h2>
          <ul>
            {item.cautions!.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
