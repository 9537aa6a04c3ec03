/**
 * Session-player timing logic, free of the DOM: an exercise's prescription becomes a list of steps (reps to count,
 * a hold or timed block to count down, a rest, a side change), and a clock that knows how much of the current step
 * is left, survives pause/resume and reports every change. Time comes from the caller (performance.now() or a
 * test's fake clock), so the same code runs in the browser and in Vitest.
 */
export interface Prescription {
  sets?: number | null;
  reps?: number | null;
  holdSeconds?: number | null;
  perSide?: boolean;
  minutes?: number | null;
  restSeconds?: number | null;
  intensity?: string | null;
  summary?: string | null;
}

export type Side = 'left' | 'right' | null;

export type Step =
  | { kind: 'reps'; set: number; sets: number; side: Side; reps: number; holdSeconds: number }
  | { kind: 'hold'; set: number; sets: number; side: Side; seconds: number }
  | { kind: 'timed'; set: number; sets: number; side: Side; seconds: number }
  | { kind: 'rest'; afterSet: number; seconds: number };

/** The steps of one exercise, in the order a person does them. */
export function buildSteps(p: Prescription): Step[] {
  const sets = Math.max(1, p.sets ?? 1);
  const sides: Side[] = p.perSide ? ['left', 'right'] : [null];
  const steps: Step[] = [];
  for (let set = 1; set <= sets; set++) {
    for (const side of sides) {
      if (p.minutes && p.minutes > 0) {
        steps.push({ kind: 'timed', set, sets, side, seconds: Math.round(p.minutes * 60) });
      } else if (p.reps && p.reps > 0) {
        steps.push({ kind: 'reps', set, sets, side, reps: p.reps, holdSeconds: p.holdSeconds ?? 0 });
      } else if (p.holdSeconds && p.holdSeconds > 0) {
        steps.push({ kind: 'hold', set, sets, side, seconds: p.holdSeconds });
      } else {
        steps.push({ kind: 'reps', set, sets, side, reps: 1, holdSeconds: 0 });
      }
    }
    if (set < sets) {
      const rest = p.restSeconds ?? 0;
      if (rest > 0) steps.push({ kind: 'rest', afterSet: set, seconds: rest });
    }
  }
  return steps;
}

/** Seconds a step counts down from, or null when the person counts (reps without a hold). */
export function countdownSeconds(step: Step): number | null {
  switch (step.kind) {
    case 'hold':
    case 'timed':
    case 'rest':
      return step.seconds;
    case 'reps':
      return step.holdSeconds > 0 ? step.holdSeconds : null;
  }
}

export type PlayerEvent = 'step' | 'rep' | 'done';

export interface PlayerState {
  index: number;
  /** repetitions finished in the current reps step */
  rep: number;
  /** milliseconds left of the current countdown (the hold of the current rep for reps with a hold) */
  remainingMs: number | null;
  running: boolean;
  finished: boolean;
}

/**
 * Drives the steps of one exercise. Call {@link tick} with the current time as often as convenient (every animation
 * frame or every 250 ms): it advances as far as the elapsed time allows and returns the changes that happened, so
 * the caller can beep/vibrate once per change. Pausing freezes the remaining time exactly.
 */
export class PlayerClock {
  private state: PlayerState;
  private lastTick: number | null = null;

  constructor(readonly steps: Step[], now: number) {
    this.state = { index: 0, rep: 0, remainingMs: null, running: false, finished: steps.length === 0 };
    this.enter(0);
    this.lastTick = now;
  }

  get snapshot(): Readonly<PlayerState> {
    return { ...this.state };
  }

  get current(): Step | undefined {
    return this.steps[this.state.index];
  }

  start(now: number): void {
    if (this.state.finished) return;
    this.state.running = true;
    this.lastTick = now;
  }

  pause(now: number): void {
    this.tick(now);
    this.state.running = false;
  }

  resume(now: number): void {
    this.start(now);
  }

  /** Advances the countdown; returns the changes in order (a long gap may cross several steps). */
  tick(now: number): PlayerEvent[] {
    const events: PlayerEvent[] = [];
    const last = this.lastTick ?? now;
    this.lastTick = now;
    if (!this.state.running || this.state.finished) return events;
    let elapsed = Math.max(0, now - last);
    while (elapsed > 0 && !this.state.finished && this.state.remainingMs !== null) {
      const used = Math.min(elapsed, this.state.remainingMs);
      this.state.remainingMs -= used;
      elapsed -= used;
      if (this.state.remainingMs <= 0) {
        events.push(...this.countdownEnded());
      }
    }
    return events;
  }

  /** The person counted one repetition (reps without a hold). */
  countRep(): PlayerEvent[] {
    const step = this.current;
    if (!step || step.kind !== 'reps' || this.state.finished) return [];
    this.state.rep++;
    if (this.state.rep >= step.reps) return this.next();
    return ['rep'];
  }

  /** Skip the rest of the current step (e.g. end a rest early). */
  next(): PlayerEvent[] {
    if (this.state.finished) return [];
    if (this.state.index + 1 >= this.steps.length) {
      this.state.finished = true;
      this.state.running = false;
      this.state.remainingMs = null;
      return ['done'];
    }
    this.enter(this.state.index + 1);
    return ['step'];
  }

  private countdownEnded(): PlayerEvent[] {
    const step = this.current!;
    if (step.kind === 'reps') {
      this.state.rep++;
      if (this.state.rep < step.reps) {
        this.state.remainingMs = step.holdSeconds * 1000;
        return ['rep'];
      }
    }
    return this.next();
  }

  private enter(index: number): void {
    this.state.index = index;
    this.state.rep = 0;
    const step = this.steps[index];
    const seconds = step ? countdownSeconds(step) : null;
    this.state.remainingMs = seconds === null ? null : seconds * 1000;
  }
}

/** Whole seconds to show for a countdown (rounded up: "1" until it reaches zero). */
export function displaySeconds(remainingMs: number | null): number | null {
  return remainingMs === null ? null : Math.ceil(remainingMs / 1000);
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${s.toString().padStart(2, '0')}`;
}
