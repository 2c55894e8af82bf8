import { textOf } from '../../i18n/index.ts';
import { buildTimeline, stripUrlCredentials, type Timeline, type TimelineCell, type TimelineRow, type ReportRun } from '../timeline.ts';
import { cls, generatedLine, hhmm, legendItem, methodName, networkLine, page, privacy, runStatusWord, statusWord, SYMBOL, termsHtml, translator, utc, VERDICTS, word, type HtmlOptions, type T } from './page.ts';
import { breakable, html, join, type SafeHtml } from './safe.ts';

// The page for several runs: a timeline of every target (and the control) across them, run-level findings as bands.

const cellWord = (t: T, status: string): string => (status.startsWith('control') ? word(t, 'cell', status) : statusWord(t, status));

function legend(t: T): SafeHtml {
  const words = VERDICTS.map((s) => legendItem(t, s));
  for (const s of ['control-ok', 'control-failed'] as const) words.push(html`<span><b class="${cls(s)}">${SYMBOL[s]}</b> ${cellWord(t, s)}</span>`);
  words.push(html`<span><b class="none">·</b> ${t('cell.missing')}</span>`);
  return html`<p class="legend"><strong>${t('timeline.legend')}:</strong> ${words}</p>`;
}

/** One column head per run: the day (when it changes) and the time it started, to the second when another run shares its minute. */
function columnHeads(t: T, tl: Timeline): SafeHtml[] {
  const minute = (i: number): string | undefined => tl.runs[i]?.startedAt.slice(0, 16);
  return tl.runs.map((r, i) => {
    const day = r.startedAt.slice(0, 10);
    const showDay = i === 0 || tl.runs[i - 1]?.startedAt.slice(0, 10) !== day;
    const shared = minute(i - 1) === minute(i) || minute(i + 1) === minute(i);
    const time = shared ? r.startedAt.slice(11, 19) : hhmm(r.startedAt);
    return html`<th scope="col" title="${`${r.id} (${runStatusWord(t, r.status)})`}">${showDay ? html`${day.slice(5)}<br>` : ''}${time}</th>`;
  });
}

/** A run-level finding as a band: one cell per stretch of runs that have it (named when 3 or more wide), gaps between. */
function bandRow(t: T, b: Timeline['bands'][number]): SafeHtml {
  const cells: SafeHtml[] = [];
  for (let i = 0; i < b.runs.length; ) {
    let j = i;
    while (j < b.runs.length && b.runs[j] === b.runs[i]) j++;
    const span = j - i;
    const text = span >= 3 ? word(t, 'finding', b.kind) : '⚠';
    const stored = b.titles[i];
    const title = stored ? textOf(t.lang, b.titleMessages[i], stored) : '';
    const band = html`<td class="band" colspan="${span}" title="${title}">${text}</td>`;
    cells.push(b.runs[i] ? band : html`<td class="noband" colspan="${span}"></td>`);
    i = j;
  }
  return html`<tr class="bandrow"><th class="row" scope="row">${word(t, 'finding', b.kind)}</th>${cells}</tr>`;
}

function cellHtml(t: T, c: TimelineCell | null): SafeHtml {
  if (!c) return html`<td class="none" title="${t('cell.missing')}">·</td>`;
  const reason = stripUrlCredentials(textOf(t.lang, c.reasonMessage, c.reason));
  const status = cellWord(t, c.status);
  const title = c.method ? t('cell.title', { status, method: methodName(t, c.method), reason }) : t('cell.titleNoMethod', { status, reason });
  return html`<td class="${cls(c.status)}${c.changed === true ? ' chg' : ''}" title="${title}" data-status="${c.status}">${SYMBOL[c.status]}</td>`;
}

function targetRow(t: T, row: TimelineRow): SafeHtml {
  const label = row.kind === 'control' ? t('timeline.control') : row.service ? `${row.service.name} (${word(t, 'serviceKind', row.service.serviceKind)})` : row.label;
  const canary = row.canary ? html`<span class="mark canary">${t('timeline.canaryMark')}</span>` : '';
  const changed = row.changed ? html`<span class="mark">${t('timeline.changedMark')}</span>` : '';
  const head = html`<th class="row" scope="row">${breakable(label)}${canary}${changed}</th>`;
  return html`<tr data-row="${row.key}"${row.changed ? html` class="changed"` : ''}>${head}${row.cells.map((c) => cellHtml(t, c))}</tr>`;
}

function timelineTable(t: T, tl: Timeline): SafeHtml {
  const rows = [...tl.bands.map((b) => bandRow(t, b)), ...tl.rows.map((row) => targetRow(t, row))];
  return html`<div class="scroll"><table class="tl"><thead><tr><th class="row">${t('timeline.target')}</th>${columnHeads(t, tl)}</tr></thead><tbody>
${join(rows, '\n')}
</tbody></table></div>`;
}

/** The runs one row each, oldest first: when, id, status, how many of each verdict, its findings. */
function runTable(t: T, runs: readonly ReportRun[]): SafeHtml {
  const sorted = [...runs].sort((a, b) => a.record.startedAt.localeCompare(b.record.startedAt));
  const n = (r: ReportRun, st: string): number => r.results.filter((x) => x.verdict.status === st).length;
  const runRows = sorted.map((r) => {
    const fs = r.record.findings ?? [];
    const kinds = fs.map((f) => word(t, 'finding', f.kind)).join(', ');
    const findingCell = fs.length ? html`<details><summary>${kinds}</summary><ul>${fs.map((f) => html`<li>${textOf(t.lang, f.titleMessage, f.title)}</li>`)}</ul></details>` : '';
    const verdicts = VERDICTS.map((st) => html`<td>${n(r, st)}</td>`);
    return html`<tr><td>${utc(r.record.startedAt).slice(0, 16)}</td><td><code>${r.record.id}</code></td><td>${runStatusWord(t, r.record.status)}</td>\
${verdicts}<td>${findingCell}</td></tr>`;
  });
  const verdictHeads = VERDICTS.map((st) => html`<th title="${statusWord(t, st)}"><b class="${cls(st)}">${SYMBOL[st]}</b></th>`);
  const head = html`<tr><th>${t('runs.started')}</th><th>${t('runs.id')}</th><th>${t('runs.status')}</th>${verdictHeads}<th>${t('findings.heading')}</th></tr>`;
  return html`<div class="scroll"><table class="cmp runs"><thead>${head}</thead><tbody>
${join(runRows, '\n')}
</tbody></table></div>`;
}

/** The page for several runs: a timeline of every target (and the control) across them, run-level findings as bands. */
export function renderTimelineHtml(runs: readonly ReportRun[], opts: HtmlOptions = {}): string {
  const t = translator(opts.lang);
  const tl = buildTimeline(runs);
  const first = tl.runs[0]?.startedAt ?? '';
  const last = tl.runs.at(-1)?.startedAt ?? '';
  const targets = tl.rows.filter((r) => r.kind !== 'control');
  // Runs in the same minute are told apart by their seconds, here as in the column heads.
  const cut = first.slice(0, 16) === last.slice(0, 16) ? 19 : 16;
  const title = t('title.timeline', { count: tl.runs.length, from: utc(first).slice(0, cut), to: utc(last).slice(0, cut) });
  const networks = [...new Set(runs.map((r) => networkLine(t, r)))];
  const changed = t('timeline.changed', { changed: targets.filter((r) => r.changed).length, total: targets.length });
  const body = html`<header>
<h1>${title}</h1>
${networks.map((line) => html`<p class="meta">${line}</p>`)}
${generatedLine(t, opts.now)}
${privacy(t, Boolean(opts.includeBodies))}
</header>
<section id="timeline"><h2>${t('timeline.heading')}</h2>
<p>${t('timeline.intro')}</p>
<p><strong>${changed}</strong></p>
${legend(t)}
${timelineTable(t, tl)}
<p class="meta">${t('timeline.csv', { command: 'tekser report --csv FILE' })}</p>
</section>
<section id="runs"><h2>${t('timeline.runs')}</h2>
${legend(t)}
${runTable(t, runs)}
</section>
${termsHtml(t)}`;
  return page(title, body, t, true);
}
