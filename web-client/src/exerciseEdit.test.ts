import { describe, expect, it } from 'vitest';
import { changedFields, clean, rangeOf, reapply } from './exerciseEdit';
import type { Exercise } from './types';

const base: Exercise = {
  id: 'crunches', name: 'Crunches', summary: 'Curl up.', steps: ['Lie down.', 'Curl up.'],
  phases: [{ phase: 'STRENGTHENING', dose: { sets: { min: 2, max: 3 }, reps: { min: 10, max: 12 } } }],
  targets: ['CORE'], equipment: ['MAT'], position: 'SUPINE', floor: true, impact: 'NONE', difficulty: 2, minLevel: 'BEGINNER',
  cautions: ['Stop if it hurts.'], consultDoctorFirst: false, version: 3, updatedAt: '2026-01-01T00:00:00Z', origin: 'CONTENT',
};

describe('exercise editing', () => {
  it('lays only the fields I changed over their version, with their version number', () => {
    const mine = { ...base, name: 'Crunches (mine)', phases: [{ phase: 'STRENGTHENING', dose: { sets: { min: 2, max: 4 } } }] } as Exercise;
    const theirs = { ...base, summary: 'Their summary.', version: 4 };
    expect(Object.keys(changedFields(base, mine)).sort()).toEqual(['name', 'phases']);
    const merged = reapply(theirs, base, mine);
    expect(merged.name).toBe('Crunches (mine)');
    expect(merged.summary).toBe('Their summary.');
    expect(merged.version).toBe(4);
    expect((merged.phases[0].dose as { sets: unknown }).sets).toEqual({ min: 2, max: 4 });
  });

  it('sends lists without blank lines and no server-managed fields', () => {
    const sent = clean({ ...base, steps: ['Lie down.', '', '  Curl up. '], cautions: ['', 'Slowly.'], breathing: '  ' });
    expect(sent.steps).toEqual(['Lie down.', 'Curl up.']);
    expect(sent.cautions).toEqual(['Slowly.']);
    expect(sent.breathing).toBeUndefined();
    expect(sent.updatedAt).toBeUndefined();
    expect(sent.origin).toBeUndefined();
    expect(sent.version).toBe(3);
    expect(sent.id).toBe('crunches');
  });

  it('reads a range from two fields: both empty is none, one is a single value', () => {
    expect(rangeOf('', '')).toBeNull();
    expect(rangeOf('3', '')).toEqual({ min: 3, max: 3 });
    expect(rangeOf('', '4')).toEqual({ min: 4, max: 4 });
    expect(rangeOf('2', '4')).toEqual({ min: 2, max: 4 });
  });
});
