import { fmt, strings as S } from '../i18n';
import { RoutineResponse } from '../types';
import { minutes } from '../ui';

/** A routine phase by phase with estimates; or the safety message when there is none. */
export function RoutineView({ response, headingLevel = 2 }: { response: RoutineResponse; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  if (response.status === 'BLOCKED' || !response.routine) {
    const urgent = response.blocked?.reason === 'URGENT_CARE';
    return (
      <div class={urgent ? 'urgent' : 'card'} role="alert">
        <H>{urgent ? S.safety.urgentTitle : response.blocked?.reason === 'RED_FLAG_RECHECK' ? S.safety.recheckTitle : S.safety.clinicianTitle}</H>
        <p>{response.blocked?.message ?? response.message}</p>
        {!urgent && (
          <a class="button" href="#/start">
            {S.safety.editProfile}
          </a>
        )}
      </div>
    );
  }
  const routine = response.routine;
  return (
    <section class="routine" aria-label={S.routine.title}>
      <H>{S.routine.title}</H>
      <p>{fmt(S.routine.estimated, { n: minutes(routine.estimatedSeconds) })}</p>
      {response.message && <p class="note">{response.message}</p>}
      <ol class="phases">
        {routine.phases.map((phase) => (
          <li key={phase.phase} class="card">
            <Sub>
              {S.phases[phase.phase] ?? phase.name} · {fmt(S.common.minutes, { n: minutes(phase.estimatedSeconds) })}
            </Sub>
            {phase.note && <p class="note">{phase.note}</p>}
            {phase.exercises.length === 0 ? (
              <p>{S.routine.emptyPhase}</p>
            ) : (
              <ul>
                {phase.exercises.map((ex) => (
                  <li key={ex.exerciseId}>
                    <a href={`#/exercises/${ex.exerciseId}`}>{ex.name}</a> — {ex.prescription.summary}
                    {ex.consultDoctorFirst && <strong> {S.routine.consultDoctor}</strong>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {routine.cautions.length > 0 && (
        <details>
          <summary>{S.routine.cautions}</summary>
          <ul>
            {routine.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
