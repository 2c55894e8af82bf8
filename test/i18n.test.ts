import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Entry } from '../src/i18n/catalogue.ts';
import { chooseLang, count, langOfLocale, LANGS, list, msg, render, t, textOf } from '../src/i18n/index.ts';
import glossary from '../src/i18n/glossary.json' with { type: 'json' };
import { latinWords } from './helpers/latin.ts';

const forms = (e: Entry): string[] => (typeof e === 'string' ? [e] : Object.values(e).filter((v): v is string => typeof v === 'string'));
const placeholders = (e: Entry): string[] => [...new Set(forms(e).flatMap((s) => [...s.matchAll(/\{(\w+(?::\w+)?)\}/g)].map((m) => m[1]!)))].sort();

describe('the catalogue', () => {
  it('has every key in every language, and no key only one language has', () => {
    const en = Object.keys(CATALOGUES.en).sort();
    expect(en.length).toBeGreaterThan(20);
    for (const lang of LANGS) expect(Object.keys(CATALOGUES[lang]).sort(), lang).toEqual(en);
  });

  it('keeps the same placeholders in every language', () => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(CATALOGUES.en)) {
      for (const lang of ['ru', 'kk'] as const) {
        const other = CATALOGUES[lang][key];
        if (other === undefined) continue;
        if (placeholders(other).join() !== placeholders(entry).join()) wrong.push(`${lang} ${key}: ${placeholders(other).join()} ≠ ${placeholders(entry).join()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives Russian plurals their one/few/many forms, and "other" in every language', () => {
    const missing: string[] = [];
    for (const lang of LANGS) {
      for (const [key, e] of Object.entries(CATALOGUES[lang])) {
        if (typeof e === 'string') continue;
        if (!e.other) missing.push(`${lang} ${key}: other`);
        if (lang === 'ru') for (const c of ['one', 'few', 'many'] as const) if (!e[c]) missing.push(`ru ${key}: ${c}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leaves no English word in a Russian or Kazakh sentence (technical tokens aside)', () => {
    const left: string[] = [];
    for (const lang of ['ru', 'kk'] as const) {
      for (const [key, e] of Object.entries(CATALOGUES[lang])) {
        for (const s of forms(e)) {
          const words = latinWords(s.replace(/\{\w+(?::\w+)?\}/g, ' '));
          if (words.length) left.push(`${lang} ${key}: ${words.join(' ')}`);
        }
      }
    }
    expect(left).toEqual([]);
  });

  it('writes Kazakh with its own letters', () => {
    const text = Object.values(CATALOGUES.kk).flatMap(forms).join(' ');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(text, letter).toContain(letter);
  });
});

describe('the glossary', () => {
  it('names every term in the three languages, and the catalogue uses its words for the statuses', () => {
    for (const [term, words] of Object.entries(glossary.terms)) for (const lang of LANGS) expect(words[lang], `${term} ${lang}`).toMatch(/\S/);
    for (const lang of LANGS) {
      for (const status of ['accessible', 'blocked', 'partially blocked', 'down', 'inconclusive', 'refused by site'] as const) {
        expect(t(lang, `status.${status}`)).toBe(glossary.terms[status][lang]);
      }
    }
  });
});

describe('rendering', () => {
  it('fills placeholders, nested messages and lists in the language asked', () => {
    expect(t('en', 'status.blocked')).toBe('blocked');
    expect(render('ru', msg('status.down'))).toBe('не работает');
    expect(list('ru', ['a', 'b', 'c'])).toBe('a, b и c');
    expect(list('kk', ['a', 'b'])).toMatch(/^a.*b$/);
    expect(textOf('kk', undefined, 'stored text')).toBe('stored text');
    expect(textOf('kk', msg('status.blocked'), 'blocked')).toBe('бұғатталған');
    expect(t('ru', 'no.such.key')).toBe('no.such.key');
  });

  it('counts with the plural form each language needs', () => {
    expect(count('en', 1, 'site')).toBe('1 site');
    expect(count('en', 5, 'site')).toBe('5 sites');
    expect(count('ru', 1, 'site')).toBe('1 сайт');
    expect(count('ru', 3, 'site')).toBe('3 сайта');
    expect(count('ru', 5, 'site')).toBe('5 сайтов');
    expect(count('ru', 21, 'site')).toBe('21 сайт');
    expect(count('kk', 5, 'site')).toBe('5 сайт');
  });
});

describe('choosing a language', () => {
  it('takes --lang, then the config, then LC_ALL, LC_MESSAGES, LANG, then English', () => {
    expect(chooseLang('kk', 'ru', { LANG: 'ru_RU.UTF-8' })).toBe('kk');
    expect(chooseLang(undefined, 'ru', { LANG: 'kk_KZ.UTF-8' })).toBe('ru');
    expect(chooseLang(undefined, undefined, { LC_ALL: 'kk_KZ.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('kk');
    expect(chooseLang(undefined, undefined, { LC_MESSAGES: 'ru_KZ', LANG: 'kk_KZ' })).toBe('ru');
    expect(chooseLang(undefined, undefined, { LANG: 'ru_KZ.UTF-8' })).toBe('ru');
    expect(chooseLang(undefined, undefined, { LC_ALL: 'C', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(chooseLang(undefined, undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(chooseLang(undefined, undefined, {})).toBe('en');
    expect(langOfLocale('kk')).toBe('kk');
    expect(langOfLocale('')).toBeNull();
  });
});
