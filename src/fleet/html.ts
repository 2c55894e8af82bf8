import glossary from '../i18n/glossary.json' with { type: 'json' };
import { currentLang, hasMessage, t as say, type Lang } from '../i18n/index.ts';
import type { MessageParam } from '../model/message.ts';
import { TEKSER_VERSION } from '../version.ts';
import { sentence, when, type FleetTarget, type FleetView } from './view.ts';

// The fleet report as one self-contained HTML page (inline CSS, a CSP that forbids every fetch):
// the networks, the targets blocked on some networks and not others in words, the findings per
// network, and the timeline: one row per target, a band of columns per network.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML and drops URL credentials: every value from the database goes through here. */
const h = (s: string | number | null | undefined): string =>
  String(s ?? '')
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s?#@]*@/gi, '$1')
    .replace(/[&<>"']/g, (c) => ESC[c] ?? c);
const utc = (t: Date): string => t.toISOString().slice(0, 16).replace('T', ' ');
const SYMBOL: Record<string, string> = { accessible: '✓', blocked: '✕', 'partially blocked': '◐', down: '↓', inconclusive: '?', 'refused by site': '⊘' };
/** Short class names: a page has a cell per target, network and span (2,000 × 20 × 12 = 480,000). */
const CELL: Record<string, string> = { accessible: 'a', blocked: 'b', 'partially blocked': 'p', down: 'd', inconclusive: 'i', 'refused by site': 'r' };

/** The page's words in the reader's language (keys under `html.`). */
type T = ((key: string, params?: Record<string, MessageParam>) => string) & { lang: Lang };
const translator = (lang: Lang): T => Object.assign((key: string, params?: Record<string, MessageParam>) => say(lang, `html.${key}`, params), { lang });
const statusWord = (lang: Lang, s: string): string => say(lang, `status.${s}`);
const sentenceOf = (t: T, target: FleetTarget, view: FleetView): string => sentence(target.cells, view.now, t.lang);

const CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
.tl td:not(:first-child){width:1.1em;text-align:center;padding:0}.tl th.n{text-align:center;border-left:3px solid #888}.tl .f{border-left:3px solid #888}
.tl .b{background:#e53935;color:#fff}.tl .p{background:#fb8c00;color:#fff}.tl .d{background:#9e9e9e;color:#fff}
.tl .i{background:#fff59d}.tl .a{background:#c8e6c9}.tl .r{background:#1e88e5;color:#fff}.tl .n{background:#fafafa}
.key span{display:inline-block;padding:0 .4em;margin-right:.4em}
li{margin:.2em 0}.muted{color:#777}`;

const heads = (t: T, keys: readonly string[]): string => `<tr>${keys.map((k) => `<th>${h(t(`fleet.col.${k}`))}</th>`).join('')}</tr>`;

function networksTable(t: T, view: FleetView): string {
  const rows = view.networks.map((n) => `<tr><td>${h(n.network)}</td><td>${n.asn ? `AS${h(n.asn)}` : ''}</td><td>${h(n.cc)}</td><td>${n.probes}</td><td>${n.runs}</td><td>${h(utc(n.last))}</td></tr>`);
  return `<table>${heads(t, ['network', 'as', 'country', 'probes', 'runs', 'lastRun'])}${rows.join('')}</table>`;
}

function sentences(t: T, view: FleetView, title: string, targets: readonly FleetTarget[]): string {
  if (targets.length === 0) return '';
  return `<h2>${h(title)} (${targets.length})</h2><ul>${targets.map((x) => `<li><b>${h(x.label)}</b>: ${h(sentenceOf(t, x, view))}</li>`).join('')}</ul>`;
}

function findingsTable(t: T, view: FleetView): string {
  const heading = `<h2>${h(t('fleet.findings'))}</h2>`;
  if (view.findings.length === 0) return `${heading}<p class="muted">${h(t('fleet.noFindings'))}</p>`;
  const kind = (k: string): string => (hasMessage(`html.finding.${k}`) ? t(`finding.${k}`) : k);
  const rows = view.findings.map((f) => `<tr><td>${h(f.network)}</td><td>${h(kind(f.kind))}</td><td>${f.runs}</td><td>${h(utc(f.last))}</td><td>${h(f.title)}</td></tr>`);
  return `${heading}<table>${heads(t, ['network', 'finding', 'runs', 'last', 'title'])}${rows.join('')}</table>`;
}

/** The statuses with their symbols and colours, the glossary's meaning as each one's tooltip. */
function key(t: T): string {
  const means = (s: string): string => (s in glossary.terms ? t(`glossary.${s}`) : '');
  const items = Object.entries(CELL).map(([s, c]) => `<span class="${c}" title="${h(means(s))}">${SYMBOL[s]} ${h(statusWord(t.lang, s))}</span>`);
  return `<p class="key tl">${items.join('')}<span class="n">${h(t('cell.missing'))}</span></p>`;
}

function timelineTable(t: T, view: FleetView): string {
  const names = view.networks.map((n) => n.network);
  const head1 = `<tr><th rowspan="2">${h(t('fleet.col.target'))}</th>${names.map((n) => `<th class="n" colspan="${view.buckets.length}">${h(n)}</th>`).join('')}</tr>`;
  const head2 = `<tr>${names.map(() => view.buckets.map((b, i) => `<th${i === 0 ? ' class="f"' : ''} title="${h(t('fleet.until', { time: utc(b) }))}">${h(when(b, view.now).slice(-5, -3))}</th>`).join('')).join('')}</tr>`;
  const none = view.buckets.map(() => null);
  const rows = view.targets.map((x) => {
    const cells = names.map((n) => (x.timeline.get(n) ?? none).map((s, i) => `<td class="${s ? (CELL[s] ?? 'n') : 'n'}${i === 0 ? ' f' : ''}">${s ? (SYMBOL[s] ?? '') : ''}</td>`).join('')).join('');
    return `<tr title="${h(sentenceOf(t, x, view))}"><td>${h(x.label)}</td>${cells}</tr>`;
  });
  return `<h2>${h(t('timeline.heading'))}</h2><p class="muted">${h(t('fleet.timelineIntro'))}</p>${key(t)}<table class="tl">${head1}${head2}${rows.join('')}</table>`;
}

/** The page, in the reader's language (default: the one the CLI chose). */
export function renderFleetHtml(view: FleetView, opts: { lang?: Lang } = {}): string {
  const t = translator(opts.lang ?? currentLang());
  const divergent = view.targets.filter((t) => t.divergent);
  const everywhere = view.targets.filter((t) => !t.divergent && [...t.cells.values()].every((c) => c.status === 'blocked' || c.status === 'partially blocked'));
  const probes = view.networks.reduce((n, x) => n + x.probes, 0);
  const runs = view.networks.reduce((n, x) => n + x.runs, 0);
  const counts = { networks: view.networks.length, probes, runs, targets: view.targets.length, version: TEKSER_VERSION };
  const body = [
    `<h1>${h(t('fleet.title', { from: utc(view.since), to: utc(view.now) }))}</h1>`,
    `<p>${h(t('fleet.counts', counts))}</p>`,
    networksTable(t, view),
    sentences(t, view, t('fleet.divergent'), divergent),
    sentences(t, view, t('fleet.everywhere'), everywhere),
    findingsTable(t, view),
    timelineTable(t, view),
  ].join('\n');
  return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${h(t('fleet.docTitle'))}</title><style>${CSS}</style></head><body>${body}</body></html>\n`;
}

/** The same in lines for a terminal or a cron mail: divergent targets, then blocked everywhere. */
export function fleetText(view: FleetView, opts: { lang?: Lang } = {}): string {
  const t = translator(opts.lang ?? currentLang());
  const networks = view.networks.map((n) => t('fleet.text.network', { network: n.network, runs: n.runs })).join(', ') || t('fleet.text.noRuns');
  const lines = [t('fleet.text.head', { networks, since: utc(view.since) })];
  const line = (x: FleetTarget): string => `  ${x.label}: ${sentenceOf(t, x, view)}`;
  const divergent = view.targets.filter((x) => x.divergent);
  if (divergent.length) lines.push(t('fleet.text.divergent'), ...divergent.map(line));
  const everywhere = view.targets.filter((x) => !x.divergent && [...x.cells.values()].every((c) => c.status === 'blocked' || c.status === 'partially blocked'));
  if (everywhere.length) lines.push(t('fleet.text.everywhere'), ...everywhere.map(line));
  return `${lines.join('\n')}\n`;
}
