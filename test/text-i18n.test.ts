import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { msg, render, type Lang } from '../src/i18n/index.ts';
import type { Message } from '../src/model/message.ts';
import type { FindingJson } from '../src/model/finding.ts';
import type { RunSummary, TargetResultJson } from '../src/model/run.ts';
import { analyzeWeb } from '../src/analyze/web.ts';
import { serializeResult, summarize } from '../src/report/json.ts';
import { renderTable, summaryText, type TableRow } from '../src/report/table.ts';
import { createProgress } from '../src/report/progress.ts';
import { StepTally, stepText } from '../src/report/next-steps.ts';
import { diffCommand } from '../src/cli/commands/diff.ts';
import { historyCommand } from '../src/cli/commands/history.ts';
import { showCommand, showHeader } from '../src/cli/commands/show.ts';
import { memoryIO } from '../src/cli/io.ts';
import { startRun } from '../src/store/runs.ts';
import { measurement } from './fixtures/observations.ts';
import { latinWords } from './helpers/latin.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #22 for the text a terminal shows about results: the table (and -v), the summary, the next
// steps, the progress line, diff, history and show, rendered in Russian and Kazakh from verdicts and
// findings that carry messages, through the real code path.

const TRANSLATED: readonly Lang[] = ['ru', 'kk'];
const plain = new Chalk({ level: 0 });
/** Command and file names the next steps give as data (`tekser report ID -o report.html`, `tekser certs`, README). */
const COMMANDS = ['report', 'certs', 'README', 'run'];
const cols = (line: string): number => stripVTControlCharacters(line).length;

/** A verdict whose reason and evidence are messages (core and text keys), with the English they stand for. */
function verdictOf(status: string, method: string | null, reason: Message, evidence: Message[] = []): TableRow['verdict'] {
  return { status, method, reason: render('en', reason), reasonMessage: reason, evidence: evidence.map((m) => render('en', m)), evidenceMessages: evidence };
}
/** Long sentences in every language: the next steps, used as reasons to test wrapping. */
const LONG = msg('text.step.helper-failed', { count: 3, failure: 'connection_refused' });
const LONGER = msg('text.step.control-intercepted', { command: 'tekser certs' });

const rows: TableRow[] = [
  ...['https://a.kz/', 'https://b.kz/', 'https://c.kz/'].map((label) => ({ label, verdict: verdictOf('inconclusive', null, LONG, [msg('status.inconclusive')]) })),
  { label: 'https://blocked.kz/', verdict: verdictOf('blocked', 'dns', msg('status.blocked'), [msg('method.dns'), msg('text.step.no-answer')]) },
  { label: 'https://mitm.kz/', verdict: verdictOf('partially blocked', 'http-diff', LONGER, [msg('method.mitm')]) },
  { label: 'https://geo.kz/', verdict: verdictOf('refused by site', null, msg('status.refused by site')) },
  { label: 'https://ok.kz/', verdict: verdictOf('accessible', null, msg('status.accessible')) },
];
const findings: FindingJson[] = [
  { kind: 'collateral', title: render('en', msg('text.kind.collateral')), titleMessage: msg('text.kind.collateral'), details: ['no answer'], detailMessages: [msg('text.step.no-answer')], targets: ['https://a.kz/'] },
];

function steps(lang: Lang): string[] {
  const tally = new StepTally();
  for (let i = 0; i < 3; i++) tally.add({ target: { kind: 'web' }, verdict: { status: 'blocked', method: 'dns' }, measurement: { hostname: 'a.kz', helper: null, dns: { control: [{ failure: null }] }, tcp: [{ failure: 'connection_refused' }] } });
  return tally.steps([], '20261123T090000Z-1a2b', lang);
}

describe('the table in Russian and Kazakh', () => {
  for (const lang of TRANSLATED) {
    it(`${lang}: headers, statuses, methods, reasons, findings, summary and next steps, no English left (-v too)`, () => {
      for (const verbose of [false, true]) {
        const out = renderTable(rows, { chalk: plain, header: 'tekser 0.1.0 — 2026-11-23 09:00:00 UTC', findings, steps: steps(lang), verbose, lang });
        expect(latinWords(out, COMMANDS), `${lang} -v ${verbose}\n${out}`).toEqual([]);
        expect(out).toContain(render(lang, msg('status.refused by site')));
        if (verbose) expect(out).toContain(`· ${render(lang, msg('text.step.no-answer'))}`);
      }
    });

    it(`${lang}: wraps at word boundaries at 80 columns: no line longer, no word cut`, () => {
      const longWords = lang === 'ru' ? 'высокопроизводительного информационно-телекоммуникационного оборудования' : 'тасымалдаушылардың ақпараттық-коммуникациялық инфрақұрылымындағы';
      const stored: TableRow = { label: 'https://a-very-long-host-name.example.kz/with/a/long/path', verdict: { status: 'down', method: null, reason: `${longWords} ${longWords}`, evidence: [] } };
      for (const verbose of [false, true]) {
        const out = renderTable([...rows, stored], { chalk: new Chalk({ level: 1 }), header: 'h', findings, steps: steps(lang), verbose, width: 80, lang });
        for (const line of out.split('\n')) expect(cols(line), `${lang}: ${line}`).toBeLessThanOrEqual(80);
        const words = new Set(stripVTControlCharacters(out).split(/\s+/));
        for (const text of [render(lang, LONG), render(lang, LONGER), stored.verdict.reason, ...steps(lang)]) {
          for (const w of text.split(/\s+/)) expect(words.has(w), `${lang}: "${w}" cut`).toBe(true);
        }
      }
    });
  }

  it('a verdict stored without messages (an older run) shows its stored text; the rest is still translated', () => {
    const old: TableRow = { label: 'https://old.kz/', verdict: { status: 'blocked', method: 'dns', reason: 'DNS tampering: your resolver says 10.0.0.1', evidence: ['local resolver: 10.0.0.1'] } };
    const out = renderTable([old], { chalk: plain, header: 'h', verbose: true, lang: 'ru' });
    expect(out).toMatch(/^заблокирован\s+DNS\s+https:\/\/old\.kz\/\s+DNS tampering: your resolver says 10\.0\.0\.1$/m);
    expect(out).toContain('· local resolver: 10.0.0.1');
    expect(out).toMatch(/^СТАТУС\s+МЕТОД\s+ЦЕЛЬ\s+ПРИЧИНА$/m);
  });

  it('English stays as it was: method ids, statuses and the summary line', () => {
    const out = renderTable(rows, { chalk: plain, header: 'h', lang: 'en' });
    expect(out).toMatch(/^STATUS\s+METHOD\s+TARGET\s+WHY$/m);
    expect(out).toMatch(/^blocked\s+dns\s+https:\/\/blocked\.kz\/\s+blocked$/m);
    expect(out).toMatch(/^inconclusive\s+3 targets\s+Next: the control helper/m);
    expect(out).toContain('7 target(s): 1 accessible, 1 blocked, 1 partially blocked, 0 down, 3 inconclusive, 1 refused by site');
  });

  it('says Russian counts with their plural forms (1, 3, 5)', () => {
    const grouped = (n: number): string =>
      renderTable(
        Array.from({ length: n }, (_, i) => ({ label: `https://s${i}.kz/`, verdict: verdictOf('blocked', 'dns', msg('status.blocked')) })),
        { chalk: plain, header: 'h', lang: 'ru' },
      );
    expect(grouped(3)).toMatch(/^заблокирован\s+DNS\s+3 цели\s/m);
    expect(grouped(5)).toMatch(/^заблокирован\s+DNS\s+5 целей\s/m);
    expect(stepText('blocked', { count: 1, run: 'R' }, 'ru')).toMatch(/^Что делать: 1 цель заблокирована\. .*: tekser report R -o report\.html$/);
    expect(stepText('blocked', { count: 3, run: 'R' }, 'ru')).toMatch(/3 цели заблокированы/);
    expect(stepText('blocked', { count: 5, run: 'R' }, 'ru')).toMatch(/5 целей заблокированы/);
    expect(stepText('need-helper', { count: 1 }, 'ru')).toMatch(/1 сайт не открылся/);
    expect(stepText('need-helper', { count: 3 }, 'ru')).toMatch(/3 сайта не открылись/);
    expect(stepText('need-helper', { count: 5 }, 'ru')).toMatch(/5 сайтов не открылись/);
  });
});

describe('refused by site has its own count', () => {
  it('the summary counts it apart from inconclusive, and the summary line says it in every language', () => {
    const s = summarize(rows);
    expect(s).toMatchObject({ total: 7, inconclusive: 3, refusedBySite: 1 });
    expect(summaryText(s, 'ru')).toBe('Целей: 7 — доступен:\u00a01, заблокирован:\u00a01, частично заблокирован:\u00a01, не работает:\u00a00, неясно:\u00a03, отказ сайта:\u00a01');
    expect(summaryText(s, 'kk')).toBe('Нысана саны: 7 — қолжетімді:\u00a01, бұғатталған:\u00a01, ішінара бұғатталған:\u00a01, істемейді:\u00a00, анық емес:\u00a03, сайт бас тартты:\u00a01');
    // None refused: the English line is the one it always was.
    expect(summaryText({ ...s, partiallyBlocked: 0, refusedBySite: 0 }, 'en')).toBe('7 target(s): 1 accessible, 1 blocked, 0 down, 3 inconclusive');
  });
});

describe('the progress line', () => {
  for (const lang of ['ru', 'kk', 'en'] as const) {
    it(`${lang}: done, blocked, rate and time left in the reader's language`, () => {
      let now = 0;
      const out: string[] = [];
      const p = createProgress(10, (s) => out.push(s), true, () => now, lang);
      now = 500;
      p.tick(true);
      now = 1000;
      p.tick(false);
      const line = stripVTControlCharacters(out.at(-1) ?? '').replace(/^\r/, '');
      if (lang === 'en') expect(line).toBe('tekser: 2/10 done, 1 blocked, 2.0/s, ETA 4s');
      else expect(latinWords(line), line).toEqual([]);
      if (lang === 'ru') expect(line).toBe('tekser: готово 2/10, заблокировано: 1, 2.0/с, осталось ~4 с');
    });
  }
});

// Stored runs with messages, for diff, history and show.

const EMPTY: RunSummary = { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 };
function stored(dataDir: string, verdicts: Record<string, [string, string | null, Message]>, found: FindingJson[], status: 'complete' | 'interrupted' = 'complete', planned?: number): string {
  const urls = Object.keys(verdicts);
  const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: planned ?? urls.length });
  const results: TargetResultJson[] = [];
  for (const url of urls) {
    const m = measurement(url);
    const [st, method, reason] = verdicts[url]!;
    const v = { ...analyzeWeb(m), status: st as 'blocked', method: method as 'dns' | null, reason: render('en', reason), reasonMessage: reason };
    const line = serializeResult({ target: m.target, verdict: v, measurement: m }, { includeBodies: false });
    results.push(line);
    w.append(line);
  }
  w.finish(status, { ...EMPTY, ...summarize(results) }, found);
  return w.id;
}
const titled = (kind: FindingJson['kind'], targets: string[]): FindingJson => ({ kind, title: render('en', msg(`text.kind.${kind}`)), titleMessage: msg(`text.kind.${kind}`), details: [], targets });

function twoRuns(): { dataDir: string; older: string; newer: string } {
  const dataDir = tempDir('text-i18n');
  const older = stored(
    dataDir,
    { 'https://a.kz/': ['accessible', null, msg('status.accessible')], 'https://b.kz/': ['blocked', 'dns', msg('status.blocked')], 'https://c.kz/': ['accessible', null, msg('status.accessible')] },
    [titled('collateral', ['https://b.kz/']), titled('throttling', ['https://a.kz/'])],
  );
  const newer = stored(
    dataDir,
    { 'https://a.kz/': ['blocked', 'tls', msg('status.blocked')], 'https://b.kz/': ['blocked', 'tcp_ip', msg('status.blocked')], 'https://c.kz/': ['refused by site', null, msg('status.refused by site')], 'https://d.kz/': ['inconclusive', null, msg('status.inconclusive')] },
    [titled('collateral', ['https://b.kz/', 'https://a.kz/']), titled('site-refusal', ['https://c.kz/'])],
    'interrupted',
    9,
  );
  return { dataDir, older, newer };
}

describe('diff, history and show in Russian and Kazakh', () => {
  const { dataDir, older, newer } = twoRuns();
  for (const lang of TRANSLATED) {
    it(`${lang}: diff says each change, finding and the partial note in words, refused by site with its mark`, () => {
      const io = memoryIO({});
      diffCommand(older, newer, { dataDir, lang }, io);
      const out = io.out.join('');
      expect(latinWords(out), out).toEqual([]);
      expect(out).toContain(`⊘ ${render(lang, msg('status.refused by site'))}`);
      expect(out).toContain(`+ ${lang === 'ru' ? 'вывод' : 'тұжырым'}: ${render(lang, msg('text.kind.site-refusal'))}`);
      if (lang === 'ru') {
        expect(out).toMatch(/примечание: более поздняя проверка прервана после 4 из 9 целей: сравнили 3 цели, которые измерили обе проверки/);
        expect(out).toMatch(/~ вывод: сопутствующая блокировка \(была 1 цель, теперь 2\)/);
        expect(out).toMatch(/блокируют иначе\s+https:\/\/b\.kz\/: заблокирован \(DNS\) → заблокирован \(блокировка по IP-адресу\)/);
      }
    });

    it(`${lang}: history has its words and its own column for refused by site`, () => {
      const io = memoryIO({});
      historyCommand({ dataDir, lang }, io);
      const out = io.out.join('');
      expect(latinWords(out), out).toEqual([]);
      const head = out.split('\n')[0] ?? '';
      const newest = out.split('\n').find((l) => l.startsWith(newer)) ?? '';
      expect(head).toContain('⊘');
      // The newest run's counts: 0 accessible, 2 blocked, 0 down, 1 inconclusive, 1 refused by site.
      expect(newest).toMatch(/\s4\/9\s+0\s+2\s+0\s+1\s+1\s+\S/);
    });

    it(`${lang}: show prints the stored run's table in the language, next steps included`, () => {
      const io = memoryIO({});
      showCommand(newer, { dataDir, lang }, io);
      const out = io.out.join('');
      expect(latinWords(out, COMMANDS), out).toEqual([]);
      expect(out.split('\n')[0]).toMatch(lang === 'ru' ? /^проверка \S+ — .* UTC — прервана \(завершено 4 из 9 целей\)$/ : /^тексеру \S+ — .* UTC — үзілді/);
    });
  }

  it('diff in colour paints refused by site magenta, as the table does; history too', () => {
    const io = memoryIO({ FORCE_COLOR: '1' });
    diffCommand(older, newer, { dataDir, lang: 'en' }, io);
    expect(io.out.join('')).toContain(new Chalk({ level: 1 }).magenta('⊘ refused by site'));
    const h = memoryIO({ FORCE_COLOR: '1' });
    historyCommand({ dataDir, lang: 'en' }, h);
    expect(h.out.join('')).toContain(new Chalk({ level: 1 }).magenta('1'));
  });

  it('English history keeps its headings, with the new column beside "?"', () => {
    const io = memoryIO({});
    historyCommand({ dataDir, lang: 'en' }, io);
    expect(io.out.join('').split('\n')[0]).toMatch(/^RUN\s+STARTED \(UTC\)\s+STATUS\s+TARGETS\s+OK\s+BLOCKED\s+DOWN\s+\?\s+⊘\s+FINDINGS$/);
    expect(io.out.join('')).toMatch(/interrupted\s+4\/9\s+0\s+2\s+0\s+1\s+1\s+collateral, site-refusal/);
    expect(showHeader({ id: 'R', startedAt: '2026-11-23T09:00:00.000Z', status: 'deadline', targets: 9 } as Parameters<typeof showHeader>[0], 4, 'en')).toBe('run R — 2026-11-23 09:00:00 UTC — deadline (4 of 9 targets finished)');
  });
});
