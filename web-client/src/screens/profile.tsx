import { useState } from 'preact/hooks';
import { ApiProblem, createPlan, getProfile, previewRoutine, saveProfile } from '../api';
import { strings as S } from '../i18n';
import { newIdempotencyKey } from '../queue';
import { AVOID, EQUIPMENT, Level, PREFERENCES, ProfileInput, RED_FLAGS, RoutineResponse } from '../types';
import { CheckGroup, FieldError, Page, PainScale, ProblemMessage, fieldError, useLoad } from '../ui';
import { RoutineView } from './routine';

function detectedZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function emptyProfile(): ProfileInput {
  return {
    level: 'BEGINNER',
    minutesPerSession: 20,
    sessionsPerWeek: 3,
    equipment: [],
    avoidPositions: [],
    preferences: [],
    currentPain: 3,
    zoneId: detectedZone(),
    redFlags: {},
  };
}

function ProfileFields({ value, onChange, error }: { value: ProfileInput; onChange: (p: ProfileInput) => void; error: unknown }) {
  const set = <K extends keyof ProfileInput>(key: K, v: ProfileInput[K]) => onChange({ ...value, [key]: v });
  const minutesError = fieldError(error, 'minutesPerSession');
  const sessionsError = fieldError(error, 'sessionsPerWeek');
  const avoidError = fieldError(error, 'avoidPositions');
  return (
    <>
      <fieldset>
        <legend>{S.profile.level}</legend>
        <div class="checks">
          {(Object.keys(S.profile.levels) as Level[]).map((level) => (
            <label class="check" key={level}>
              <input type="radio" name="level" value={level} checked={value.level === level} onChange={() => set('level', level)} />
              <span>{S.profile.levels[level]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{S.profile.minutes}</span>
        <input
          type="number"
          name="minutesPerSession"
          min={10}
          max={90}
          step={5}
          value={value.minutesPerSession}
          aria-invalid={minutesError ? 'true' : undefined}
          aria-describedby={minutesError ? 'minutes-error' : undefined}
          onInput={(e) => set('minutesPerSession', Number((e.target as HTMLInputElement).value))}
        />
        <FieldError id="minutes-error" message={minutesError} />
      </label>
      <label class="field">
        <span>{S.profile.sessionsPerWeek}</span>
        <input
          type="number"
          name="sessionsPerWeek"
          min={1}
          max={7}
          value={value.sessionsPerWeek}
          aria-invalid={sessionsError ? 'true' : undefined}
          aria-describedby={sessionsError ? 'sessions-error' : undefined}
          onInput={(e) => set('sessionsPerWeek', Number((e.target as HTMLInputElement).value))}
        />
        <FieldError id="sessions-error" message={sessionsError} />
      </label>
      <CheckGroup legend={S.profile.equipment} name="equipment" options={EQUIPMENT} labels={S.profile.equipmentNames} value={value.equipment} onChange={(v) => set('equipment', v)} />
      <CheckGroup legend={S.profile.avoid} name="avoidPositions" options={AVOID} labels={S.profile.avoidNames} value={value.avoidPositions} onChange={(v) => set('avoidPositions', v)} />
      <FieldError id="avoid-error" message={avoidError} />
      <CheckGroup legend={S.profile.preferences} name="preferences" options={PREFERENCES} labels={S.profile.preferenceNames} value={value.preferences} onChange={(v) => set('preferences', v)} />
      <PainScale name="currentPain" legend={S.profile.pain} value={value.currentPain} onChange={(v) => set('currentPain', v)} error={fieldError(error, 'currentPain')} />
      <label class="field">
        <span>{S.profile.zone}</span>
        <input type="text" name="zoneId" value={value.zoneId} autoComplete="off" onInput={(e) => set('zoneId', (e.target as HTMLInputElement).value)} />
        <FieldError id="zone-error" message={fieldError(error, 'zoneId')} />
      </label>
    </>
  );
}

function RedFlagFields({ value, onChange }: { value: ProfileInput; onChange: (p: ProfileInput) => void }) {
  return (
    <section aria-labelledby="redflags-title" class="card">
      <h2 id="redflags-title">{S.profile.redFlagsTitle}</h2>
      <p>{S.profile.redFlagsIntro}</p>
      {RED_FLAGS.map((flag) => (
        <fieldset class="yesno" key={flag}>
          <legend>{S.profile.redFlags[flag]}</legend>
          <div class="checks">
            {[true, false].map((answer) => (
              <label class="check" key={String(answer)}>
                <input
                  type="radio"
                  name={flag}
                  checked={(value.redFlags[flag] ?? false) === answer}
                  onChange={() => onChange({ ...value, redFlags: { ...value.redFlags, [flag]: answer } })}
                />
                <span>{answer ? S.common.yes : S.common.no}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}

/** Try it: the profile questions without an account; the preview routine below. */
export function TryIt() {
  const [profile, setProfile] = useState(emptyProfile());
  const [result, setResult] = useState<RoutineResponse>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // the preview screens like a profile does: the red-flag answers go with it (issue 14)
      setResult(await previewRoutine(profile));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={S.profile.titleTry}>
      <form onSubmit={submit} noValidate>
        <ProfileFields value={profile} onChange={setProfile} error={error} />
        <RedFlagFields value={profile} onChange={setProfile} />
        <ProblemMessage error={error} />
        <button class="primary" type="submit" disabled={busy}>
          {S.profile.previewButton}
        </button>
      </form>
      {result && <RoutineView response={result} headingLevel={2} />}
    </Page>
  );
}

type Outcome = 'form' | 'urgent' | 'clinician';

/** Get started: profile + red flags; urgent → get help now, no routine; see a clinician → explain + clearance. */
export function GetStarted({ go }: { go: (hash: string) => void }) {
  const [stored] = useLoad(() => getProfile().catch((e) => (e instanceof ApiProblem && e.status === 404 ? null : Promise.reject(e))));
  const [profile, setProfile] = useState<ProfileInput | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('form');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [planKey] = useState(newIdempotencyKey);
  const value: ProfileInput = profile ?? (stored ? { ...emptyProfile(), ...stripView(stored) } : emptyProfile());

  const save = async (input: ProfileInput) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await saveProfile(input);
      if (saved.safety === 'URGENT_CARE') return setOutcome('urgent');
      if (saved.safety === 'SEE_CLINICIAN') return setOutcome('clinician');
      await createPlan(6, planKey);
      go('#/today');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (outcome === 'urgent') {
    return (
      <Page title={S.safety.urgentTitle}>
        <div class="urgent" role="alert">
          <p>{S.safety.urgentText}</p>
          <p>
            <strong>{S.safety.urgentCall}</strong>
          </p>
        </div>
        <button type="button" onClick={() => setOutcome('form')}>
          {S.safety.editProfile}
        </button>
      </Page>
    );
  }
  if (outcome === 'clinician') {
    return (
      <Page title={S.safety.clinicianTitle}>
        <p>{S.safety.clinicianText}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const cleared = { ...value, redFlags: { ...value.redFlags, clearedByClinician: true } };
            setProfile(cleared);
            setOutcome('form');
            void save(cleared);
          }}
        >
          <label class="check">
            <input type="checkbox" name="clearedByClinician" required />
            <span>{S.safety.cleared}</span>
          </label>
          <ProblemMessage error={error} />
          <button class="primary" type="submit" disabled={busy}>
            {S.safety.continueCleared}
          </button>
        </form>
        <button type="button" onClick={() => setOutcome('form')}>
          {S.safety.editProfile}
        </button>
      </Page>
    );
  }
  return (
    <Page title={S.profile.titleStart}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(value);
        }}
        noValidate
      >
        <ProfileFields value={value} onChange={setProfile} error={error} />
        <RedFlagFields value={value} onChange={setProfile} />
        <ProblemMessage error={error} />
        <button class="primary" type="submit" disabled={busy}>
          {busy ? S.profile.saving : S.profile.startButton}
        </button>
      </form>
    </Page>
  );
}

function stripView(view: ProfileInput): ProfileInput {
  const { level, minutesPerSession, sessionsPerWeek, equipment, avoidPositions, preferences, currentPain, zoneId, redFlags } = view;
  return { level, minutesPerSession, sessionsPerWeek, equipment, avoidPositions, preferences, currentPain, zoneId, redFlags: { ...redFlags, clearedByClinician: false } };
}
