import { ComponentChildren, h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, NetworkError } from './api';
import { fmt, strings } from './i18n';

const S = strings;

/** A problem+json answer (or a network failure) in plain words; field violations are shown next to their fields. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div class="problem" role="alert">
      {describeError(error)}
    </div>
  );
}

export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return S.errors.network;
  if (error instanceof ApiProblem) {
    if (error.status === 429) return fmt(S.errors.retryAfter, { n: error.retryAfterSeconds ?? 1 });
    if (error.status === 503) return fmt(S.errors.unavailable, { n: error.retryAfterSeconds ?? 5 });
    if (error.status === 401) return S.errors.signInAgain;
    if (error.status === 403) return S.errors.forbidden;
    if (error.violations.length > 0) return `${S.errors.fieldProblems} ${error.detail ?? ''}`.trim();
    if (error.detail) return error.detail;
    if (error.status === 404) return S.errors.notFound;
    return fmt(S.errors.generic, { status: error.status });
  }
  return fmt(S.errors.generic, { status: '?' });
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiProblem ? error.forField(field) : undefined;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p class="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

/** 0–10 as eleven large radio buttons (keyboard: arrows move, as for any radio group). */
export function PainScale(props: { name: string; legend: string; value: number | null; onChange: (v: number) => void; error?: string }) {
  const errId = `${props.name}-error`;
  return (
    <fieldset class="scale" aria-describedby={props.error ? errId : undefined}>
      <legend>{props.legend}</legend>
      <div class="scale-options">
        {Array.from({ length: 11 }, (_, n) => (
          <label class="chip" key={n}>
            <input
              type="radio"
              name={props.name}
              value={n}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <FieldError id={errId} message={props.error} />
    </fieldset>
  );
}

export function CheckGroup(props: { legend: string; name: string; options: readonly string[]; labels: Record<string, string>; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div class="checks">
        {props.options.map((option) => (
          <label class="check" key={option}>
            <input
              type="checkbox"
              name={props.name}
              value={option}
              checked={props.value.includes(option)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                props.onChange(on ? [...props.value, option] : props.value.filter((v) => v !== option));
              }}
            />
            <span>{props.labels[option] ?? option}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A page: its title gets focus when the page opens, so screen readers and keyboard users start there. */
export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${S.appName}`;
    ref.current?.focus();
  }, [title]);
  return (
    <section class="page">
      <h1 tabIndex={-1} ref={ref}>
        {title}
      </h1>
      {children}
    </section>
  );
}

/** Loads data once; gives [data, error, reload]. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): [T | undefined, unknown, () => void] {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    load().then(
      (d) => live && setData(d),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [...deps, n]);
  return [data, error, () => setN(n + 1)];
}

export function Loading() {
  return <p aria-live="polite">{S.common.loading}</p>;
}

export function minutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

export { h };
