import type { Message, MessageParam } from '../model/message.ts';
import { CATALOGUES, type Catalogue, type Entry } from './catalogue.ts';

/**
 * Every sentence a person reads, in their language. The catalogue is data (src/i18n/<lang>.json,
 * one file per language, the same keys in each); code names a key and its parameters, never an
 * English fragment to glue to another. Imports only the model's Message type.
 *
 * An entry is a string with {placeholders}, or plural forms by Intl.PluralRules category
 * ({"one": …, "few": …, "many": …, "other": …}) chosen by the parameter `count`.
 * `{n:site}` is the number n followed by the noun `noun.site` in the form that number needs.
 */

export const LANGS = ['en', 'ru', 'kk'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** A message: msg('verdict.tls-sni.proven', { host, endpoint }). Builds the data only; zod-free. */
export function msg(key: string, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

/** A text shown as it is in every language (a stored English sentence, a library's words, data): the one `verbatim` key. */
export function verbatim(text: string): Message {
  return { key: 'verbatim', params: { text } };
}

/** The language from a locale name as the environment spells it: ru_KZ.UTF-8 → ru, kk_KZ → kk, C → en. */
export function langOfLocale(locale: string | undefined): Lang | null {
  if (!locale) return null;
  const m = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(locale.trim());
  if (!m) return null;
  const code = m[1]!.toLowerCase();
  return isLang(code) ? code : 'en';
}

/**
 * The language to speak: --lang, else `lang:` in the config file, else the locale (LC_ALL, then
 * LC_MESSAGES, then LANG, as POSIX orders them: the first one set and not empty decides), else English.
 */
export function chooseLang(flag: string | undefined, config: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (isLang(flag)) return flag;
  if (isLang(config)) return config;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const v = env[name];
    if (v) return langOfLocale(v) ?? 'en';
  }
  return 'en';
}

let current: Lang = 'en';
/** The language the CLI chose for this process; renderers default to it. */
export const currentLang = (): Lang => current;
export function setLang(lang: Lang): void {
  current = lang;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
function plural(lang: Lang, n: number): Intl.LDMLPluralRule {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}
const listFormats = new Map<Lang, Intl.ListFormat>();
/** A list the way the language joins one: "a, b and c", «a, b и c», «a, b және c». */
export function list(lang: Lang, items: readonly string[]): string {
  let f = listFormats.get(lang);
  if (!f) listFormats.set(lang, (f = new Intl.ListFormat(lang, { type: 'conjunction', style: 'long' })));
  return f.format(items);
}

function entryOf(lang: Lang, key: string): Entry | undefined {
  const own: Catalogue = CATALOGUES[lang];
  return Object.hasOwn(own, key) ? own[key] : Object.hasOwn(CATALOGUES.en, key) ? CATALOGUES.en[key] : undefined;
}

/** Whether the catalogue has this key (in English, the reference). */
export const hasMessage = (key: string): boolean => Object.hasOwn(CATALOGUES.en, key);

function pick(lang: Lang, entry: Entry, n: number | undefined): string {
  if (typeof entry === 'string') return entry;
  return entry[plural(lang, n ?? 0)] ?? entry.other;
}

function param(lang: Lang, v: MessageParam): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return list(lang, v as readonly string[]);
  return render(lang, v as Message);
}

/** The number and a noun in the form it needs: count('ru', 3, 'site') → "3 сайта". */
export function count(lang: Lang, n: number, noun: string): string {
  const entry = entryOf(lang, `noun.${noun}`);
  if (entry === undefined) return `${n} ${noun}`;
  return `${n} ${pick(lang, entry, n)}`;
}

/** The sentence for a key in a language; a missing key shows as itself (a test keeps none missing). */
export function t(lang: Lang, key: string, params: Record<string, MessageParam> = {}): string {
  const entry = entryOf(lang, key);
  if (entry === undefined) return key;
  const n = typeof params.count === 'number' ? params.count : undefined;
  return pick(lang, entry, n).replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, noun: string | undefined) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (noun && typeof v === 'number') return count(lang, v, noun);
    return param(lang, v);
  });
}

/** A message rendered in a language. */
export function render(lang: Lang, m: Message): string {
  return t(lang, m.key, m.params);
}

/** A stored sentence in the reader's language: its message when it has one, else the text as stored. */
export function textOf(lang: Lang, message: Message | undefined, stored: string): string {
  return message && hasMessage(message.key) ? render(lang, message) : stored;
}
