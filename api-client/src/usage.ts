/**
 * Calls EVERY route of the public contract through the typed client. Never run, only type-checked
 * (`npm run typecheck`): when the contract changes in a way that breaks a front-end (a removed route or field, a
 * changed type, a new required field), this file stops compiling and the build fails.
 */
import { createBackReliefClient, type Problem, type Schema } from "./index.js";

const api = createBackReliefClient({ baseUrl: "http://localhost:8080", token: () => "token" });

function show(problem: Problem | undefined): string {
  return problem ? `${problem.status ?? ""} ${problem.title ?? ""}: ${problem.detail ?? ""} (${problem.requestId ?? ""})` : "";
}

export async function catalog(): Promise<void> {
  const page = await api.GET("/api/v1/exercises", {
    params: {
      query: {
        phase: "STRENGTHENING", target: "CORE", equipment: ["MAT", "CHAIR"], position: "STANDING",
        excludePosition: ["PRONE"], impact: "NONE", maxDifficulty: 3, level: "BEGINNER", q: "bridge", page: 0, size: 20,
        sort: "name",
      },
      header: { "If-None-Match": '"W/page"' },
    },
  });
  const items: Schema<"Exercise">[] = page.data?.items ?? [];
  const total: number | undefined = page.data?.total;
  show(page.error);

  const one = await api.GET("/api/v1/exercises/{id}", { params: { path: { id: "bird-dog" } } });
  const exercise: Schema<"Exercise"> | undefined = one.data;
  const steps: string[] | undefined = exercise?.steps;

  const phases = await api.GET("/api/v1/phases");
  const phaseNames: string[] = (phases.data ?? []).map((p) => p.name);
  const ofPhase = await api.GET("/api/v1/phases/{phase}/exercises", {
    params: { path: { phase: "WARM_UP" }, query: { size: 5 } },
  });
  const warmUps: number = ofPhase.data?.items?.length ?? 0;

  if (exercise) {
    const created = await api.POST("/api/v1/exercises", { body: { ...exercise, id: "my-stretch" } });
    const version: number | undefined = created.data?.version;
    const changed = await api.PUT("/api/v1/exercises/{id}", {
      params: { path: { id: "my-stretch" }, header: { "If-Match": '"my-stretch.v1"' } },
      body: { ...exercise, id: "my-stretch", name: "My stretch" },
    });
    show(changed.error);
    const deleted = await api.DELETE("/api/v1/exercises/{id}", { params: { path: { id: "my-stretch" } } });
    show(deleted.error);
    void version;
  }
  void items, total, steps, phaseNames, warmUps;
}

export async function tryARoutine(): Promise<void> {
  const preview = await api.POST("/api/v1/routines/preview", {
    body: {
      level: "BEGINNER", minutesPerSession: 30, sessionsPerWeek: 3, equipment: ["MAT", "CHAIR"], avoidPositions: [],
      preferences: ["WALKING"], currentPain: 3, zoneId: "Europe/Berlin", day: 0,
      // the preview screens like a profile: the red-flag answers are required (all "no" is fine)
      redFlags: {}, doctorCheckedStrengthening: false,
    },
  });
  const phases: Schema<"RoutinePhase">[] = preview.data?.routine?.phases ?? [];
  void phases;
}

export async function myProgram(): Promise<void> {
  const redFlags: Schema<"RedFlagScreen"> = {
    saddleNumbness: false, newBladderOrBowelProblems: false, progressiveLegWeaknessOrNumbness: false,
    historyOfCancer: false, unexplainedWeightLoss: false, fever: false, recentSignificantTrauma: false,
    nightOrRestPain: false, clearedByClinician: false,
  };
  const saved = await api.PUT("/api/v1/me/profile", {
    body: { level: "BEGINNER", minutesPerSession: 30, sessionsPerWeek: 3, currentPain: 3, redFlags, zoneId: "Europe/Berlin" },
  });
  const safety: string | undefined = saved.data?.safety;
  const profile = await api.GET("/api/v1/me/profile");
  show(profile.error);

  const plan = await api.POST("/api/v1/me/plans", { body: { weeks: 6 } });
  const planId: string | undefined = plan.data?.planId;
  const current = await api.GET("/api/v1/me/plans/current");
  show(current.error);

  const next = await api.GET("/api/v1/me/sessions/next");
  const sessionId = next.data?.sessionId ?? "";
  const session = await api.GET("/api/v1/me/sessions/{sessionId}", { params: { path: { sessionId } } });
  const routine: Schema<"Routine"> | undefined = session.data?.today?.routine;

  const done = await api.POST("/api/v1/me/sessions/{sessionId}/completion", {
    params: { path: { sessionId } },
    body: {
      painBefore: 3, painAfter: 2, exertion: 5, notes: "Felt good",
      exercises: [
        { exerciseId: "cat-camel", phase: "WARM_UP", status: "DONE", reps: 10 },
        { exerciseId: "plank", phase: "STRENGTHENING", status: "SKIPPED", skipReason: "Wrist hurt" },
      ],
    },
  });
  const decision: string | undefined = done.data?.decision;
  const checkIn = await api.POST("/api/v1/me/checkins", { body: { pain: 2, sessionId } });
  const checkInId: string | undefined = checkIn.data?.checkInId;
  void safety, planId, routine, decision, checkInId;
}

export async function myProgress(): Promise<void> {
  const history = await api.GET("/api/v1/me/history", {
    params: { query: { from: "2025-03-01", to: "2025-03-31", page: 0, size: 20 } },
  });
  const sessions: Schema<"TrackingSessionView">[] = history.data?.items ?? [];
  const csv = await api.GET("/api/v1/me/history.csv", { params: { query: { from: "2025-03-01" } }, parseAs: "text" });
  const text: string | undefined = csv.data;
  const stats = await api.GET("/api/v1/me/stats");
  const streak: number | undefined = stats.data?.streaks?.currentDays;
  const trend = await api.GET("/api/v1/me/pain-trend", { params: { query: { from: "2025-03-01", to: "2025-03-28" } } });
  const days: number = trend.data?.days?.length ?? 0;
  const exercise = await api.GET("/api/v1/me/exercises/{exerciseId}/stats", { params: { path: { exerciseId: "bird-dog" } } });
  show(exercise.error);

  const dashboard = await api.GET("/api/v1/me/dashboard");
  const next: Schema<"SessionView"> | undefined = dashboard.data?.nextSession.data;
  const available: boolean | undefined = dashboard.data?.streak.available;
  const adherence: number | undefined = dashboard.data?.weeklyAdherence.data?.rate;
  const painDays: number = dashboard.data?.painTrend.data?.days?.length ?? 0;
  void sessions, text, streak, days, next, available, adherence, painDays;
}

export async function administration(): Promise<void> {
  const rebuild = await api.POST("/api/v1/admin/history/rebuild");
  const state: string | undefined = rebuild.data?.state;
  void state;
}
