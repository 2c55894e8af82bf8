import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, HELP_VALUES, OPTIONS } from '../src/cli/options.ts';
import { runInMemory } from './helpers/cli.ts';
import { latinWords } from './helpers/latin.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #22: --help of every command in Russian and Kazakh, and the language chosen by
// --lang, then `lang:` in the config file, then LC_ALL, LC_MESSAGES, LANG, then English.

const USAGE = { en: 'Usage:', ru: 'Запуск:', kk: 'Қолданылуы:' } as const;

/** The language a help text is in, by its first word. */
const langOf = (out: string): string => (Object.entries(USAGE).find(([, w]) => out.startsWith(w)) ?? ['?'])[0];

/**
 * What may stay in Latin letters in a translated help: commands and their names, option values and
 * choices, the values the sentences name (HELP_VALUES), the example config file's keys.
 */
const ALLOWED = [
  ...COMMAND_NAMES,
  'help', 'init', 'mitm', 'paths', 'old', 'new', 'inputs', 'runs', 'action', 'command', 'curl', 'openssl', 'rand', 'lists', 'resolver', 'concurrency', 'timeouts', 'target', 'table', 'sarif', 'github',
  ...OPTIONS.flatMap((o) => o.choices ?? []),
  ...Object.values(HELP_VALUES).flatMap((v) => v.match(/[A-Za-z]+/g) ?? []),
];

/** The text without option flags and placeholders (<file>, [options], [:port]): they stay as they are. */
const words = (text: string): string[] => latinWords(text.replace(/<[^>\s]*>|\[[^\]\s]*\]/g, ' '), ALLOWED);

describe('--help in Russian and Kazakh', () => {
  for (const lang of ['ru', 'kk'] as const) {
    it(`${lang}: the program's help and every command's help have no English left`, async () => {
      for (const args of [[], ...[...COMMAND_NAMES, 'help'].map((c) => [c])]) {
        const r = await runInMemory([...args, '--lang', lang, '--help']);
        expect(r.code, args.join(' ')).toBe(0);
        expect(langOf(r.out), args.join(' ')).toBe(lang);
        expect(words(r.out), `tekser ${args.join(' ')} --lang ${lang} --help`).toEqual([]);
      }
    });
  }

  it('speaks the glossary: the verdicts in run --help, commander\'s own words translated', async () => {
    const ru = (await runInMemory(['run', '--lang', 'ru', '--help'])).out;
    for (const w of ['доступен', 'заблокирован', 'частично заблокирован', 'не работает', 'неясно', 'отказ сайта', 'Параметры:', 'Примеры:', 'по умолчанию:', 'варианты:', 'показать справку по команде']) expect(ru).toContain(w);
    const kk = (await runInMemory(['run', '--lang', 'kk', '--help'])).out;
    for (const w of ['қолжетімді', 'бұғатталған', 'ішінара бұғатталған', 'істемейді', 'анық емес', 'сайт бас тартты', 'Параметрлер:', 'Мысалдар:', 'әдепкісі:', 'нұсқалар:']) expect(kk).toContain(w);
    expect(kk).not.toMatch(/display help|default:|choices:|Options:|Examples:/);
  });

  it('keeps the English help in English, with --lang among the options', async () => {
    const en = (await runInMemory(['run', '--help'])).out;
    expect(langOf(en)).toBe('en');
    expect(en).toMatch(/--lang <lang>\s+the language tekser speaks/);
    expect((await runInMemory(['--lang', 'en', '--help'], { LANG: 'ru_RU.UTF-8' })).out).toBe((await runInMemory(['--help'])).out);
  });
});

describe('choosing the language through the CLI', () => {
  const helpLang = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> => {
    const r = await runInMemory([...args, '--help'], env);
    expect(r.code).toBe(0);
    return langOf(r.out);
  };

  it('--lang before or after the command, as --lang=xx too', async () => {
    expect(await helpLang(['--lang', 'ru'])).toBe('ru');
    expect(await helpLang(['run', '--lang', 'kk'])).toBe('kk');
    expect(await helpLang(['diff', '--lang=ru'])).toBe('ru');
    expect(await helpLang(['help', 'show', '--lang', 'kk'])).toBe('kk');
  });

  it('flag > config > LC_ALL > LC_MESSAGES > LANG > English', async () => {
    const dir = tempDir('lang');
    writeFileSync(join(dir, 'config.yaml'), 'lang: kk\n');
    const inDir = { TEKSER_DATA_DIR: dir };
    expect(await helpLang(['--lang', 'ru'], { ...inDir, LC_ALL: 'kk_KZ.UTF-8' })).toBe('ru');
    expect(await helpLang([], { ...inDir, LC_ALL: 'ru_RU.UTF-8' })).toBe('kk');
    expect(await helpLang(['run', '--data-dir', dir], { LC_ALL: 'ru_RU.UTF-8' })).toBe('kk');
    expect(await helpLang([], { LC_ALL: 'kk_KZ.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('kk');
    expect(await helpLang([], { LC_MESSAGES: 'ru_KZ.UTF-8', LANG: 'kk_KZ.UTF-8' })).toBe('ru');
    expect(await helpLang([], { LANG: 'kk_KZ.UTF-8' })).toBe('kk');
    expect(await helpLang([], { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(await helpLang([], { LANG: 'C' })).toBe('en');
    expect(await helpLang([])).toBe('en');
  });

  it('--config names the file the language comes from; a file with other problems still gives it', async () => {
    const dir = tempDir('lang');
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'lang: ru\nconcurrency: lots\n');
    expect(await helpLang(['run', '--config', file])).toBe('ru');
    const r = await runInMemory(['config', '--config', file, '--data-dir', dir]);
    expect(r.code).toBe(2);
  });

  it('`tekser config` shows lang and where it comes from; a language it does not know is a usage error', async () => {
    const dir = tempDir('lang');
    writeFileSync(join(dir, 'config.yaml'), 'lang: kk\n');
    const settings = async (args: string[]) => JSON.parse((await runInMemory(['config', '--data-dir', dir, '--format', 'json', ...args])).out).settings as Array<{ key: string }>;
    expect((await settings([])).find((s) => s.key === 'lang')).toMatchObject({ value: 'kk', source: 'config' });
    expect((await settings(['--lang', 'ru'])).find((s) => s.key === 'lang')).toMatchObject({ value: 'ru', source: 'flag', where: '--lang' });
    writeFileSync(join(dir, 'config.yaml'), 'lang: fr\n');
    expect((await runInMemory(['config', '--data-dir', dir])).code).toBe(2);
    expect((await runInMemory(['history', '--lang', 'fr', '--data-dir', dir])).code).toBe(2);
  });
});

describe('README in Russian and Kazakh', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  it('opens with a short section in each, naming where help in that language is', () => {
    const ru = readme.indexOf('## По-русски');
    const kk = readme.indexOf('## Қазақша');
    const english = readme.indexOf('\n## ', Math.max(ru, kk) + 1);
    expect(ru).toBeGreaterThan(0);
    expect(kk).toBeGreaterThan(0);
    expect(readme.slice(ru, kk)).toContain('tekser --lang ru --help');
    expect(readme.slice(kk, english)).toContain('tekser --lang kk --help');
    for (const w of ['доступен', 'заблокирован', 'частично заблокирован', 'не работает', 'неясно', 'отказ сайта']) expect(readme.slice(ru, kk)).toContain(w);
    for (const w of ['қолжетімді', 'бұғатталған', 'ішінара бұғатталған', 'істемейді', 'анық емес', 'сайт бас тартты']) expect(readme.slice(kk, english)).toContain(w);
  });
});
