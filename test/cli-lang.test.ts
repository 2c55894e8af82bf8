import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { howToRemove } from '../src/cli/commands/certs.ts';
import { pushLines } from '../src/cli/commands/push.ts';
import { reportedToFile, stoppedLine } from '../src/cli/commands/run.ts';
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
    expect((await runInMemory(['--lang', 'ru', '--help'])).out).toMatch(/^Запуск: tekser \[параметры\] \[команда\]\n/);
    expect(kk).toMatch(/^Қолданылуы: tekser run \[параметрлер\] \[urls\.\.\.\]\n/);
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

describe('what the commands print, in Russian and Kazakh', () => {
  const summary = { total: 12, accessible: 7, blocked: 3, partiallyBlocked: 1, down: 1, inconclusive: 0, refusedBySite: 0 };
  const outcome = {
    pushed: [{ id: '20261123T090000Z-1a2b', stored: true, results: 12 }, { id: '20261123T100000Z-3c4d', stored: false, results: 0 }],
    missing: ['20261122T090000Z-0000'],
    left: [{ id: '20261123T110000Z-5e6f', problem: 'ECONNREFUSED' }],
  } as unknown as Parameters<typeof pushLines>[0];
  const menus = ['ECONNREFUSED', 'Keychain', 'Access', 'System', 'Delete', 'certmgr', 'msc', 'Trusted', 'Root', 'Certification', 'Authorities', 'Certificates', 'Settings', 'Privacy', 'Security', 'View', 'Firefox', 'macOS', 'Windows', 'Debian', 'Ubuntu', 'Fedora', 'RHEL', 'sudo', 'security', 'update'];

  for (const lang of ['ru', 'kk'] as const) {
    it(`${lang}: the -o summary, the stop line, push's lines and how to remove a root have no English left`, () => {
      const texts = [
        reportedToFile('/tmp/report.json', summary as never, [], [], { reason: 'deadline', finished: 4, planned: 12 }, lang),
        stoppedLine({ reason: 'interrupted', finished: 2, planned: 5 }, lang),
        ...Object.values(pushLines(outcome, 'postgres://probe@fleet.example.org/tekser', lang)).flat(),
        howToRemove(lang),
      ];
      for (const text of texts) expect(latinWords(text, [...menus, ...COMMAND_NAMES]), text).toEqual([]);
      expect(texts[0]).toContain(lang === 'ru' ? 'частично заблокирован: 1' : 'ішінара бұғатталған: 1');
    });

    it(`${lang}: tekser config's table, headings and "none" in the language; its JSON unchanged`, async () => {
      const dir = tempDir('lang');
      const r = await runInMemory(['config', '--data-dir', dir, '--lang', lang]);
      expect(r.code).toBe(0);
      const keys = ['lists', 'resolver', 'concurrency', 'retries', 'lang', 'system', 'control_resolvers', 'timeouts', 'max_runtime', 'network', 'fleet_url'];
      expect(latinWords(r.out, keys)).toEqual([]);
      const json = JSON.parse((await runInMemory(['config', '--data-dir', dir, '--lang', lang, '--format', 'json'])).out);
      expect(json.settings.find((s: { key: string }) => s.key === 'resolver')).toEqual({ key: 'resolver', value: 'system', source: 'default', where: 'default' });
    });
  }

  it('English words unchanged: the stop line, the -o summary, how to remove a root', () => {
    expect(stoppedLine({ reason: 'deadline', finished: 1, planned: 1 }, 'en')).toBe('Run stopped at --max-runtime: 1 of 1 target finished; the counts above cover only those.');
    expect(reportedToFile('r.json', summary as never, [{ title: 'A finding' }], ['Next: x'], null, 'en')).toBe(
      'tekser: report written to r.json: 12 target(s): 7 accessible, 3 blocked, 1 partially blocked, 1 down, 0 inconclusive\n! A finding\nNext: x\n',
    );
    expect(howToRemove('en')).toBe(
      [
        'How to remove it:',
        '  Debian/Ubuntu: delete its file from /usr/local/share/ca-certificates/ (or untick it in `sudo dpkg-reconfigure ca-certificates`), then `sudo update-ca-certificates --fresh`',
        '  Fedora/RHEL:   delete it from /etc/pki/ca-trust/source/anchors/, then `sudo update-ca-trust`',
        '  macOS:         Keychain Access → System → find the certificate → Delete (or `sudo security delete-certificate -Z <SHA-1> /Library/Keychains/System.keychain`)',
        '  Windows:       certmgr.msc → Trusted Root Certification Authorities → Certificates → delete it',
        '  Firefox keeps its own store: Settings → Privacy & Security → View Certificates → Authorities',
        '  NODE_EXTRA_CA_CERTS: remove the certificate from that file, or unset the variable',
      ].join('\n'),
    );
  });
});
