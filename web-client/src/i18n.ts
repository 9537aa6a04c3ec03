import { en, Strings } from './strings/en';

const languages: Record<string, Strings> = { en };
const language = ((typeof navigator !== 'undefined' && navigator.language) || 'en').slice(0, 2);
export const strings: Strings = languages[language] ?? en;
const pluralRules = new Intl.PluralRules(languages[language] ? language : 'en');

/** A string with one form per plural category ("1 day", "2 days"); `other` is the fallback every language has. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Fills {name} placeholders. */
export function fmt(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

/** Picks the plural form for `n` with Intl.PluralRules and fills {n} and any other placeholders. */
export function plural(forms: PluralForms, n: number, values: Record<string, string | number> = {}): string {
  return fmt(forms[pluralRules.select(n)] ?? forms.other, { ...values, n });
}
