/**
 * Every call this client makes to BackRelief goes through this module, and only to the public /api/v1 contract.
 * It adds the bearer token, an Idempotency-Key on writes, turns application/problem+json answers into ApiProblem
 * (with the violations per field), honours Retry-After on 429/503 for reads and repeatable writes (PUT, or a POST with
 * an Idempotency-Key), and retries once after a 401 with a renewed token.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../api-client/src/schema';
import type { CheckInRequestBody } from './checkIn';
import { reportAnswer, reportNetworkFailure } from './connectivity';
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
  client = createClient<paths>({ baseUrl: base || (typeof location === 'undefined' ? 'http://localhost' : location.origin), fetch: resilientFetch });
}

const MAX_WAIT_SECONDS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Options {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined | string[]>;
  headers?: Record<string, string>;
  idempotencyKey?: string;
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
  return problemFrom(response, body);
}

function problemFrom(response: Response, body: Record<string, unknown>): ApiProblem {
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

/**
 * One exchange with the gateway, whatever built the request (the generated client or {@link send}): adds the
 * token, waits Retry-After on 429/503 for reads and idempotent writes (up to twice, at most 10 s; PUT replaces, so
 * repeating it is safe, and a POST is repeated only with its Idempotency-Key), renews the token once after a 401. Network failures become NetworkError (and the app offline, `connectivity.ts`). Error answers are returned for the caller to read.
 */
export async function resilientFetch(request: Request): Promise<Response> {
  const repeatable = request.method === 'GET' || request.method === 'PUT' || request.headers.has('Idempotency-Key');
  let renewed = false;
  for (let attempt = 0; ; attempt++) {
    const attemptRequest = request.clone();
    const token = await tokens.token();
    if (token) attemptRequest.headers.set('Authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await fetch(attemptRequest);
    } catch (e) {
      reportNetworkFailure();
      throw new NetworkError(String(e));
    }
    reportAnswer();
    if (response.status === 401 && token && !renewed) {
      renewed = true;
      if (await tokens.renew()) continue;
    }
    if ((response.status === 429 || response.status === 503) && repeatable && attempt < 2) {
      const wait = Number(response.headers.get('Retry-After')) || 1;
      if (wait <= MAX_WAIT_SECONDS) {
        await sleep(wait * 1000);
        continue;
      }
    }
    return response;
  }
}

/** A request by path (used for what the generated client does not cover, and by the tests). */
export async function send(path: string, options: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const request = new Request(new URL(url(path, options.query), typeof location === 'undefined' ? 'http://localhost/' : location.href), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    cache: 'no-store',
  });
  const response = await resilientFetch(request);
  if (response.ok || response.status === 304) return response;
  throw await problemOf(response);
}

/** The generated, typed client of the public contract (api-client: openapi-fetch over schema.d.ts). */
let client: Client<paths> = createClient<paths>({ fetch: resilientFetch });

interface Result {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiProblem built from the problem+json the client already read. */
async function unwrap<T>(call: Promise<Result>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw problemFrom(response, (error ?? {}) as Record<string, unknown>);
}

// --- catalog (anyone) ---------------------------------------------------------------------------------------------
// The contract marks answer fields optional; the services always send the ones types.ts requires, so answers are
// read as those view types.
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
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? Q : never;

export const listExercises = (filter: ExerciseFilter) =>
  unwrap<ExercisePage>(client.GET('/api/v1/exercises', {
    params: { query: { ...filter, equipment: filter.equipment ? [filter.equipment] : undefined, sort: 'name' } as Query<'/api/v1/exercises'> },
  }));

export async function getExercise(id: string): Promise<{ exercise: Exercise; etag: string | null }> {
  const result = await client.GET('/api/v1/exercises/{id}', { params: { path: { id } } });
  return { exercise: await unwrap<Exercise>(Promise.resolve(result)), etag: result.response.headers.get('ETag') };
}

/** Editor: replace an exercise; If-Match makes a concurrent change a 412/409 instead of an overwrite. */
export async function updateExercise(id: string, exercise: Exercise, etag: string | null): Promise<{ exercise: Exercise; etag: string | null }> {
  const result = await client.PUT('/api/v1/exercises/{id}', {
    params: { path: { id } },
    body: exercise as never,
    headers: etag ? { 'If-Match': etag } : {},
  });
  return { exercise: await unwrap<Exercise>(Promise.resolve(result)), etag: result.response.headers.get('ETag') };
}

// --- planner ------------------------------------------------------------------------------------------------------
export const previewRoutine = (profile: ProfileInput) =>
  unwrap<RoutineResponse>(client.POST('/api/v1/routines/preview', { body: { ...profile, day: 0 } as never }));
export const getProfile = () => unwrap<ProfileView>(client.GET('/api/v1/me/profile'));
export const saveProfile = (profile: ProfileInput) =>
  unwrap<ProfileView>(client.PUT('/api/v1/me/profile', { body: profile as never }));
export const createPlan = (weeks: number, idempotencyKey: string) =>
  unwrap<PlanView>(client.POST('/api/v1/me/plans', { body: { weeks }, headers: { 'Idempotency-Key': idempotencyKey } }));
export const getCurrentPlan = () => unwrap<PlanView>(client.GET('/api/v1/me/plans/current'));
export const getNextSession = () => unwrap<SessionView>(client.GET('/api/v1/me/sessions/next'));
export const getSession = (sessionId: string) =>
  unwrap<SessionView>(client.GET('/api/v1/me/sessions/{sessionId}', { params: { path: { sessionId } } }));
export const completeSession = (sessionId: string, body: CompletionRequest, idempotencyKey: string) =>
  unwrap<CompletionView>(client.POST('/api/v1/me/sessions/{sessionId}/completion', {
    params: { path: { sessionId } },
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  }));
export const checkIn = (body: CheckInRequestBody, idempotencyKey: string) =>
  unwrap<unknown>(client.POST('/api/v1/me/checkins', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

// --- tracking -----------------------------------------------------------------------------------------------------
export const getHistory = () =>
  unwrap<{ items: HistorySession[]; total: number }>(client.GET('/api/v1/me/history', { params: { query: { size: 20 } } }));
export const getStats = () => unwrap<UserStatistics>(client.GET('/api/v1/me/stats'));
export const getPainTrend = (from: string, to: string) =>
  unwrap<PainTrend>(client.GET('/api/v1/me/pain-trend', { params: { query: { from, to } } }));
export async function getHistoryCsv(): Promise<Blob> {
  return unwrap<Blob>(client.GET('/api/v1/me/history.csv', { parseAs: 'blob', headers: { Accept: 'text/csv' } }));
}
