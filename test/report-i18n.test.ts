import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSince, reportCommand } from '../src/cli/commands/report.ts';
import type { CommandIO } from '../src/cli/io.ts';
import type { UsageError } from '../src/errors.ts';
import { renderFleetHtml } from '../src/fleet/html.ts';
import { buildFleetView, sentence, type NetworkCell } from '../src/fleet/view.ts';
import { CATALOGUES } from '../src/i18n/catalogue.ts';
import glossary from '../src/i18n/glossary.json' with { type: 'json' };
import { LANGS, msg, setLang, t } from '../src/i18n/index.ts';
import { FINDING_KINDS, type FindingJson } from '../src/model/finding.ts';
import { SNI_PROBE_KINDS } from '../src/model/measurement.ts';
import { RUN_STATUSES, type TargetResultJson } from '../src/model/run.ts';
import { SERVICE_KINDS } from '../src/model/service-list.ts';
import { BLOCKING_METHODS, ENDPOINT_STATUSES, INTERCEPTION_MATCHED_BY } from '../src/model/verdict.ts';
import { renderRunHtml, renderTimelineHtml } from '../src/report/html.ts';
import { buildTimeline, CONTROL_CELLS, TIMELINE_CSV_COLUMNS, timelineCsv, type ReportRun } from '../src/report/timeline.ts';
import { historyRuns, labRun, verdict, web, writeRuns } from './fixtures/report-runs.ts';
import { latinWords } from './helpers/latin.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

// The report pages in Russian and Kazakh (issue #22): every word from the catalogue (html.*), the
// legend from the glossary, 'refused by site' with its own symbol and colour, the CSV's header row.

const NOW = new Date('2026-11-23T12:00:00Z');
const OTHER = ['ru', 'kk'] as const;

afterEach(() => setLang('en'));

/**
 * A run whose model texts all have messages, as the analysis writes them now: a reason, evidence,
 * finding titles and details that still show in English would be the page ignoring the message.
 * (The keys are shared words: which sentence does not matter here, only that the page renders it.)
 */
function withMessages<R extends ReportRun>(run: R): R {
  for (const r of run.results) {
    const v = r.verdict;
    v.reasonMessage = msg(`status.${v.status}`);
    v.evidenceMessages = v.evidence.map(() => msg('noun.certificate', { count: 2 }));
  }
  run.record.findings = (run.record.findings ?? []).map((f) => ({ ...f, titleMessage: msg(`html.finding.${f.kind}`), detailMessages: f.details.map(() => msg('html.target.noEvidence')) }));
  return run;
}

/** Words in the data the page shows as it was recorded: certificate names, page titles, the service list's check titles, categories. */
function dataWords(runs: readonly ReportRun[]): string[] {
  const words = new Set<string>();
  const add = (s: unknown): void => {
    if (typeof s === 'string') for (const w of s.match(/[A-Za-z]+/g) ?? []) words.add(w);
  };
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        if (['subject', 'issuer', 'title', 'ca', 'certificate', 'names'].includes(k)) (Array.isArray(v) ? v : [v]).forEach(add);
        walk(v);
      }
    }
  };
  for (const run of runs) {
    for (const r of run.results) {
      walk(r.measurement);
      walk(r.verdict.interceptionCa);
      for (const c of r.verdict.checks ?? []) add(c.title);
      if (r.target.kind === 'web') add(r.target.category);
    }
  }
  // Commands and product names the advice names as they are spelled on screen.
  return [...words, 'sudo', 'certs', 'macOS', 'Windows', 'Firefox', 'FILE', 'report'];
}

/** What a reader reads: text, tooltips and labels; style, and code (addresses, DNS engines, URLs), left out. */
function readable(page: string): string {
  const attrs = [...page.matchAll(/\b(?:title|aria-label|data-side)="([^"]*)"/g)].map((m) => m[1]);
  const body = page
    .replace(/<style>[\s\S]*?<\/style>/, ' ')
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [body, ...attrs].join(' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

describe('the report pages in Russian and Kazakh', () => {
  for (const lang of OTHER) {
    it(`${lang}: the run page has no English word outside the recorded data`, () => {
      const run = withMessages(labRun());
      const page = renderRunHtml(run, { now: NOW, lang });
      expect(page).toContain(`<html lang="${lang}">`);
      expect(latinWords(readable(page), dataWords([run]))).toEqual([]);
      // the words a reader needs most are there, from the catalogue and the glossary
      const text = readable(page);
      expect(text).toContain(t(lang, 'html.privacy.heading'));
      expect(text).toContain(glossary.terms.interception[lang]);
      expect(text).toContain(glossary.terms['refused by site'][lang]);
    });

    it(`${lang}: the timeline page has no English word outside the recorded data`, () => {
      const runs = historyRuns().map(withMessages);
      const page = renderTimelineHtml(runs, { now: NOW, lang });
      expect(page).toContain(`<html lang="${lang}">`);
      expect(latinWords(readable(page), dataWords(runs))).toEqual([]);
      const answered = t(lang, 'html.cell.controlAnswered', { ok: 0, total: 0 }).replace(/[()]/g, '\\$&').replace(/0/g, '\\d+');
      expect(readable(page)).toMatch(new RegExp(answered));
    });

    it(`${lang}: shows the stored English when a run has no messages (an older run), and the message when it has one`, () => {
      const old = labRun();
      const first = old.results[0] as TargetResultJson;
      const page = renderRunHtml(old, { now: NOW, lang });
      expect(page).toContain(first.verdict.reason.slice(0, 20));
      const withOne = labRun();
      const target = withOne.results[0] as TargetResultJson;
      target.verdict.reason = 'stored reason line';
      target.verdict.reasonMessage = msg('html.cell.controlNone', { total: 7 });
      target.verdict.evidence = ['stored evidence line'];
      target.verdict.evidenceMessages = [msg('html.compare.noHelper')];
      const finding: FindingJson = { kind: 'collateral', title: 'stored title', titleMessage: msg('html.finding.collateral'), details: ['stored detail'], detailMessages: [msg('html.chains.noSni')], targets: [] };
      withOne.record.findings = [finding];
      const translated = renderRunHtml(withOne, { now: NOW, lang });
      expect(translated).toContain(t(lang, 'html.cell.controlNone', { total: 7 }));
      expect(translated).not.toContain('stored reason line');
      expect(translated).toContain(t(lang, 'html.compare.noHelper'));
      expect(translated).not.toContain('stored evidence line');
      expect(translated).not.toMatch(/stored title|stored detail/);
      expect(translated).toContain(t(lang, 'html.chains.noSni'));
    });
  }

  it('takes the language the CLI chose when none is given, and stores nothing else about the reader', () => {
    const run = labRun();
    setLang('kk');
    const byDefault = renderRunHtml(run, { now: NOW });
    expect(byDefault).toBe(renderRunHtml(run, { now: NOW, lang: 'kk' }));
    expect(byDefault).toContain('<html lang="kk">');
    setLang('en');
    expect(renderRunHtml(run, { now: NOW })).toBe(renderRunHtml(run, { now: NOW, lang: 'en' }));
    expect(renderRunHtml(run, { now: NOW, lang: 'en' })).toContain('<html lang="en">');
  });

  it('names methods and statuses with the shared words: the long method line begins with the method word', () => {
    for (const lang of OTHER) {
      for (const m of BLOCKING_METHODS) expect(t(lang, `html.method.${m}`), `${lang} ${m}`).toMatch(new RegExp(`^${t(lang, `method.${m}`).replace(/[/]/g, '\\/')}: `));
      for (const s of ENDPOINT_STATUSES.filter((x) => x !== 'ok')) expect(t(lang, `html.endpoint.${s}`)).toBe(t(lang, `status.${s}`));
    }
  });
});

describe('the legend and the glossary', () => {
  it('has a meaning for every glossary term in each language, the glossary\'s own in English', () => {
    for (const [term, words] of Object.entries(glossary.terms)) {
      expect(t('en', `html.glossary.${term}`)).toBe(words.means);
      for (const lang of OTHER) {
        expect(CATALOGUES[lang][`html.glossary.${term}`], `${lang} ${term}`).toBeTruthy();
        expect(t(lang, `html.glossary.${term}`)).not.toBe(words.means);
      }
    }
  });

  for (const lang of LANGS) {
    it(`${lang}: the legend reads its words and meanings from the glossary, every term explained once`, () => {
      const page = renderTimelineHtml(historyRuns(), { now: NOW, lang });
      const legend = page.slice(page.indexOf('class="legend"'), page.indexOf('</p>', page.indexOf('class="legend"')));
      for (const s of ['blocked', 'partially blocked', 'inconclusive', 'refused by site', 'down', 'accessible'] as const) {
        expect(legend).toContain(`title="${t(lang, `html.glossary.${s}`).replace(/"/g, '&quot;').replace(/'/g, '&#39;')}"`);
        expect(legend).toContain(`</b> ${glossary.terms[s][lang]}</span>`);
      }
      const words = page.slice(page.indexOf('<section id="words">'));
      for (const term of Object.keys(glossary.terms) as Array<keyof typeof glossary.terms>) {
        const dt = words.split('<dt>').filter((d) => d.startsWith(`${glossary.terms[term][lang]}</dt>`) || d.includes(`</b> ${glossary.terms[term][lang]}</dt>`));
        expect(dt.length, term).toBe(1);
      }
    });
  }
});

/** A run with one site that refuses this network's visitors itself. */
function refusalRun(): ReportRun {
  const run = labRun();
  const refused = web({ url: 'https://geo.lab/', verdict: verdict({ status: 'refused by site', reason: 'The site refuses visitors from this network itself (HTTP 451)' }), local: ['203.0.113.60'] });
  return { ...run, results: [...run.results, refused] };
}

describe("'refused by site' has its own symbol and colour", () => {
  it('in the summary counts, the chart, the legend and the CSS of the run page', () => {
    const run = refusalRun();
    for (const lang of LANGS) {
      const page = renderRunHtml(run, { now: NOW, lang });
      const summary = page.slice(page.indexOf('id="summary"'), page.indexOf('id="findings"'));
      expect(summary).toContain(`${glossary.terms['refused by site'][lang]}: 1`);
      expect(summary).toMatch(/<rect [^>]*fill="#2e90fa"><title>[^<]+: 1<\/title><\/rect>/);
      expect(summary).toContain('<b class="v-refused-by-site">⊘</b>');
      expect(page).toMatch(/\.v-refused-by-site\{background:var\(--rfb\);color:var\(--rf\)\}/);
      expect(page).toContain(`<span class="badge v-refused-by-site">⊘ ${t(lang, 'status.refused by site')}</span>`);
    }
    expect(renderRunHtml(run, { now: NOW, lang: 'en' })).toContain('1 refused by site.');
  });

  it('in the timeline page, its run table and the fleet page', () => {
    const runs = historyRuns();
    const last = runs.at(-1) as ReportRun;
    runs[runs.length - 1] = { ...last, results: [...last.results, ...refusalRun().results.slice(-1)] };
    const page = renderTimelineHtml(runs, { now: NOW, lang: 'ru' });
    expect(page).toMatch(/<td class="v-refused-by-site" title="отказ сайта: [^"]+" data-status="refused by site">⊘<\/td>/);
    expect(page).toContain('<th title="отказ сайта"><b class="v-refused-by-site">⊘</b></th>');
    const cells: Map<string, NetworkCell> = new Map([['Beeline', { status: 'refused by site', method: null, reason: 'HTTP 451', since: NOW, probes: 1, agreeing: 1 }]]);
    const view = buildFleetView({ networks: [{ network: 'Beeline', asn: 41798, cc: 'KZ', probes: 1, runs: 1, last: NOW }], states: [], changed: [], changes: [], findings: [] } as never, new Date(NOW.getTime() - 3_600_000), NOW);
    const fleet = renderFleetHtml(view, { lang: 'kk' });
    expect(fleet).toContain('<html lang="kk">');
    expect(fleet).toMatch(/<span class="r" title="[^"]+">⊘ сайт бас тартты<\/span>/);
    expect(fleet).toContain('.tl .r{');
    expect(sentence(cells, NOW, 'kk')).toBe('Beeline желісінде сайт бас тартты');
  });
});

describe('the fleet pages in the reader\'s language', () => {
  const at = new Date('2026-11-22T14:00:00Z');
  const cell = (status: string, method: string | null, since = at): NetworkCell => ({ status, method, reason: 'r', since, probes: 1, agreeing: 1 });
  const cells = new Map([
    ['Beeline', cell('blocked', 'dns')],
    ['Kcell', cell('blocked', 'dns')],
    ['Kazakhtelecom', cell('accessible', null)],
  ]);

  it('says each network in words, English as before', () => {
    const NOW = new Date('2026-11-24T12:00:00Z');
    expect(sentence(cells, NOW)).toBe('blocked (dns) on Beeline and Kcell since 22 Nov 14:00; accessible on Kazakhtelecom');
    expect(sentence(cells, NOW, 'ru')).toBe('заблокирован (DNS) в сетях Beeline и Kcell с 22 нояб 14:00; доступен в сети Kazakhtelecom');
    const kk = sentence(cells, NOW, 'kk');
    expect(kk).toMatch(/^Beeline және Kcell желілерінде 22 \S+ 14:00 бастап бұғатталған \(DNS\); Kazakhtelecom желісінде қолжетімді$/);
    for (const lang of OTHER) expect(latinWords(sentence(cells, NOW, lang), ['Beeline', 'Kcell'])).toEqual([]);
  });

  for (const lang of OTHER) {
    it(`${lang}: the fleet page has no English word outside the data`, () => {
      const view = buildFleetView({ networks: [{ network: 'Beeline', asn: 41798, cc: 'KZ', probes: 2, runs: 24, last: NOW }], states: [], changed: [], changes: [], findings: [{ network: 'Beeline', kind: 'collateral', runs: 3, last: NOW, title: 'IP 203.0.113.7 unreachable' }] } as never, new Date(NOW.getTime() - 86_400_000), NOW);
      const page = renderFleetHtml(view, { lang });
      expect(latinWords(readable(page), ['Beeline', 'unreachable'])).toEqual([]);
    });
  }
});

describe('the timeline CSV', () => {
  it('writes its header row in the reader\'s language and its values as the JSON has them', () => {
    const tl = buildTimeline(historyRuns());
    const en = parse(timelineCsv(tl, { lang: 'en' }), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(en[0] ?? {})).toEqual([...TIMELINE_CSV_COLUMNS]);
    for (const lang of OTHER) {
      const rows = parse(timelineCsv(tl, { lang }), { columns: true }) as Array<Record<string, string>>;
      const header = TIMELINE_CSV_COLUMNS.map((c) => t(lang, `html.csv.${c}`));
      expect(Object.keys(rows[0] ?? {})).toEqual(header);
      expect(latinWords(header.join(' '))).toEqual([]);
      expect(rows).toHaveLength(en.length);
      const status = t(lang, 'html.csv.status');
      expect(rows.map((r) => r[status])).toEqual(en.map((r) => r.status));
      expect(rows.map((r) => r[t(lang, 'html.csv.run_id')])).toEqual(en.map((r) => r.run_id));
      // the control's reason is a sentence: in the reader's language
      expect(rows.find((r) => r[status] === 'control-ok')?.[t(lang, 'html.csv.reason')]).toMatch(/^[^A-Za-z]+$/);
    }
  });
});

describe('the html part of the catalogue', () => {
  /** Keys the code builds from a model value: prefix → the values. */
  const DYNAMIC: Record<string, readonly string[]> = {
    'finding.': FINDING_KINDS,
    'explain.': FINDING_KINDS,
    'method.': BLOCKING_METHODS,
    'sni.': SNI_PROBE_KINDS,
    'cell.': CONTROL_CELLS,
    'serviceKind.': SERVICE_KINDS,
    'endpoint.': ENDPOINT_STATUSES,
    'matchedBy.': INTERCEPTION_MATCHED_BY,
    'header.runStatus.': RUN_STATUSES,
    'glossary.': Object.keys(glossary.terms),
    'csv.': TIMELINE_CSV_COLUMNS,
  };
  const SOURCES = ['src/report/html/page.ts', 'src/report/html/run-page.ts', 'src/report/html/timeline-page.ts', 'src/report/html/target.ts', 'src/report/html/finding.ts', 'src/report/html/chains.ts', 'src/report/timeline.ts', 'src/fleet/html.ts', 'src/fleet/view.ts', 'src/cli/commands/report.ts'];
  const code = SOURCES.map((f) => readFileSync(join(REPO_ROOT, f), 'utf8')).join('\n');

  it('uses every html key it has (named in the code, or built from a model value)', () => {
    const unused: string[] = [];
    for (const key of Object.keys(CATALOGUES.en).filter((k) => k.startsWith('html.'))) {
      const short = key.slice('html.'.length);
      const prefix = Object.keys(DYNAMIC).find((p) => short.startsWith(p) && (DYNAMIC[p] as readonly string[]).includes(short.slice(p.length)));
      if (prefix) continue;
      const last = short.split('.').at(-1) as string;
      const named = code.includes(`'${short}'`) || code.includes(`'html.${short}'`) || (short.startsWith('fleet.col.') && code.includes(`'${last}'`));
      if (!named) unused.push(key);
    }
    expect(unused).toEqual([]);
  });

  it('has a word for every value the pages name (finding kinds, methods, SNI probes, run statuses…)', () => {
    const missing: string[] = [];
    for (const [prefix, values] of Object.entries(DYNAMIC)) {
      if (prefix === 'explain.') continue; // only some findings need an explanation
      for (const v of values) if (!(`html.${prefix}${v}` in CATALOGUES.en)) missing.push(`html.${prefix}${v}`);
    }
    expect(missing).toEqual([]);
  });

  it('writes Kazakh with its own letters and no Latin word in any html sentence', () => {
    const kk = Object.entries(CATALOGUES.kk).filter(([k]) => k.startsWith('html.')).map(([, v]) => String(v)).join(' ');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(kk, letter).toContain(letter);
  });
});


describe('tekser report in the language the CLI chose', () => {
  const io = (): CommandIO & { err: string[] } => {
    const err: string[] = [];
    return { stdout: () => undefined, stderr: (s) => err.push(s), env: {}, stdoutIsTTY: false, stderrIsTTY: false, err };
  };

  it('writes the page, its CSV header and its own line in Kazakh, and says a bad --since in Russian', () => {
    const data = tempDir('report-i18n');
    writeRuns(data, historyRuns());
    const out = tempDir('report-i18n-out');
    setLang('kk');
    const said = io();
    expect(reportCommand([], { dataDir: data, since: '2026-11-22', output: join(out, 'day.html'), csv: join(out, 'day.csv') }, said, NOW)).toBe(0);
    expect(readFileSync(join(out, 'day.html'), 'utf8')).toContain('<html lang="kk">');
    expect(readFileSync(join(out, 'day.csv'), 'utf8').split('\n')[0]).toBe(TIMELINE_CSV_COLUMNS.map((c) => t('kk', `html.csv.${c}`)).join(','));
    expect(said.err.join('')).toMatch(/^\S+day\.html жазылды: тексерулер: 24, нысаналар: 12, \d+ КиБ; уақыт кестесі CSV түрінде: \S+day\.csv\n$/);
    setLang('ru');
    try {
      parseSince('yesterday', NOW);
      expect.unreachable();
    } catch (e) {
      const why = (e as UsageError).why;
      expect((e as Error).message).toBe('--since yesterday: give a duration (90m, 24h, 7d) or a UTC date/time (2026-11-22, 2026-11-22T14:00)');
      expect(why && t('ru', why.key, why.params as Record<string, string>)).toBe('--since yesterday: укажите длительность (90m, 24h, 7d) или дату и время в UTC (2026-11-22, 2026-11-22T14:00)');
    }
  });
});
