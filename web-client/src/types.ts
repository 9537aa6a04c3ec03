/** The shapes of the public /api/v1 contract this client reads (a subset; unknown fields are ignored). */
export type Level = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';
export type Phase = 'WARM_UP' | 'STRENGTHENING' | 'STRETCHING' | 'LOW_IMPACT_CARDIO' | 'COOL_DOWN';
export const PHASES: Phase[] = ['WARM_UP', 'STRENGTHENING', 'STRETCHING', 'LOW_IMPACT_CARDIO', 'COOL_DOWN'];
export const EQUIPMENT = ['MAT', 'CHAIR', 'FOAM_ROLLER', 'TREADMILL', 'STATIONARY_BIKE', 'BICYCLE', 'POOL', 'ELLIPTICAL'] as const;
export const AVOID = ['FLOOR', 'KNEELING', 'ALL_FOURS', 'PRONE', 'SUPINE', 'SIDE_LYING', 'SEATED', 'STANDING', 'IN_WATER'] as const;
export const PREFERENCES = ['WALKING', 'CYCLING', 'POOL', 'YOGA', 'TAI_CHI'] as const;
export const RED_FLAGS = [
  'saddleNumbness',
  'newBladderOrBowelProblems',
  'progressiveLegWeaknessOrNumbness',
  'historyOfCancer',
  'unexplainedWeightLoss',
  'fever',
  'recentSignificantTrauma',
  'nightOrRestPain',
] as const;
export type RedFlagKey = (typeof RED_FLAGS)[number];
export type RedFlagScreen = Partial<Record<RedFlagKey | 'clearedByClinician', boolean>>;

export interface ProfileInput {
  level: Level;
  minutesPerSession: number;
  sessionsPerWeek: number;
  equipment: string[];
  avoidPositions: string[];
  preferences: string[];
  currentPain: number;
  zoneId: string;
  redFlags: RedFlagScreen;
}

export interface ProfileView extends ProfileInput {
  safety: 'PROCEED' | 'GENTLE_ONLY' | 'URGENT_CARE' | 'SEE_CLINICIAN';
  safetyMessage?: string;
}

export interface Prescription {
  sets?: number | null;
  reps?: number | null;
  holdSeconds?: number | null;
  perSide: boolean;
  minutes?: number | null;
  restSeconds?: number | null;
  intensity?: string | null;
  summary?: string | null;
}

export interface RoutineExercise {
  exerciseId: string;
  name: string;
  prescription: Prescription;
  estimatedSeconds: number;
  why?: string;
  cautions?: string[];
  consultDoctorFirst?: boolean;
}

export interface RoutinePhase {
  phase: Phase;
  name: string;
  estimatedSeconds: number;
  note?: string | null;
  exercises: RoutineExercise[];
}

export interface Routine {
  mode: 'STANDARD' | 'GENTLE';
  estimatedSeconds: number;
  phases: RoutinePhase[];
  cautions: string[];
  advice?: string[];
}

export interface RoutineResponse {
  status: 'READY' | 'GENTLE_ONLY' | 'BLOCKED';
  blocked?: { reason: 'URGENT_CARE' | 'SEE_CLINICIAN' | 'RED_FLAG_RECHECK'; flags: string[]; message: string } | null;
  message?: string | null;
  routine?: Routine | null;
}

export interface SessionView {
  sessionId: string;
  planId: string;
  index: number;
  weekNumber: number;
  scheduledDate: string;
  status: string;
  step: number;
  completable: boolean;
  completedAt?: string | null;
  today: RoutineResponse;
}

export interface PlanView {
  planId: string;
  status: string;
  startDate: string;
  endDate: string;
  weeks: number;
  sessionsPerWeek: number;
  currentStep: number;
  schedule: { week: number; step: number }[];
  sessions: { sessionId: string; index: number; weekNumber: number; scheduledDate: string; status: string; step: number; mode: string; estimatedMinutes?: number }[];
  adjustments: { at: string; trigger: string; decision: string; reason: string; pain: number }[];
}

export interface ExerciseResult {
  exerciseId: string;
  phase: Phase;
  status: 'DONE' | 'SKIPPED';
  skipReason?: string;
  sets?: number;
  reps?: number;
  holdSeconds?: number;
  minutes?: number;
}

export interface CompletionRequest {
  painBefore: number;
  painAfter: number;
  exertion: number;
  notes?: string;
  exercises: ExerciseResult[];
}

export interface CompletionView {
  sessionId: string;
  decision: 'PROGRESS' | 'HOLD' | 'STEP_BACK' | string;
  reason?: string;
  painAfter: number;
}

export interface Exercise {
  id: string;
  name: string;
  summary: string;
  steps: string[];
  phases: { phase: Phase; dose?: unknown }[];
  targets: string[];
  equipment: string[];
  position: string;
  floor: boolean;
  impact: string;
  difficulty: number;
  minLevel: Level;
  breathing?: string | null;
  cautions?: string[];
  consultDoctorFirst?: boolean;
  version?: number;
  [key: string]: unknown;
}

export interface ExercisePage {
  items: Exercise[];
  page: number;
  size: number;
  total: number;
}

export interface HistorySession {
  sessionId: string;
  date: string;
  durationSeconds: number;
  painBefore: number;
  painAfter: number;
  exertion: number;
}

export interface PainDay {
  date: string;
  before?: number | null;
  after?: number | null;
  checkIn?: number | null;
  average?: number | null;
  readings: number;
  rolling7?: number | null;
}

export interface PainTrend {
  from: string;
  to: string;
  days: PainDay[];
  summary: { sessions: number; checkIns: number; averageBefore?: number | null; averageAfter?: number | null };
}

export interface UserStatistics {
  today: string;
  totals: { sessions: number; totalMinutes: number; minutesByPhase: Partial<Record<Phase, number>> };
  streaks: { currentDays: number; longestDays: number; currentWeeks: number; longestWeeks: number };
  adherence: { completed: number; scheduled: number; rate?: number | null; weeks?: AdherenceWeek[] };
  personalRecords?: PersonalRecords | null;
}

export interface AdherenceWeek {
  planId?: string;
  weekNumber: number;
  firstSessionDate?: string;
  lastSessionDate?: string;
  completed: number;
  scheduled: number;
  rate?: number | null;
}

export interface ExerciseBest {
  exerciseId: string;
  value: number;
  date: string;
  sessionId?: string;
}

export interface PersonalRecords {
  longestSession?: { sessionId?: string; date?: string; minutes: number } | null;
  bestHolds?: ExerciseBest[];
  mostReps?: ExerciseBest[];
  longestDayStreak?: number;
  longestWeekStreak?: number;
  mostSessionsInAWeek?: { weekStart: string; sessions: number } | null;
}
