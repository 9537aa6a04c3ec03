import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, getExercise, updateExercise } from '../api';
import { changedFields, clean, PhaseDose, RANGE_FIELDS, rangeOf, reapply } from '../exerciseEdit';
import { fmt, strings as S } from '../i18n';
import { Exercise, Phase, PHASES } from '../types';
import { CheckGroup, FieldError, ProblemMessage } from '../ui';

type Loaded = { exercise: Exercise; etag: string | null };
const E = S.editor;
const TARGETS = Object.keys(S.exercises.targetNames);
const POSITIONS = Object.keys(S.exercises.positionNames);
const EQUIPMENT = Object.keys(S.profile.equipmentNames);

/** The server's messages for a field and everything under it (e.g. "phases[1]" covers its dose). */
function messagesFor(error: unknown, field: string): string[] {
  if (!(error instanceof ApiProblem)) return [];
  return error.violations
    .filter((v) => v.field === field || v.field.endsWith('.' + field) || v.field.startsWith(field + '.') || v.field.startsWith(field + '['))
    .map((v) => (v.field === field || v.field.endsWith('.' + field) ? v.message : `${v.field}: ${v.message}`));
}

function Err({ error, field }: { error: unknown; field: string }) {
  const messages = messagesFor(error, field);
  return messages.length ? <FieldError id={`${field}-error`} message={messages.join(' ')} /> : null;
}

function described(error: unknown, field: string) {
  return messagesFor(error, field).length ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${field}-error` } : {};
}

function Text(props: { label: string; name: string; value?: string | null; error: unknown; multiline?: boolean; onChange: (v: string) => void }) {
  const common = { name: props.name, value: props.value ?? '', ...described(props.error, props.name) };
  return (
    <label class="field">
      <span>{props.label}</span>
      {props.multiline ? (
        <textarea {...common} rows={3} onInput={(e) => props.onChange((e.target as HTMLTextAreaElement).value)} />
      ) : (
        <input {...common} onInput={(e) => props.onChange((e.target as HTMLInputElement).value)} />
      )}
      <Err error={props.error} field={props.name} />
    </label>
  );
}

/** A list edited one entry per line. */
function Lines(props: { label: string; name: string; value?: string[]; error: unknown; rows?: number; onChange: (v: string[]) => void }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <textarea name={props.name} rows={props.rows ?? 4} value={(props.value ?? []).join('\n')} {...described(props.error, props.name)} onInput={(e) => props.onChange((e.target as HTMLTextAreaElement).value.split('\n'))} />
      <Err error={props.error} field={props.name} />
    </label>
  );
}

function Choice(props: { label: string; name: string; value?: string | null; options: string[]; labels: Record<string, string>; empty?: string; onChange: (v: string) => void }) {
  // label by id, not by wrapping: a wrapped select would add its chosen option to its own name
  const id = `edit-${props.name.replace(/[^\w-]/g, '-')}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value ?? ''} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>{props.labels[o] ?? o}</option>
        ))}
      </select>
    </div>
  );
}

function Check(props: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label class="check">
      <input type="checkbox" name={props.name} checked={props.checked} onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)} />
      <span>{props.label}</span>
    </label>
  );
}

function DoseFields({ value, index, error, onChange }: { value: PhaseDose; index: number; error: unknown; onChange: (v: PhaseDose) => void }) {
  const dose = value.dose;
  const setDose = (patch: Partial<PhaseDose['dose']>) => onChange({ ...value, dose: { ...dose, ...patch } });
  const prefix = `phases[${index}]`;
  return (
    <fieldset class="dose">
      <legend>{fmt(E.doseIn, { phase: S.phases[value.phase] })}</legend>
      <div class="dose-grid">
        {RANGE_FIELDS.map((field) => {
          const range = dose[field];
          const set = (min: string, max: string) => setDose({ [field]: rangeOf(min, max) });
          return (
            <fieldset key={field} class="range">
              <legend>{E.dose[field]}</legend>
              <label>
                <span>{E.min}</span>
                <input type="number" min={0} inputMode="numeric" name={`${prefix}.${field}.min`} value={range?.min ?? ''} onInput={(e) => set((e.target as HTMLInputElement).value, String(range?.max ?? ''))} />
              </label>
              <label>
                <span>{E.max}</span>
                <input type="number" min={0} inputMode="numeric" name={`${prefix}.${field}.max`} value={range?.max ?? ''} onInput={(e) => set(String(range?.min ?? ''), (e.target as HTMLInputElement).value)} />
              </label>
            </fieldset>
          );
        })}
        <label class="field">
          <span>{E.dose.restSeconds}</span>
          <input type="number" min={0} max={600} inputMode="numeric" name={`${prefix}.restSeconds`} value={dose.restSeconds ?? ''} onInput={(e) => {
            const v = (e.target as HTMLInputElement).value;
            setDose({ restSeconds: v === '' ? null : Number(v) });
          }} />
        </label>
      </div>
      <Check label={E.dose.perSide} name={`${prefix}.perSide`} checked={!!dose.perSide} onChange={(perSide) => setDose({ perSide })} />
      <Text label={E.dose.note} name={`${prefix}.note`} value={dose.note} error={error} onChange={(note) => setDose({ note })} />
      <Choice label={E.dose.source} name={`${prefix}.source`} value={dose.source} options={['GUIDE', 'DEFAULT']} labels={E.sources} empty={E.notSet} onChange={(v) => setDose({ source: (v || null) as PhaseDose['dose']['source'] })} />
      <Text label={E.dose.sourceNote} name={`${prefix}.sourceNote`} value={dose.sourceNote} error={error} onChange={(sourceNote) => setDose({ sourceNote })} />
      <Text label={E.guideSection} name={`${prefix}.guideSection`} value={value.guideSection} error={error} onChange={(guideSection) => onChange({ ...value, guideSection })} />
      <Choice label={E.phasePosition} name={`${prefix}.position`} value={value.position} options={POSITIONS} labels={S.exercises.positionNames} empty={E.sameAsExercise} onChange={(v) => onChange({ ...value, position: v || null })} />
      <Err error={error} field={prefix} />
    </fieldset>
  );
}

/**
 * The editor's form: every field the API accepts on PUT. Saved with If-Match; a 409/412 shows the other version
 * and the fields changed here, and "apply my changes to their version" — never a silent overwrite.
 */
export function ExerciseEditor({ id, base, onSaved, onCancel }: { id: string; base: Loaded; onSaved: (r: Loaded) => void; onCancel: () => void }) {
  const original = base.exercise;
  const [draft, setDraft] = useState<Exercise>(() => JSON.parse(JSON.stringify(original)));
  const [saveError, setSaveError] = useState<unknown>();
  const [conflict, setConflict] = useState<Loaded | null>(null);
  const conflictBox = useRef<HTMLDivElement>(null);
  // the other version is shown at the top of a long form: bring it into view and start reading there
  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict]);
  const phases = draft.phases as PhaseDose[];
  const set = (patch: Partial<Exercise>) => setDraft({ ...draft, ...patch });
  const setPhase = (phase: Phase, on: boolean) => {
    const next = on ? [...phases, { phase, dose: {} }] : phases.filter((p) => p.phase !== phase);
    set({ phases: PHASES.flatMap((p) => next.filter((n) => n.phase === p)) });
  };

  const save = async (body: Exercise, etag: string | null) => {
    setSaveError(undefined);
    try {
      const result = await updateExercise(id, body, etag);
      setConflict(null);
      onSaved(result);
    } catch (e) {
      if (e instanceof ApiProblem && (e.status === 409 || e.status === 412)) setConflict(await getExercise(id));
      else setSaveError(e);
    }
  };
  const order = Object.keys(E.fieldNames);
  const mine = Object.keys(changedFields(original, clean(draft))).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const fieldName = (key: string) => (E.fieldNames as Record<string, string>)[key] ?? key;

  return (
    <form class="card editor" onSubmit={(e) => (e.preventDefault(), void save(clean(draft), base.etag))}>
      <h2>{E.title}</h2>
      {conflict && (
        <div class="conflict" role="alert" tabIndex={-1} ref={conflictBox}>
          <h2>{S.exercises.conflictTitle}</h2>
          <p>{S.exercises.conflictText}</p>
          <div class="compare">
            <div>
              <h3>{S.exercises.theirVersion}</h3>
              <p data-testid="their-name">{conflict.exercise.name}</p>
              <p>{conflict.exercise.summary}</p>
            </div>
            <div>
              <h3>{S.exercises.yourChanges}</h3>
              <p data-testid="my-fields">{mine.length ? mine.map(fieldName).join(', ') : E.noChanges}</p>
            </div>
          </div>
          <button type="button" class="primary" onClick={() => void save(reapply(conflict.exercise, original, clean(draft)), conflict.etag)}>
            {S.exercises.reapply}
          </button>
        </div>
      )}
      <Text label={S.exercises.name} name="name" value={draft.name} error={saveError} onChange={(name) => set({ name })} />
      <Lines label={E.aliases} name="aliases" value={draft.aliases as string[] | undefined} error={saveError} rows={2} onChange={(aliases) => set({ aliases })} />
      <Text label={S.exercises.summary} name="summary" value={draft.summary} error={saveError} multiline onChange={(summary) => set({ summary })} />
      <Lines label={S.exercises.stepsEdit} name="steps" value={draft.steps} error={saveError} rows={6} onChange={(steps) => set({ steps })} />
      <Text label={E.breathing} name="breathing" value={draft.breathing} error={saveError} onChange={(breathing) => set({ breathing })} />
      <Lines label={E.cautions} name="cautions" value={draft.cautions} error={saveError} onChange={(cautions) => set({ cautions })} />
      <Check label={E.consultDoctorFirst} name="consultDoctorFirst" checked={!!draft.consultDoctorFirst} onChange={(consultDoctorFirst) => set({ consultDoctorFirst })} />
      <CheckGroup legend={S.exercises.target} name="targets" options={TARGETS} labels={S.exercises.targetNames} value={draft.targets} onChange={(targets) => set({ targets })} />
      <Err error={saveError} field="targets" />
      <CheckGroup legend={S.exercises.equipment} name="equipment" options={EQUIPMENT} labels={S.profile.equipmentNames} value={draft.equipment} onChange={(equipment) => set({ equipment })} />
      <div class="editor-grid">
        <Choice label={S.exercises.position} name="position" value={draft.position} options={POSITIONS} labels={S.exercises.positionNames} onChange={(position) => set({ position })} />
        <Choice label={E.impact} name="impact" value={draft.impact} options={['NONE', 'LOW', 'MODERATE']} labels={E.impacts} onChange={(impact) => set({ impact })} />
        <Choice label={E.difficulty} name="difficulty" value={String(draft.difficulty)} options={['1', '2', '3', '4', '5']} labels={E.difficulties} onChange={(v) => set({ difficulty: Number(v) })} />
        <Choice label={E.minLevel} name="minLevel" value={draft.minLevel} options={Object.keys(S.profile.levels)} labels={S.profile.levels} onChange={(v) => set({ minLevel: v as Exercise['minLevel'] })} />
      </div>
      <Check label={E.floor} name="floor" checked={!!draft.floor} onChange={(floor) => set({ floor })} />
      <Lines label={E.ladder} name="ladder" value={draft.ladder as string[] | undefined} error={saveError} rows={3} onChange={(ladder) => set({ ladder })} />
      <fieldset>
        <legend>{E.phases}</legend>
        <div class="checks">
          {PHASES.map((p) => (
            <Check key={p} label={S.phases[p]} name={`phase-${p}`} checked={phases.some((x) => x.phase === p)} onChange={(on) => setPhase(p, on)} />
          ))}
        </div>
        <Err error={saveError} field="phases" />
      </fieldset>
      {phases.map((p, i) => (
        <DoseFields key={p.phase} value={p} index={i} error={saveError} onChange={(v) => set({ phases: phases.map((x) => (x.phase === v.phase ? v : x)) })} />
      ))}
      <ProblemMessage error={saveError} />
      {!conflict && <button type="submit" class="primary">{S.exercises.saveChanges}</button>}
      <button type="button" onClick={onCancel}>{S.common.cancel}</button>
    </form>
  );
}
