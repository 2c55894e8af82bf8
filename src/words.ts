/**
 * Counted nouns: "1 target", "2 targets", "none of 1 target", chosen by Intl.PluralRules so that a
 * later language with more forms (Russian: one, few, many) needs only a new table, not new code.
 * English only for now. Imports nothing: every floor may count.
 */

/** A noun's forms by plural category ("one", "few", "many", "other", …); "other" is required. */
export type NounForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const NOUNS = {
  target: { one: 'target', other: 'targets' },
  run: { one: 'run', other: 'runs' },
  certificate: { one: 'certificate', other: 'certificates' },
  error: { one: 'error', other: 'errors' },
  warning: { one: 'warning', other: 'warnings' },
  problem: { one: 'problem', other: 'problems' },
  file: { one: 'file', other: 'files' },
  line: { one: 'line', other: 'lines' },
  site: { one: 'site', other: 'sites' },
  measurement: { one: 'measurement', other: 'measurements' },
} as const satisfies Record<string, NounForms>;
export type Noun = keyof typeof NOUNS;

const rules = new Map<string, Intl.PluralRules>();
function rulesFor(lang: string): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The noun's form for `count`: plural('target', 1) → "target". */
export function nounFor(noun: Noun | NounForms, count: number, lang = 'en'): string {
  const forms: NounForms = typeof noun === 'string' ? NOUNS[noun] : noun;
  return forms[rulesFor(lang).select(count)] ?? forms.other;
}

/** The count and the noun: count(2, 'target') → "2 targets", count(1, 'run') → "1 run". */
export function count(n: number, noun: Noun | NounForms, lang = 'en'): string {
  return `${n} ${nounFor(noun, n, lang)}`;
}
