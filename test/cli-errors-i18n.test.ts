import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../src/cli/options.ts';
import { runInMemory } from './helpers/cli.ts';
import { latinWords } from './helpers/latin.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #22: the errors the CLI prints, in Russian and Kazakh, through the real CLI. Each case is
// run in English too: the exit code and the number of lines are the same in every language, and
// the Russian and Kazakh lines keep only flags, file names and values in Latin letters.

/** What may stay in Latin letters: command names, the values the errors quote, OONI's and git's words. */
const ALLOWED = [...COMMAND_NAMES, 'help', 'last', 'init', 'action', 'nonsense', 'xml', 'text', 'json', 'csv', 'sarif', 'github', 'nope', 'true', 'false', 'changed', 'only', 'URL', 'carrier', 'pigeon', 'format', 'concurrency', 'nosuchrun', 'nothing', 'ftp'];

let dir = '';
let file = (name: string): string => name;
const HELPER = 'http://192.0.2.1/';

beforeAll(() => {
  dir = tempDir('cli-errors-i18n');
  file = (name: string) => join(dir, name);
  writeFileSync(file('bad.csv'), 'url,category_code,category_description,date_added,source,notes\nnothing,NEWS,News,2024-01-01,x,\nftp://example.test/,NEWS,News,2024-01-01,x,\n');
  writeFileSync(file('config.yaml'), 'concurrency: 0\n');
  writeFileSync(file('not-ooni.json'), '{"hello": 1}\n');
  writeFileSync(file('a-file'), 'x');
  writeFileSync(file('no-pem.pem'), 'hello\n');
  mkdirSync(file('empty-data'));
});

/** Each case: the arguments (after a setup that makes the files), and a name. */
const CASES: Array<{ name: string; args: () => string[]; ingestWords?: true }> = [
  { name: 'a flag value a rule refuses', args: () => ['run', '--no-save', '--concurrency', '0', HELPER] },
  { name: 'an unknown option', args: () => ['run', '--nope'] },
  { name: 'an unknown option with a suggestion', args: () => ['run', '--concurency', '3'] },
  { name: 'a choice not among the choices', args: () => ['config', '--format', 'xml'] },
  { name: 'a missing file named by a flag', args: () => ['run', '--no-save', '--ca-file', '/nonexistent/root.pem', HELPER] },
  { name: 'a file with no PEM certificate', args: () => ['run', '--no-save', '--ca-file', file('no-pem.pem'), HELPER] },
  { name: 'a missing list file', args: () => ['run', '--no-save', '--list', '/nonexistent/list.csv'] },
  { name: 'bad list rows', args: () => ['run', '--no-save', '--list', file('bad.csv')] },
  { name: 'a bad value in the config file', args: () => ['config', '--config', file('config.yaml')] },
  { name: 'a data directory that is a file', args: () => ['run', '--data-dir', file('a-file'), HELPER] },
  { name: 'a control helper that is no URL', args: () => ['run', '--no-save', '--control-helper', 'nothing', HELPER] },
  { name: 'a control helper with credentials', args: () => ['run', '--no-save', '--control-helper', 'http://u:secret@127.0.0.1:1/', HELPER] },
  { name: 'a control resolver that is not DoH', args: () => ['run', '--no-save', '--control-resolver', 'udp://192.0.2.1', HELPER] },
  // The reader's sentence (src/ingest) is English still: the exit code and the one line are checked.
  { name: 'analyze on a file that holds no measurement', args: () => ['analyze', '--data-dir', file('empty-data'), file('not-ooni.json')], ingestWords: true },
  { name: 'analyze with nothing to read', args: () => ['analyze', '--data-dir', file('empty-data')] },
  { name: 'helper --listen with a port out of range', args: () => ['helper', '--listen', '127.0.0.1:99999'] },
  { name: 'helper --tls-cert without --tls-key', args: () => ['helper', '--listen', '127.0.0.1:0', '--tls-cert', file('no-pem.pem')] },
  { name: 'helper --token too short', args: () => ['helper', '--listen', '127.0.0.1:0', '--token', 'short'] },
  { name: 'show a run that does not exist', args: () => ['show', 'nosuchrun', '--data-dir', file('empty-data')] },
  { name: 'diff with no runs', args: () => ['diff', '--data-dir', file('empty-data')] },
  { name: 'export without a format', args: () => ['export', '--data-dir', file('empty-data')] },
  { name: 'help for a command that does not exist', args: () => ['help', 'nonsense'] },
  { name: 'a missing required argument', args: () => ['fleet'] },
  { name: 'an unknown fleet action', args: () => ['fleet', 'nonsense'] },
  { name: 'too many arguments', args: () => ['show', 'a', 'b'] },
  { name: 'push with nowhere to push to', args: () => ['push', '--data-dir', file('empty-data')] },
];

describe('CLI errors in Russian and Kazakh', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const en = await runInMemory(c.args(), {});
      expect(en.code, en.err).not.toBe(0);
      expect(en.err).toMatch(/^tekser: /);
      for (const lang of ['ru', 'kk'] as const) {
        const r = await runInMemory([...c.args(), '--lang', lang], {});
        expect(r.code, `${lang}: ${r.err}`).toBe(en.code);
        expect(r.err.split('\n').length, `${lang}: ${r.err}`).toBe(en.err.split('\n').length);
        expect(r.err).toMatch(/^tekser: /);
        if (c.ingestWords) continue;
        expect(r.err, lang).not.toBe(en.err);
        expect(latinWords(r.err.replace(/^tekser: /, ''), ALLOWED), `${lang}: ${r.err}`).toEqual([]);
        expect(r.err).not.toContain('secret');
      }
    });
  }
});

describe('the same errors in English, word for word as before', () => {
  it('bad list rows: a heading and one indented line per problem', async () => {
    const r = await runInMemory(['run', '--no-save', '--list', file('bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`tekser: cannot use these targets:\n  ${file('bad.csv')}:2: "nothing": not a URL\n  ${file('bad.csv')}:3: "ftp://example.test/": only http:// and https:// URLs can be tested (got ftp:)\n`);
  });

  it('more than 20 bad rows: the first 20 and how many more', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => `nothing${i},NEWS,News,2024-01-01,x,`).join('\n');
    writeFileSync(file('many.csv'), `url,category_code,category_description,date_added,source,notes\n${rows}\n`);
    const en = await runInMemory(['run', '--no-save', '--list', file('many.csv')]);
    expect(en.err.split('\n')).toHaveLength(23);
    expect(en.err.endsWith('\n  … and 3 more\n')).toBe(true);
    const ru = await runInMemory(['run', '--no-save', '--list', file('many.csv'), '--lang', 'ru']);
    expect(ru.err.endsWith('\n  … и ещё 3\n')).toBe(true);
  });

  it('the flag and data-directory sentences', async () => {
    const cases: Array<[string[], string]> = [
      [['run', '--data-dir', file('a-file'), HELPER], `tekser: --data-dir ${file('a-file')}: this is a file, not a directory (give a directory, or remove the file)\n`],
      [['run', '--no-save', '--control-resolver', 'udp://192.0.2.1', HELPER], 'tekser: option \'--control-resolver <url>\' argument \'udp://192.0.2.1\' is invalid. udp://192.0.2.1: the control must be a DoH URL (https://IP/dns-query), which a censor cannot spoof (see --help)\n'],
      [['show', 'nosuchrun', '--data-dir', file('empty-data')], `tekser: no run "nosuchrun" in ${file('empty-data')} (see \`tekser history\`; use an id, a unique prefix, "last" or "last~1")\n`],
      [['diff', '--data-dir', file('empty-data')], `tekser: diff needs two runs; ${file('empty-data')} has 0\n`],
      [['helper', '--listen', '127.0.0.1:99999'], 'tekser: --listen 127.0.0.1:99999: expected host:port with a port from 0 to 65535, e.g. 0.0.0.0:8080 or [::]:8080\n'],
      [['fleet', 'nonsense'], 'tekser: fleet nonsense: unknown action (fleet init --db URL)\n'],
      [['run', '--concurency', '3'], "tekser: unknown option '--concurency'\n(Did you mean --concurrency?) (see --help)\n"],
      [['show', 'a', 'b'], "tekser: too many arguments for 'show'. Expected 1 argument but got 2. (see --help)\n"],
    ];
    for (const [args, text] of cases) expect((await runInMemory(args)).err, args.join(' ')).toBe(text);
  });
});
