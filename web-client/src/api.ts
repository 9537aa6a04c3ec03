/**
 * Every call this client makes to BackRelief goes through this module, and only to the public /api/v1 contract.
 * It adds the bearer token, an Idempotency-Key on writes, turns application/problem+json answers into ApiProblem
 * (with the violations per field), honours Retry-After on 429/503 for reads, and retries once after a 401 with a
 * renewed token.
 */
import type {
  CompletionRequest,
  CompletionView,
  Exercise,
  ExercisePage,
  HistorySession,
  PainTrend,
  PlanView,
  ProfileInput,
  ProfileView,
  RoutineResponse,
  SessionView,
  UserStatistics,
} from './types';

export interface Violation {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly violations: Violation[],
    readonly type: string | undefined,
    readonly retryAfterSeconds: number | undefined,
    readonly body: unknown,
    readonly headers?: Headers,
  ) {
    super(detail || title);
  }

  /** The message for one field (e.g. "minutesPerSession"), if the server named it. */
  forField(field: string): string | undefined {
    return this.violations.find((v) => v.field === field || v.field.endsWith('.' + field))?.message;
  }
}

/** Thrown when the request never got an answer (offline, DNS, connection refused). */
export class NetworkError extends Error {}

type TokenSource = { token(): Promise<string | null>; renew(): Promise<string | null> };
let tokens: TokenSource = { token: async () => null, renew: async () => null };
let base = '';

export function configureApi(apiBase: string, source: TokenSource): void {
  base = apiBase.replace(/\/$/, '');
  tokens = source;
}

const MAX_WAIT_SECONDS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Options {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined | string[]>;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  auth?: boolean;
  accept?: string;
}

function url(path: string, query?: Options['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return `${base}/api/v1${path}${qs ? '?' + qs : ''}`;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status only
  }
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiProblem(
    response.status,
    String(body.title ?? response.statusText ?? 'Error'),
    body.detail as string | undefined,
    Array.isArray(body.violations) ? (body.violations as Violation[]) : [],
    body.type as string | undefined,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    body,
    response.headers,
  );
}

export async function send(path: string, options: Options = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  let renewed = false;
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    if (options.auth !== false) {
      const token = await tokens.token();
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    let response: Response;
    try {
      response = await fetch(url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
      });
    } catch (e) {
      throw new NetworkError(String(e));
    }
    if (response.ok || response.status === 304) return response;
    if (response.status === 401 && options.auth !== false && !renewed) {
      renewed = true;
      if (await tokens.renew()) continue;
    }
    const problem = await problemOf(response);
    // Reads, and writes carrying an Idempotency-Key, are safe to repeat: wait as told, up to twice.
    const repeatable = method === 'GET' || options.idempotencyKey !== undefined;
    if ((response.status === 429 || response.status === 503) && repeatable && attempt < 2
        && (problem.retryAfterSeconds ?? 1) <= MAX_WAIT_SECONDS) {
      await sleep((problem.retryAfterSeconds ?? 1) * 1000);
      continue;
    }
    throw problem;
  }
}

async function json<T>(path: string, options: Options = {}): Promise<T> {
  return (await send(path, options)).json() as Promise<T>;
}

// --- catalog (anyone) ---------------------------------------------------------------------------------------------
export interface ExerciseFilter {
  q?: string;
  phase?: string;
  target?: string;
  equipment?: string;
  position?: string;
  level?: string;
  page?: number;
  size?: number;
}
export const listExercises = (filter: ExerciseFilter) =>
  json<ExercisePage>('/exercises', { auth: false, query: { ...filter, sort: 'name' } as Options['query'] });

export async function getExercise(id: string): Promise<{ exercise: Exercise; etag: string | null }> {
  const response = await send(`/exercises/${encodeURIComponent(id)}`, { auth: false });
  return { exercise: await response.json(), etag: response.headers.get('ETag') };
}

/** Editor: replace an exercise; If-Match makes a concurrent change a 412/409 instead of an overwrite. */
export async function updateExercise(id: string, exercise: Exercise, etag: string | null): Promise<{ exercise: Exercise; etag: string | null }> {
  const response = await send(`/exercises/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: exercise,
    headers: etag ? { 'If-Match': etag } : {},
  });
  return { exercise: await response.json(), etag: response.headers.get('ETag') };
}

// --- planner ------------------------------------------------------------------------------------------------------
export const previewRoutine = (profile: Omit<ProfileInput, 'redFlags'> & { redFlags?: ProfileInput['redFlags'] }) =>
  json<RoutineResponse>('/routines/preview', { method: 'POST', auth: false, body: { ...profile, day: 0 } });
export const getProfile = () => json<ProfileView>('/me/profile');
export const saveProfile = (profile: ProfileInput) => json<ProfileView>('/me/profile', { method: 'PUT', body: profile });
export const createPlan = (weeks: number, idempotencyKey: string) =>
  json<PlanView>('/me/plans', { method: 'POST', body: { weeks }, idempotencyKey });
export const getCurrentPlan = () => json<PlanView>('/me/plans/current');
export const getNextSession = () => json<SessionView>('/me/sessions/next');
export const getSession = (id: string) => json<SessionView>(`/me/sessions/${encodeURIComponent(id)}`);
export const completeSession = (id: string, body: CompletionRequest, idempotencyKey: string) =>
  json<CompletionView>(`/me/sessions/${encodeURIComponent(id)}/completion`, { method: 'POST', body, idempotencyKey });
export const checkIn = (pain: number, idempotencyKey: string) =>
  json<unknown>('/me/checkins', { method: 'POST', body: { pain }, idempotencyKey });

// --- tracking -----------------------------------------------------------------------------------------------------
export const getHistory = () => json<{ items: HistorySession[]; total: number }>('/me/history', { query: { size: 20 } });
export const getStats = () => json<UserStatistics>('/me/stats');
export const getPainTrend = (from: string, to: string) => json<PainTrend>('/me/pain-trend', { query: { from, to } });
export async function getHistoryCsv(): Promise<Blob> {
  return (await send('/me/history.csv', { accept: 'text/csv' })).blob();
}
