import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadListError, LockedError, TekserError, UnreadableListError, cannotRead, cannotWrite, fsProblem } from '../src/errors.ts';
import { errorText } from '../src/cli/errors.ts';
import { render, t, type Lang } from '../src/i18n/index.ts';
import { cannotReadMessage, cannotWriteMessage, fsProblemMessage } from '../src/i18n/said.ts';
import catalogueEn from '../src/i18n/en.json' with { type: 'json' };
/** The errors area of the catalogue: its keys start with `err.` or `lint.`. */
const en = Object.fromEntries(Object.entries(catalogueEn).filter(([k]) => k.startsWith('err.') || k.startsWith('lint.')));
import type { Message } from '../src/model/message.ts';
import { readListFile, streamListText } from '../src/lists/read-file.ts';
import { readTargets, webTargetsFromUrls } from '../src/lists/targets.ts';
import { parseServices } from '../src/lists/services.ts';
import { didYouMean, yamlErrorWords } from '../src/lists/yaml-words.ts';
import { parseCsv, syntaxProblem } from '../src/lists/csv.ts';
import { lintPaths } from '../src/lint/lint-paths.ts';
import { formatLintReport } from '../src/lint/format.ts';
import { fixCsv } from '../src/lint/fix-csv.ts';
import { moreText } from '../src/lint/bound.ts';
import { LINT_RULES } from '../src/lint/rules.ts';
import type { ListProblem } from '../src/lists/problem.ts';
import { parseDocument } from 'yaml';
import { latinWords } from './helpers/latin.ts';
import { loadConfig } from '../src/config/config.ts';
import { dataDirProblem, dataDirProblemMessage } from '../src/store/paths.ts';
import { listRuns, runsDir, type UnreadableRun } from '../src/store/runs.ts';
import { RULE_WORDS, RULES } from '../src/config/rules.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #22: every error, list problem and lint line a person reads, raised from fixtures through the
// real code and shown in Russian and Kazakh: no English left (file names, values and technical
// tokens aside), English unchanged, every key of the errors part reached.

/** Values the fixtures put into sentences (names, codes, a legend's English descriptions): data, not words. */
const DATA = ['ENOTDIR', 'adir', 'EISDIR', 'true', 'concurency', 'concurrency', 'retries', 'timeouts', 'resolver', 'max_runtime', 'KZZ', 'boolean', 'xx', 'yy', 'nope', 'dup', 'myca', 'Wrong', 'News', 'Media', 'Demo', 'demo', 'web', 'COMT', 'ZZZ', 'colour', 'titl', 'title', 'quic', 'ftp', 'bogus', 'dns', 'https', 'url', 'category_code', 'version', 'services', 'Service', 'lists', 'cas', 'ports', 'public_roots', 'notes', 'source', 'date_added', 'category_description'];
const left = (text: string): string[] => latinWords(text, DATA);

const reached = new Set<string>();
function collect(m: Message | undefined): void {
  if (!m) return;
  reached.add(m.key);
  for (const v of Object.values(m.params ?? {})) if (v && typeof v === 'object' && !Array.isArray(v)) collect(v as Message);
}
function collectError(err: unknown): void {
  const e = err as TekserError & { problemWhys?: unknown[]; reasonWhy?: Message };
  collect(e.why as Message | undefined);
  collect(e.reasonWhy);
  for (const p of e.problemWhys ?? []) if (typeof p !== 'string') collect((p as { why: Message }).why);
}
function caught(f: () => unknown): TekserError {
  try {
    f();
  } catch (err) {
    collectError(err);
    return err as TekserError;
  }
  throw new Error('expected an error');
}
async function caughtAsync(f: () => Promise<unknown>): Promise<TekserError> {
  try {
    await f();
  } catch (err) {
    collectError(err);
    return err as TekserError;
  }
  throw new Error('expected an error');
}

/** An error in each language: English as its message; Russian and Kazakh with no English word. */
function speaks(err: TekserError): void {
  const english = err instanceof BadListError ? err.problems.join('\n') : err.message;
  expect(errorText(err, 'en')).toBe(english);
  for (const lang of ['ru', 'kk'] as const) {
    const text = errorText(err, lang);
    expect(text).not.toBe(english);
    expect(left(text), `${lang}: ${text}`).toEqual([]);
  }
}

const dir = tempDir('errors-i18n');
const file = (name: string, body: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};
const HEADER = 'url,category_code,category_description,date_added,source,notes';
const row = (url: string, extra = 'NEWS,News Media,2020-01-01,src,note') => `${url},${extra}`;

describe('errors in the reader\'s language', () => {
  it('says why a list cannot be read, in every way it can fail', async () => {
    const errors = [
      caught(() => readListFile(join(dir, 'missing.csv'))),
      caught(() => readListFile(dir)),
      caught(() => readListFile(file('bin.csv', Buffer.from('url\n\0x')))),
      caught(() => readListFile(file('latin1.csv', Buffer.from([0x75, 0x0a, 0xff, 0xfe])))),
      await caughtAsync(() => streamListText(file('bin2.csv', Buffer.from('a\n\0')), () => {})),
      await caughtAsync(() => streamListText(file('bad2.csv', Buffer.from([0x61, 0x0a, 0xc3, 0x28])), () => {})),
      await caughtAsync(() => streamListText(file('cut.csv', Buffer.from([0x61, 0x0a, 0xd0])), () => {})),
    ];
    const big = file('big.csv', '');
    truncateSync(big, 17 * 1024 * 1024);
    errors.push(caught(() => readListFile(big)));
    const fifo = join(dir, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    errors.push(caught(() => readListFile(fifo)));
    for (const e of errors) {
      expect(e).toBeInstanceOf(UnreadableListError);
      speaks(e);
    }
    expect(errorText(errors[0], 'ru')).toBe(`${join(dir, 'missing.csv')}: не удаётся прочитать: нет такого файла или папки (ENOENT)`);
  });

  it('names every bad row of a run list, and the URLs given as arguments', async () => {
    const list = file('kz-run.csv', `${HEADER}\n${row('xx yy')}\n${row('ftp://x.kz/')}\n${row('orda.kz')}\n${row('')}\n${row('http://:80/')}\n"unclosed,a\n`);
    const noUrl = file('nourl.csv', 'address,category_code\nhttps://a.kz/,NEWS\n');
    const empty = file('empty-run.csv', '');
    const err = await caughtAsync(() => readTargets(['bogus', 'https://ok.kz/'], [list, noUrl, empty]));
    expect(err).toBeInstanceOf(BadListError);
    speaks(err);
    const args = caught(() => webTargetsFromUrls(['ftp://files.kz/']));
    speaks(args);
    // The csv-parse path's own wording: a quote that never closes.
    const none = tempDir('no-lists');
    speaks(await caughtAsync(() => lintPaths([none])));
    const p = syntaxProblem('x.csv', Object.assign(new Error('Quote Not Closed: x'), { code: 'CSV_QUOTE_NOT_CLOSED' }), 3);
    collect(p.why);
    const other = syntaxProblem('x.csv', Object.assign(new Error('Invalid Opening Quote: a quote is found on field 0 at line 1, value is "a"'), { code: 'CSV_INVALID_OPENING_QUOTE' }), 3);
    collect(other.why);
    expect(other.message).toBe('CSV syntax error: a quote is found on field 0 at line 1, value is "a"');
  });

  it('says another run holds the lock', () => {
    const e = new LockedError('/var/lib/tekser/run.lock', { pid: 4242, host: 'probe-1', startedAt: '2026-12-03T10:00:00Z' });
    collectError(e);
    expect(e.message).toBe('another tekser run (pid 4242 on probe-1, since 2026-12-03T10:00:00Z) holds /var/lib/tekser/run.lock; not starting a second one');
    speaks(e);
  });

  it('gives each file-system error its sentence, the same in English as before', () => {
    for (const code of Object.keys(en).filter((k) => /^err\.fs\.E/.test(k)).map((k) => k.slice(7))) {
      const err = Object.assign(new Error(`${code}: boom, open '/x'`), { code });
      for (const m of [fsProblemMessage(err), cannotReadMessage(err), cannotWriteMessage(err)]) collect(m);
      expect(render('en', fsProblemMessage(err))).toBe(fsProblem(err));
      expect(render('en', cannotReadMessage(err))).toBe(cannotRead(err));
      expect(render('en', cannotWriteMessage(err))).toBe(cannotWrite(err));
      for (const lang of ['ru', 'kk'] as const) expect(latinWords(render(lang, cannotReadMessage(err)), [code]), `${lang} ${code}`).toEqual([]);
    }
    const odd = Object.assign(new Error('EWEIRD: strange thing'), { code: 'EWEIRD' });
    expect(render('en', fsProblemMessage(odd))).toBe(fsProblem(odd));
    const bare = new Error('plain failure');
    collect(fsProblemMessage(bare));
    expect(render('en', fsProblemMessage(bare))).toBe(fsProblem(bare));
  });

  it('words YAML syntax errors and "did you mean" in every language', () => {
    const doc = parseDocument('a: 1\na: 2\n\tb: [\n', { uniqueKeys: true });
    for (const e of doc.errors) {
      const w = yamlErrorWords(e);
      collect(w.why);
      expect(render('en', w.why)).toBe(w.words);
    }
    // Every code with a sentence of its own, through the same function.
    for (const code of Object.keys(en).filter((k) => /^err\.yaml\.[A-Z_]+$/.test(k)).map((k) => k.slice(9))) {
      const w = yamlErrorWords({ code, message: 'x at line 1, column 1:', linePos: [{ line: 2, col: 3 }] } as never);
      collect(w.why);
      for (const lang of ['ru', 'kk'] as const) expect(left(render(lang, w.why)), `${lang} ${code}`).toEqual([]);
    }
    expect(didYouMean('resolvr', ['resolver'])).toBe(' (did you mean resolver?)');
  });
});

/** A directory of lists that breaks every lint rule. */
function brokenLists(): string {
  const d = join(dir, 'lists');
  mkdirSync(d);
  writeFileSync(join(d, 'global.csv'), `${HEADER}\n${row('https://global.kz/')}\n${row('https://shared.kz/')}\n`);
  const kz = [
    HEADER,
    row('htp:/x'),
    row('https://tab\t.kz/'),
    row(' https://space.kz/'),
    row('https://slash.kz'),
    row('https://global.kz/'),
    row('https://code.kz/', 'ZZZ,x,2020-01-01,src,note'),
    row('https://desc.kz/', 'NEWS,Wrong,2020-01-01,src,note'),
    row('https://dup.kz/'),
    row('https://dup.kz/'),
    row('https://date.kz/', 'NEWS,News Media,2020-13-45,src,note'),
    row('https://notes.kz/', 'NEWS,News Media,2020-01-01,src,a\\b'),
    row('https://source.kz/', 'NEWS,News Media,2020-01-01,a\\b,note'),
    row('http://variant.kz/'),
    row('https://variant.kz/'),
    row('http://shared.kz/'),
    'https://short.kz/,NEWS',
    '"https://open.kz/,NEWS\n",x',
  ].join('\r\n');
  writeFileSync(join(d, 'kz.csv'), `\ufeff${kz}\r\n`);
  writeFileSync(join(d, 'kg.csv'), `${HEADER}\r${row('https://cr.kz/')}\r`);
  writeFileSync(join(d, 'uz.csv'), '');
  writeFileSync(join(d, 'tj.csv'), `url,xx\n`);
  writeFileSync(join(d, 'am.csv'), `${HEADER}\n"https://open.kz/,x\n`);
  writeFileSync(join(d, 'notacountry.csv'), `${HEADER}\n`);
  symlinkSync(join(d, 'gone.csv'), join(d, 'by.csv'));
  const svc = `version: 1
services:
  - id: dup
    name: Demo
    kind: messenger
    category_code: COMT
    cas:
      myca: |
        -----BEGIN CERTIFICATE-----
        AAAA
        -----END CERTIFICATE-----
    checks:
      - id: web
        title: web
        protocol: https
        endpoints: ['nope', 'http://demo.kz/']
        pinned_cas: [nope]
      - id: web
        title: web
        protocol: dns
        public_roots: false
        endpoints: [203.0.113.5, 'xx yy!']
        expect_prefixes: [nope]
      - id: tcp
        title: tcp
        protocol: tcp
        endpoints: [demo.kz]
  - id: dup
    name: Demo
    kind: messenger
    category_code: COMT
    checks:
      - id: post
        title: post
        protocol: http-post
        endpoints: ['https://demo.kz/']
`;
  writeFileSync(join(d, 'svc.yaml'), svc);
  writeFileSync(join(d, 'broken.yaml'), 'a: [\n');
  writeFileSync(join(d, 'empty.yaml'), '');
  writeFileSync(join(d, 'bomb.yaml'), `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c]\n`);
  writeFileSync(join(d, 'keys.yaml'), 'version: 1\nservices:\n  - id: demo\n    name: Demo\n    kind: messenger\n    category_code: COMT\n    checks:\n      - id: web\n        titl: web\n        title: web\n        protocol: https\n        endpoints: [https://demo.kz/]\n');
  return d;
}

describe('lint in the reader\'s language', () => {
  it('raises every rule from fixtures and shows each line in Russian and Kazakh', async () => {
    const d = brokenLists();
    const report = await lintPaths([d]);
    const problems: ListProblem[] = report.problems;
    for (const p of problems) collect(p.why);
    const rules = new Set(problems.map((p) => p.ruleId));
    expect([...LINT_RULES.map((r) => r.id)].filter((id) => !rules.has(id))).toEqual([]);
    for (const p of problems) {
      expect(p.why, p.message).toBeDefined();
      expect(render('en', p.why as Message)).toBe(p.message);
    }
    const english = formatLintReport(report, 'text', '0', 'en');
    for (const lang of ['ru', 'kk'] as const) {
      for (const format of ['text', 'github'] as const) {
        const out = formatLintReport(report, format, '0', lang);
        expect(out).not.toBe(english);
        for (const line of out.split('\n')) {
          // YAML's own syntax words (the yaml library's) stay as they come after the translated prefix.
          const prefix = t(lang, 'lint.yaml-syntax', { detail: '' });
          const words = left((line.includes(prefix) ? line.slice(0, line.indexOf(prefix) + prefix.length) : line).replace(/^::\w+(?: [^:]*)?::/, ''));
          expect(words, `${lang} ${format}: ${line}`).toEqual([]);
        }
      }
    }
    // JSON and SARIF stay English whatever the language.
    expect(formatLintReport(report, 'json', '0', 'ru')).toBe(formatLintReport(report, 'json', '0', 'en'));
    expect(formatLintReport(report, 'sarif', '0', 'kk')).toBe(formatLintReport(report, 'sarif', '0', 'en'));
  });

  it('says its fixes, folds and GitHub notice in every language', () => {
    const text = `${HEADER}\n${row(' https://a.kz')}\n${row('https://a.kz/')}\n`;
    const { fixes } = fixCsv(parseCsv(text, 'kz.csv').records, { endsWithNewline: true, hadBom: true, crlfLines: 3, crLines: 2 });
    for (const f of fixes) {
      collect(f.why);
      expect(render('en', f.why)).toBe(f.description);
      for (const lang of ['ru', 'kk'] as const) expect(left(render(lang, f.why)), f.description).toEqual([]);
    }
    expect(fixes.map((f) => f.ruleId).sort()).toEqual(['duplicate-url', 'file-bom', 'file-cr', 'file-crlf', 'url-no-trailing-slash', 'url-spaces']);
    const fold = { file: 'kz.csv', ruleId: 'url-invalid', severity: 'error' as const, count: 5, firstLine: 2, lastLine: 9 };
    expect(moreText(fold)).toBe('and 5 more like this (rows 2–9)');
    expect(moreText({ ...fold, count: 1 }, 'ru')).toBe('и ещё 1 такая же (строки 2–9)');
    expect(moreText({ ...fold, count: 3 }, 'ru')).toBe('и ещё 3 такие же (строки 2–9)');
    expect(moreText(fold, 'ru')).toBe('и ещё 5 таких же (строки 2–9)');
    expect(left(moreText(fold, 'kk'))).toEqual([]);
    reached.add('lint.more');
    // Eleven errors: one more than GitHub annotates, so the notice is written.
    const many: ListProblem[] = Array.from({ length: 11 }, (_, i) => ({ file: 'kz.csv', line: i + 2, ruleId: 'url-invalid', severity: 'error', message: 'Invalid URL (No match)', why: { key: 'lint.rule.url-invalid' } }));
    const files = [{ file: 'kz.csv', kind: 'csv' as const, fixes, problems: many }];
    const gh = { ru: formatLintReport({ files, problems: many, errorCount: 11, warningCount: 0 }, 'github', '0', 'ru'), en: formatLintReport({ files, problems: many, errorCount: 11, warningCount: 0 }, 'github', '0', 'en') };
    expect(gh.en).toContain('::notice::1 more error(s) and 0 more warning(s) not annotated (GitHub shows 10 of each); all are listed in the group above');
    expect(gh.en).toContain('11 errors, 0 warnings in 1 file; 6 fix(es) applied');
    expect(gh.ru).toContain('::notice::ещё ошибок: 1, предупреждений: 0');
    expect(gh.ru).toContain('исправлено: убрана метка порядка байтов [file-bom]');
    for (const k of ['lint.not-annotated', 'lint.group', 'lint.fixed', 'lint.fixes-applied', 'lint.summary', 'lint.severity.error', 'lint.severity.warning']) reached.add(k);
  });

  it('counts errors, warnings and files with Russian plural forms (1, 3, 5)', () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `f${i}.csv`, kind: 'csv' as const, fixes: [], problems: [] }));
    const summary = (lang: Lang, e: number, w: number, f: number) => formatLintReport({ files: files(f), problems: [], errorCount: e, warningCount: w }, 'text', '0', lang).trim();
    expect(summary('en', 1, 3, 5)).toBe('1 error, 3 warnings in 5 files');
    expect(summary('ru', 1, 3, 5)).toBe('1 ошибка, 3 предупреждения (проверено: 5 файлов)');
    expect(summary('ru', 3, 5, 1)).toBe('3 ошибки, 5 предупреждений (проверено: 1 файл)');
    expect(summary('ru', 5, 1, 3)).toBe('5 ошибок, 1 предупреждение (проверено: 3 файла)');
    expect(summary('kk', 0, 1, 3)).toBe('ok: 0 қате, 1 ескерту (3 файл тексерілді)');
    expect(t('ru', 'lint.fixes-applied', { count: 3 })).toBe('исправлений внесено: 3');
  });
});

describe('config problems in the reader\'s language', () => {
  it('names every problem of a config file at its line, in every language', () => {
    const d = tempDir('config-i18n');
    mkdirSync(join(d, 'adir'));
    const cfg = join(d, 'tekser.yaml');
    writeFileSync(
      cfg,
      [
        'concurency: 4',
        'concurrency: 0',
        'retries: 9',
        'lists: kz.csv',
        'interception_cas: 5',
        'control_resolvers: [udp://198.51.100.1:53]',
        'control_helper: https://me:pw@198.51.100.7/',
        'timeouts: [1]',
        'max_runtime:',
        'ca_files: true',
        'resolver: {}',
        'network:',
        '  asn: AS0',
        '  cc: KZZ',
        '  name: ""',
        '  from_helper: 3',
        'fleet_url: mysql://x',
      ].join('\n'),
    );
    const many = caught(() => loadConfig(cfg));
    speaks(many);
    expect(many.message.split('\n')[0]).toBe(`${cfg}: 16 problems:`);
    expect(errorText(many, 'ru').split('\n')[0]).toBe(`${cfg}: 16 проблем:`);
    writeFileSync(cfg, '- a\n- b\n');
    speaks(caught(() => loadConfig(cfg)));
    // Paths are checked once the file validates.
    writeFileSync(cfg, 'lists: [missing.csv, adir, kz.csv]\n');
    writeFileSync(join(d, 'kz.csv'), '');
    speaks(caught(() => loadConfig(cfg)));
    writeFileSync(cfg, `lists: [${join(d, 'gone.csv')}, adir]\ncontrol_helper: [ftp://198.51.100.7/, 'xx yy']\n`);
    speaks(caught(() => loadConfig(cfg)));
    writeFileSync(cfg, `lists: [${join(d, 'gone.csv')}]\n`);
    speaks(caught(() => loadConfig(cfg)));
    writeFileSync(cfg, 'lists: [a\n\tb: 1\n');
    speaks(caught(() => loadConfig(cfg)));
    speaks(caught(() => loadConfig(join(d, 'none.yaml'))));
    writeFileSync(cfg, 'network: {}\nfleet_url: x\n');
    speaks(caught(() => loadConfig(cfg)));
    writeFileSync(cfg, 'network: {}\nfleet_url: x\ntimeouts: { dns: 1, tls: x }\n');
    speaks(caught(() => loadConfig(cfg)));
  });

  it('says what each flag and setting must be, the flags in English as before', () => {
    // The resolver's words come from net/resolver-spec.ts (English for now): checked in English only.
    expect(RULES.resolver('bogus')).toBe(render('en', RULE_WORDS.resolver('bogus') as Message));
    const bad: Omit<Record<keyof typeof RULE_WORDS, unknown>, 'resolver'> = {
      positiveInt: 0, retries: 9, seconds: -1, controlResolver: 'udp://198.51.100.1:53', url: 'ftp://x.kz/',
      helperUrl: 'https://me:pw@198.51.100.7/', asn: 'AS0', countryCode: 'KZZ', networkName: '', fleetUrl: 'mysql://x',
    };
    for (const [name, value] of Object.entries(bad) as [Exclude<keyof typeof RULE_WORDS, 'resolver'>, unknown][]) {
      const m = RULE_WORDS[name](value);
      expect(m, name).not.toBeNull();
      collect(m as Message);
      expect(RULES[name](value)).toBe(render('en', m as Message));
      for (const lang of ['ru', 'kk'] as const) expect(left(render(lang, m as Message)), `${lang} ${name}`).toEqual([]);
    }
    collect(RULE_WORDS.url('xx yy') as Message);
  });
});

describe('the data directory and stored runs in the reader\'s language', () => {
  it('says why a data directory or a stored run cannot be used', () => {
    const d = tempDir('store-i18n');
    const f = file('not-a-dir', 'x');
    const problems = [dataDirProblemMessage(f), dataDirProblemMessage(join(f, 'sub'))] as Message[];
    expect(dataDirProblem(f)).toBe('this is a file, not a directory (give a directory, or remove the file)');
    expect(render('en', problems[1] as Message)).toBe(dataDirProblem(join(f, 'sub')));
    const root = runsDir(d);
    const bodies: Record<string, string | null> = { '20260101T000000Z-aaaa': null, '20260101T000001Z-bbbb': '', '20260101T000002Z-cccc': '{"cut', '20260101T000003Z-dddd': '{"schema": 1}', '20260101T000005Z-ffff': '[]' };
    for (const [id, body] of Object.entries(bodies)) {
      mkdirSync(join(root, id), { recursive: true });
      if (body !== null) writeFileSync(join(root, id, 'run.json'), body);
    }
    mkdirSync(join(root, '20260101T000004Z-eeee', 'run.json'), { recursive: true });
    const unreadable: UnreadableRun[] = [];
    listRuns(d, { unreadable });
    expect(unreadable).toHaveLength(6);
    for (const m of [...problems, ...unreadable.map((u) => u.why)]) {
      collect(m);
      for (const lang of ['ru', 'kk'] as const) expect(latinWords(render(lang, m), [...DATA, 'schema', 'Invalid', 'input', 'expected', 'string', 'received', 'undefined', 'object', 'number', 'array']), `${lang}: ${render(lang, m)}`).toEqual([]);
    }
    for (const u of unreadable) expect(render('en', u.why)).toBe(u.problem);
    collect({ key: 'err.run.denied' }); // EACCES: the tests run as root, which reads any file
  });
});

describe('the errors part of the catalogue', () => {
  it('keeps the lint rule titles equal to the rules table (SARIF reads the table)', () => {
    for (const r of LINT_RULES) expect(t('en', `lint.rule.${r.id}`)).toBe(r.title);
  });

  // Runs last (vitest runs a file's tests in order): the keys the tests above reached.
  it('is reached in every key by the fixtures above', () => {
    /** Sentences no fixture here raises, and why. */
    const UNREACHED: Record<string, string> = {
      'err.list.grew': 'a list that grows past 16 MB while it is read: a race with another writer',
      'err.url.no-host': 'an http(s) URL without a host does not parse (WHATWG URL): kept for safety',
      'lint.svc.top-level': "a problem with the file as a whole comes from the schema, in zod's own words (not translated yet)",
      ...Object.fromEntries(['file-bom', 'file-crlf', 'file-cr', 'csv-syntax', 'yaml-syntax', 'yaml-schema'].map((id) => [`lint.rule.${id}`, 'these rules say their own sentence; the title is shown in SARIF only (English)'])),
    };
    const missing = Object.keys(en).filter((k) => !reached.has(k) && !(k in UNREACHED));
    expect(missing).toEqual([]);
  });
});
