import en from './strings/en.json' with { type: 'json' };

/**
 * Every word the HTML report shows, one table per language (src/report/strings/<lang>.json). English
 * is the reference: another language must have the same keys (a later `--lang kk|ru`).
 */
export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

export const LANGUAGES = { en } as const satisfies Record<string, Strings>;
export type Lang = keyof typeof LANGUAGES;

/** A formatter over one language's table: `t('summary.counts', { total: 3 })` fills `{total}`. */
export function translator(lang: Lang = 'en'): (key: StringKey, vars?: Record<string, string | number>) => string {
  const table: Strings = LANGUAGES[lang];
  return (key, vars = {}) => table[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Keys that name a value (verdict.*, method.*, finding.*): looked up by the value, with the value itself as fallback. */
export function hasKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}
