/**
 * Editing an exercise: which fields an editor may change (everything the API accepts on PUT; the server manages the
 * rest), the draft the form edits, and "apply my changes to their version" after a 409/412 — only the fields this
 * editor changed are laid over the other editor's version, so nothing of theirs is lost silently.
 */
import type { Exercise, Phase } from './types';

/** Fields the server manages; never part of "my changes". `version` comes from the version being replaced. */
const SERVER_MANAGED = ['id', 'contentVersion', 'deleted', 'updatedAt', 'origin', 'editedViaApi', 'version'];

export interface Range {
  min: number;
  max: number;
}

export interface Dose {
  sets?: Range | null;
  reps?: Range | null;
  holdSeconds?: Range | null;
  minutes?: Range | null;
  timesPerWeek?: Range | null;
  perSide?: boolean;
  restSeconds?: number | null;
  note?: string | null;
  source?: 'GUIDE' | 'DEFAULT' | null;
  sourceNote?: string | null;
}

export interface PhaseDose {
  phase: Phase;
  guideSection?: string | null;
  position?: string | null;
  dose: Dose;
}

export const RANGE_FIELDS = ['sets', 'reps', 'holdSeconds', 'minutes', 'timesPerWeek'] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

/** The top-level fields whose value differs between the version the editor started from and the edited one. */
export function changedFields(original: Exercise, edited: Exercise): Partial<Exercise> {
  const changed: Partial<Exercise> = {};
  const keys = new Set([...Object.keys(original), ...Object.keys(edited)]);
  for (const key of keys) {
    if (SERVER_MANAGED.includes(key)) continue;
    if (JSON.stringify(original[key] ?? null) !== JSON.stringify(edited[key] ?? null)) changed[key] = edited[key];
  }
  return changed;
}

/** Their version with my changed fields on top; sent with their ETag. */
export function reapply(theirs: Exercise, original: Exercise, edited: Exercise): Exercise {
  return clean({ ...theirs, ...changedFields(original, edited) });
}

/** What is sent: list fields without blank lines, optional texts without empty strings, read-only fields dropped. */
export function clean(exercise: Exercise): Exercise {
  const lines = (list?: string[]) => (list ?? []).map((l) => l.trim()).filter(Boolean);
  const text = (value?: string | null) => (value && value.trim() ? value.trim() : undefined);
  const out: Exercise = {
    ...exercise,
    name: exercise.name.trim(),
    summary: exercise.summary.trim(),
    steps: lines(exercise.steps),
    cautions: lines(exercise.cautions),
    aliases: lines(exercise.aliases as string[] | undefined),
    ladder: lines(exercise.ladder as string[] | undefined),
    breathing: text(exercise.breathing),
    phases: (exercise.phases as PhaseDose[]).map((p) => ({
      ...p,
      guideSection: text(p.guideSection),
      position: p.position || undefined,
      dose: { ...p.dose, note: text(p.dose.note), sourceNote: text(p.dose.sourceNote), source: p.dose.source || undefined },
    })),
  };
  for (const key of SERVER_MANAGED) if (key !== 'version' && key !== 'id') delete out[key];
  if ((out.ladder as string[]).length === 0) delete out.ladder;
  return out;
}

/** A range from two number fields: both empty means "not prescribed"; one filled means a single value. */
export function rangeOf(min: string, max: string): Range | null {
  if (min.trim() === '' && max.trim() === '') return null;
  const lo = min.trim() === '' ? Number(max) : Number(min);
  const hi = max.trim() === '' ? lo : Number(max);
  return { min: lo, max: hi };
}
