import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../src/i18n/index.ts';
import type { FindingJson } from '../src/model/finding.ts';
import type { TargetResultJson } from '../src/model/run.ts';
import { renderRunHtml } from '../src/report/html/run-page.ts';
import { analysedRun } from './fixtures/analysed-run.ts';
import { runInMemory } from './helpers/cli.ts';
import { memoryIO } from '../src/cli/io.ts';
import { runCli } from '../src/cli/main.ts';
import { latinWords } from './helpers/latin.ts';
import { REPO_ROOT } from './helpers/paths.ts';

/**
 * Issue #22, "how to know it works": the network lab's scenarios (test/golden/) re-analysed and
 * rendered in English, Russian and Kazakh through the real code paths.
 * - Every scenario, in ru and kk: the table with its evidence (`tekser analyze -v --lang …`) and the
 *   report page leave no English word outside the recorded data (addresses, names, titles, failure
 *   strings: the measurement's own strings), and the names of commands and products.
 * - One representative run (censoring-isp) has a golden per language: test/golden-lang/<lang>.txt
 *   holds its table and its report page's text. UPDATE_LANG_GOLDENS=1 rewrites them.
 */
const GOLDEN = join(REPO_ROOT, 'test', 'golden');
const SCENARIOS = ['lab-censoring-isp', 'lab-heavily-censored', 'lab-intercept-all', 'lab-allow-list-regime', 'lab-dead-helper', 'lab-refused-by-site', 'lab-throttle-by-name', 'lab-stall-by-name', 'lab-control-html'].filter((s) =>
  existsSync(join(GOLDEN, s, 'measurement.json')),
);
const NOW = new Date('2026-11-24T00:00:00.000Z');


/**
 * Every string of the recorded data: the measurements' own strings, targets, certificate names and
 * check titles. Not the messages' parameters: a clause passed as a plain string must be data too.
 */
function dataWords(results: readonly TargetResultJson[], findings: readonly FindingJson[]): string[] {
  const words = new Set<string>();
  const add = (s: string): void => {
    for (const w of s.match(/[A-Za-z]+/g) ?? []) words.add(w);
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const r of results) {
    walk(r.measurement);
    walk(r.target);
    walk(r.verdict.interceptionCa);
    walk(r.verdict.untrustedIssuer);
    walk(r.verdict.blockpage);
    for (const c of r.verdict.checks ?? []) add(c.title);
  }
  for (const f of findings) {
    f.targets.forEach(add);
  }
  return [...words];
}

/** What a reader of the page reads: text and tooltips, without style, head and code. */
function pageText(page: string): string {
  const attrs = [...page.matchAll(/\b(?:title|aria-label)="([^"]*)"/g)].map((m) => m[1]);
  const body = page
    .replace(/<style>[\s\S]*?<\/style>/, ' ')
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [body, ...attrs]
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

async function table(scenario: string, lang: Lang): Promise<string> {
  const r = await runInMemory(['analyze', join(GOLDEN, scenario, 'measurement.json'), '-v', '--no-color', '--lang', lang], { NO_COLOR: '1' });
  expect(r.code, r.err).toBe(0);
  return r.out;
}

/** The same table as a terminal 80 columns wide shows it: wrapped at word boundaries. */
async function tableAt80(scenario: string, lang: Lang): Promise<string> {
  const io = { ...memoryIO({ NO_COLOR: '1' }), stdoutIsTTY: true };
  const before = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
  Object.defineProperty(process.stdout, 'columns', { value: 80, configurable: true });
  try {
    const code = await runCli(['node', 'tekser', 'analyze', join(GOLDEN, scenario, 'measurement.json'), '-v', '--no-color', '--lang', lang], io);
    expect(code, io.err.join('')).toBe(0);
  } finally {
    if (before) Object.defineProperty(process.stdout, 'columns', before);
    else delete (process.stdout as { columns?: number }).columns;
  }
  return io.out.join('');
}

async function page(scenario: string, lang: Lang): Promise<{ text: string; data: string[] }> {
  const run = await analysedRun(scenario);
  return { text: pageText(renderRunHtml(run, { now: NOW, lang })), data: dataWords(run.results, run.findings) };
}

describe('the lab scenarios in Russian and Kazakh', () => {
  it('there are scenarios to render', () => expect(SCENARIOS.length).toBeGreaterThanOrEqual(5));

  for (const scenario of SCENARIOS) {
    for (const lang of ['ru', 'kk'] as const) {
      it(`${scenario}, ${lang}: the table with its evidence and the report page leave no English outside the data`, async () => {
        const { text, data } = await page(scenario, lang);
        const allowed = [...data, 'tekser', 'sudo', 'certs', 'macOS', 'Windows', 'Firefox', 'report', 'run', 'analyze', 'Tilda'];
        expect({ table: latinWords(await table(scenario, lang), allowed), report: latinWords(text, allowed) }).toEqual({ table: [], report: [] });
      });
    }
  }
});

describe('one run, one golden per language', () => {
  for (const lang of LANGS) {
    it(`censoring-isp in ${lang}: the table and the report's text`, async () => {
      const wrapped = await tableAt80('lab-censoring-isp', lang);
      // 80 columns: a longer line is one word that cannot be cut (an URL, a certificate's fingerprint).
      const long = wrapped.split('\n').filter((l) => stripVTControlCharacters(l).length > 80 && /\S\s+\S/.test(l.trim()));
      expect(long).toEqual([]);
      const got = `== tekser analyze -v --lang ${lang} (a terminal 80 columns wide) ==\n${wrapped}\n== tekser report --lang ${lang} (text) ==\n${(await page('lab-censoring-isp', lang)).text}\n`;
      const file = join(REPO_ROOT, 'test', 'golden-lang', `${lang}.txt`);
      if (process.env.UPDATE_LANG_GOLDENS === '1' || !existsSync(file)) writeFileSync(file, got);
      expect(got).toBe(readFileSync(file, 'utf8'));
    });
  }
});
