import { FINDING_KINDS } from '../../model/finding.ts';
import { resultLabel, stripUrlCredentials, type ReportRun } from '../timeline.ts';
import { findingHtml, type Listed } from './finding.ts';
import { textOf } from '../../i18n/index.ts';
import { cls, generatedLine, labelOf, legendItem, methodWord, networkLine, page, privacy, runStatusWord, statusWord, SYMBOL, termsHtml, translator, utc, VERDICTS, type HtmlOptions, type T } from './page.ts';
import { breakable, html, join, type SafeHtml } from './safe.ts';
import { targetHtml } from './target.ts';

// The page for one run: what it contains, the findings first, then every target with its evidence folded.

type Results = ReportRun['results'];

const FILL: Record<(typeof VERDICTS)[number], string> = {
  accessible: '#1a7f37',
  blocked: '#b42318',
  'partially blocked': '#dc6803',
  down: '#667085',
  inconclusive: '#7a5af8',
  'refused by site': '#2e90fa',
};
const severity = (s: string): number => VERDICTS.indexOf(s as (typeof VERDICTS)[number]);
const count = (results: Results, status: string): number => results.filter((r) => r.verdict.status === status).length;

function counts(t: T, results: Results): string {
  const n = (s: string): number => count(results, s);
  return t('summary.counts', {
    total: results.length,
    accessible: n('accessible'),
    blocked: n('blocked'),
    partial: n('partially blocked'),
    down: n('down'),
    inconclusive: n('inconclusive'),
    refused: n('refused by site'),
  });
}

/** A stacked bar of the verdicts, in inline SVG, with the numbers as text beside it (not colour alone). */
function summaryBar(t: T, results: Results): SafeHtml {
  const total = results.length || 1;
  let x = 0;
  const rects = VERDICTS.map((s) => {
    const n = count(results, s);
    const w = (n / total) * 1000;
    const label = html`<title>${statusWord(t, s)}: ${n}</title>`;
    const rect = n ? html`<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="24" fill="${FILL[s]}">${label}</rect>` : '';
    x += w;
    return rect;
  });
  const legend = VERDICTS.map((s) => legendItem(t, s, `: ${count(results, s)}`));
  return html`<svg viewBox="0 0 1000 24" width="100%" height="24" preserveAspectRatio="none" role="img" aria-label="${t('summary.chartLabel')}">\
${rects}</svg><p class="legend">${legend}</p>`;
}

/** The most serious first, then by label; each with the anchor its details get, found by label and by URL. */
function listTargets(results: Results): { ordered: Results; byLabel: Map<string, Listed> } {
  const bySeverity = (a: Results[number], b: Results[number]): number =>
    severity(a.verdict.status) - severity(b.verdict.status) || resultLabel(a).localeCompare(resultLabel(b), 'en', { numeric: true });
  const ordered = [...results].sort(bySeverity);
  const byLabel = new Map<string, Listed>();
  ordered.forEach((r, i) => {
    const entry = { r, anchor: `t-${i + 1}` };
    byLabel.set(resultLabel(r), entry);
    byLabel.set(stripUrlCredentials(r.target.url), entry);
  });
  return { ordered, byLabel };
}

/** Identical verdicts (status, method, reason) at least this many times are one folded group, as the terminal groups them. */
export const GROUP_MIN = 5;
/** Targets a group's summary names before "and N more", as the terminal's table does. */
const GROUP_NAMES_SHOWN = 6;

type Entry = { r: Results[number]; anchor: string };

/** The targets in order, runs of GROUP_MIN or more identical verdicts gathered where the first of them stands. */
function groupTargets(ordered: Results): Entry[][] {
  const byVerdict = new Map<string, Entry[]>();
  const out: Entry[][] = [];
  ordered.forEach((r, i) => {
    const key = `${r.verdict.status}\u0000${r.verdict.method ?? ''}\u0000${r.verdict.reason}`;
    const entry = { r, anchor: `t-${i + 1}` };
    const group = byVerdict.get(key);
    if (group) group.push(entry);
    else {
      const fresh = [entry];
      byVerdict.set(key, fresh);
      out.push(fresh);
    }
  });
  // Small groups stay target by target: each has its own evidence worth a glance.
  return out.flatMap((g) => (g.length >= GROUP_MIN ? [g] : g.map((e) => [e])));
}

/** The first few targets of a group by name, then how many more (opening the group lists each). */
function groupNames(t: T, entries: readonly Entry[]): string {
  const names = entries.slice(0, GROUP_NAMES_SHOWN).map((e) => labelOf(t, e.r)).join(', ');
  return entries.length > GROUP_NAMES_SHOWN ? t('targets.groupMore', { names, more: entries.length - GROUP_NAMES_SHOWN }) : names;
}

/** One target, or a folded group of targets with the same verdict: count, method and reason in its summary. */
function targetOrGroup(t: T, entries: Entry[], includeBodies: boolean): SafeHtml {
  const first = entries[0] as Entry;
  if (entries.length === 1) return targetHtml(t, first.r, first.anchor, { includeBodies });
  const v = first.r.verdict;
  const method = v.method ? html`<span class="method">${methodWord(t, v.method)}</span>` : '';
  const summary = html`<span class="badge ${cls(v.status)}">${SYMBOL[v.status]} ${statusWord(t, v.status)}</span>\
<span class="label">${t('targets.group', { count: entries.length })}</span>${method}<span class="reason">${breakable(textOf(t.lang, v.reasonMessage, v.reason))}</span>\
<span class="reason meta">${groupNames(t, entries)}</span>`;
  const inner = join(entries.map((e) => targetHtml(t, e.r, e.anchor, { includeBodies })), '\n');
  return html`<details class="group"><summary>${summary}</summary><div>\n${inner}\n</div></details>`;
}

function runHeader(t: T, run: ReportRun, opts: HtmlOptions): SafeHtml {
  const rec = run.record;
  const end = rec.finishedAt ? `${utc(rec.finishedAt)} UTC` : t('header.unfinished');
  return html`<header>
<h1>${t('title.run', { id: rec.id })}</h1>
<p class="meta">${t('header.run', { id: rec.id, start: utc(rec.startedAt), end, status: runStatusWord(t, rec.status) })}</p>
<p class="meta">${networkLine(t, run)}</p>
${generatedLine(t, opts.now)}
${privacy(t, Boolean(opts.includeBodies))}
</header>`;
}

/** The page for one run: what it contains, the findings first, then every target with its evidence folded. */
export function renderRunHtml(run: ReportRun, opts: HtmlOptions = {}): string {
  const t = translator(opts.lang);
  const includeBodies = Boolean(opts.includeBodies);
  const { ordered, byLabel } = listTargets(run.results);
  // Run-level findings first (they change how to read everything below), then the model's order.
  const findings = [...(run.record.findings ?? [])].sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind));
  const findingList = findings.length ? join(findings.map((f) => findingHtml(t, f, byLabel)), '\n') : html`<p>${t('findings.none')}</p>`;
  const body = html`${runHeader(t, run, opts)}
<section id="summary"><h2>${t('summary.heading')}</h2><p>${counts(t, run.results)}</p>${summaryBar(t, run.results)}</section>
<section id="findings"><h2>${t('findings.heading')}</h2>
${findingList}
</section>
<section id="targets"><h2>${t('targets.heading')}</h2><p>${t('targets.intro')}</p>
${join(groupTargets(ordered).map((g) => targetOrGroup(t, g, includeBodies)), '\n')}
</section>
${termsHtml(t)}`;
  return page(t('title.run', { id: run.record.id }), body, t);
}
