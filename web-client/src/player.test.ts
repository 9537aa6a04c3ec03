import { describe, expect, it } from 'vitest';
import { buildSteps, displaySeconds, formatClock, PlayerClock } from './player';

describe('buildSteps', () => {
  it('makes one step per set and side, with a rest between sets but not after the last', () => {
    const steps = buildSteps({ sets: 2, reps: 8, holdSeconds: 3, perSide: true, restSeconds: 30 });
    expect(steps.map((s) => s.kind)).toEqual(['reps', 'reps', 'rest', 'reps', 'reps']);
    expect(steps[0]).toMatchObject({ side: 'left', set: 1 });
    expect(steps[1]).toMatchObject({ side: 'right', set: 1 });
    expect(steps[2]).toMatchObject({ kind: 'rest', seconds: 30, afterSet: 1 });
  });

  it('turns minutes into one timed countdown and a lone hold into a hold', () => {
    expect(buildSteps({ minutes: 10 })).toEqual([{ kind: 'timed', set: 1, sets: 1, side: null, seconds: 600 }]);
    expect(buildSteps({ holdSeconds: 30, perSide: false })).toEqual([
      { kind: 'hold', set: 1, sets: 1, side: null, seconds: 30 },
    ]);
  });
});

describe('PlayerClock', () => {
  it('counts a hold down and moves to the next step exactly when it reaches zero', () => {
    const clock = new PlayerClock(buildSteps({ holdSeconds: 10, perSide: true }), 0);
    clock.start(0);
    expect(clock.tick(9_999)).toEqual([]);
    expect(displaySeconds(clock.snapshot.remainingMs)).toBe(1);
    expect(clock.tick(10_000)).toEqual(['step']);
    expect(clock.current).toMatchObject({ side: 'right' });
    expect(clock.tick(20_000)).toEqual(['done']);
    expect(clock.snapshot.finished).toBe(true);
  });

  it('freezes the time left while paused', () => {
    const clock = new PlayerClock(buildSteps({ holdSeconds: 10 }), 0);
    clock.start(0);
    clock.pause(4_000);
    expect(clock.tick(60_000)).toEqual([]);
    expect(clock.snapshot.remainingMs).toBe(6_000);
    clock.resume(100_000);
    expect(clock.tick(105_999)).toEqual([]);
    expect(clock.tick(106_000)).toEqual(['done']);
  });

  it('counts each repetition of a rep-with-hold step as its hold ends, then rests', () => {
    const clock = new PlayerClock(buildSteps({ sets: 2, reps: 2, holdSeconds: 3, restSeconds: 20 }), 0);
    clock.start(0);
    expect(clock.tick(3_000)).toEqual(['rep']);
    expect(clock.snapshot.rep).toBe(1);
    expect(clock.tick(6_000)).toEqual(['step']);
    expect(clock.current).toMatchObject({ kind: 'rest', seconds: 20 });
    expect(clock.tick(26_000)).toEqual(['step']);
    expect(clock.current).toMatchObject({ kind: 'reps', set: 2 });
  });

  it('crosses several steps in one long gap and reports every change', () => {
    const clock = new PlayerClock(buildSteps({ sets: 2, holdSeconds: 5, restSeconds: 5 }), 0);
    clock.start(0);
    expect(clock.tick(15_000)).toEqual(['step', 'step', 'done']);
  });

  it('lets the person count reps without a hold; the last rep ends the step', () => {
    const clock = new PlayerClock(buildSteps({ reps: 3 }), 0);
    clock.start(0);
    expect(clock.snapshot.remainingMs).toBeNull();
    expect(clock.tick(50_000)).toEqual([]);
    expect(clock.countRep()).toEqual(['rep']);
    expect(clock.countRep()).toEqual(['rep']);
    expect(clock.countRep()).toEqual(['done']);
  });

  it('does not run before start', () => {
    const clock = new PlayerClock(buildSteps({ holdSeconds: 5 }), 0);
    expect(clock.tick(10_000)).toEqual([]);
    expect(clock.snapshot.remainingMs).toBe(5_000);
  });
});

describe('formatClock', () => {
  it('shows minutes and two-digit seconds', () => {
    expect(formatClock(605)).toBe('10:05');
    expect(formatClock(0)).toBe('0:00');
  });
});
