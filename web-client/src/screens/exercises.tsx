import { useState } from 'preact/hooks';
import { ExerciseFilter, getExercise, listExercises } from '../api';
import { roles } from '../auth';
import { plural, strings as S } from '../i18n';
import { Exercise, PHASES } from '../types';
import { Loading, Page, ProblemMessage, useLoad } from '../ui';
import { ExerciseEditor } from './exerciseEditor';

// The option lists are the keys of the plain-word labels in the strings file, so a label cannot go missing.
const TARGETS = Object.keys(S.exercises.targetNames);
const POSITIONS = Object.keys(S.exercises.positionNames);

function Select(props: { label: string; name: string; value?: string; options: string[]; labels?: Record<string, string>; onChange: (v: string) => void }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select name={props.name} value={props.value ?? ''} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{S.exercises.any}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? o.replace(/_/g, ' ').toLowerCase()}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Exercises() {
  const [filter, setFilter] = useState<ExerciseFilter>({ size: 20 });
  const [q, setQ] = useState('');
  const [page, error] = useLoad(() => listExercises(filter), [JSON.stringify(filter)]);
  const set = (key: keyof ExerciseFilter) => (v: string) => setFilter({ ...filter, [key]: v || undefined, size: 20 });
  return (
    <Page title={S.exercises.title}>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...filter, q: q || undefined });
        }}
      >
        <label class="field">
          <span>{S.exercises.search}</span>
          <input type="search" name="q" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{S.exercises.search}</button>
        <Select label={S.exercises.phase} name="phase" value={filter.phase} options={PHASES} labels={S.phases} onChange={set('phase')} />
        <Select label={S.exercises.target} name="target" value={filter.target} options={TARGETS} labels={S.exercises.targetNames} onChange={set('target')} />
        <Select label={S.exercises.equipment} name="equipment" value={filter.equipment} options={Object.keys(S.profile.equipmentNames)} labels={S.profile.equipmentNames} onChange={set('equipment')} />
        <Select label={S.exercises.position} name="position" value={filter.position} options={POSITIONS} labels={S.exercises.positionNames} onChange={set('position')} />
        <Select label={S.exercises.level} name="level" value={filter.level} options={Object.keys(S.profile.levels)} labels={S.profile.levels} onChange={set('level')} />
      </form>
      <ProblemMessage error={error} />
      {!page && !error && <Loading />}
      {page && (
        <>
          <p role="status">{plural(S.exercises.results, page.total)}</p>
          <ul class="exercise-list">
            {page.items.map((e) => (
              <li key={e.id} class="card">
                <a href={`#/exercises/${e.id}`}>{e.name}</a>
                <p>{e.summary}</p>
              </li>
            ))}
          </ul>
          {page.items.length < page.total && (
            <button type="button" onClick={() => setFilter({ ...filter, size: (filter.size ?? 20) + 20 })}>
              {S.exercises.more}
            </button>
          )}
        </>
      )}
    </Page>
  );
}

export function ExerciseDetail({ id }: { id: string }) {
  const [loaded, error] = useLoad(() => getExercise(id), [id]);
  const [editing, setEditing] = useState(false);
  const [current, setCurrent] = useState<{ exercise: Exercise; etag: string | null } | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = current ?? loaded;
  if (error) return <Page title={S.exercises.title}><ProblemMessage error={error} /></Page>;
  if (!shown) return <Page title={S.exercises.title}><Loading /></Page>;
  const ex = shown.exercise;
  const isEditor = roles().includes('editor');

  return (
    <Page title={ex.name}>
      <p>{ex.summary}</p>
      <p class="muted">
        {ex.phases.map((p) => S.phases[p.phase]).join(', ')} · {S.exercises.positionNames[ex.position as keyof typeof S.exercises.positionNames] ?? ex.position} · {S.profile.levels[ex.minLevel]}
      </p>
      <section class="card">
        <h2>{S.exercises.steps}</h2>
        <ol>
          {ex.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        {ex.breathing && <p>{ex.breathing}</p>}
      </section>
      {(ex.cautions?.length ?? 0) > 0 && (
        <section class="card caution">
          <h2>{S.exercises.cautions}</h2>
          <ul>
            {ex.cautions!.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      )}
      {saved && <p role="status">{S.exercises.saved}</p>}
      {isEditor && !editing && (
        <button type="button" onClick={() => (setSaved(false), setEditing(true))}>
          {S.exercises.edit}
        </button>
      )}
      {editing && (
        <ExerciseEditor
          id={id}
          base={shown}
          onSaved={(result) => (setCurrent(result), setEditing(false), setSaved(true))}
          onCancel={() => setEditing(false)}
        />
      )}
    </Page>
  );
}
