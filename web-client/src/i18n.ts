import { en, Strings } from './strings/en';

const languages: Record<string, Strings> = { en };
export const strings: Strings = languages[(navigator.language || 'en').slice(0, 2)] ?? en;

/** Fills {name} placeholders. */
export function fmt(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
