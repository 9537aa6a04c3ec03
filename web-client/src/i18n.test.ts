import { describe, expect, it } from 'vitest';
import { plural, strings as S } from './i18n';

describe('plural', () => {
  it('picks the singular for one and the plural otherwise', () => {
    expect(plural(S.progress.streakDays, 1)).toBe('1 day');
    expect(plural(S.progress.streakDays, 2)).toBe('2 days');
    expect(plural(S.progress.streakDays, 0)).toBe('0 days');
    expect(plural(S.common.queued, 1)).toBe('1 finished session waiting to be sent.');
  });

  it('fills the other placeholders alongside {n}', () => {
    expect(plural(S.progress.chartSummary, 1, { after: '3.0' })).toBe('average after sessions 3.0, readings on 1 day');
  });

  it('falls back to the other form when a category is missing', () => {
    expect(plural({ other: '{n} things' }, 1)).toBe('1 things');
  });
});

describe('filter labels', () => {
  it('gives every target and position a plain-word label, never the raw enum', () => {
    for (const label of [...Object.values(S.exercises.targetNames), ...Object.values(S.exercises.positionNames)]) {
      expect(label).not.toMatch(/[A-Z]{2}|_/);
    }
    expect(S.exercises.positionNames.SUPINE).toBe('Lying on your back');
  });
});
