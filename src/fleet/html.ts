import { TEKSER_VERSION } from '../version.ts';
import { when, type FleetTarget, type FleetView } from './view.ts';

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
const SYMBOL: Record<string, string> = { accessible: '✓', blocked: '✕', 'partially blocked': '◐', down: '↓', inconclusive: '?' };
/** Short class names: a page has a cell per target, network and span (2,000 × 20 × 12 = 480,000). */
const CELL: Record<string, string> = { accessible: 'a', blocked: 'b', 'partially blocked': 'p', down: 'd', inconclusive: 'i' };

const CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
.tl td:not(:first-child){width:1.1em;text-align:center;padding:0}.tl th.n{text-align:center;border-left:3px solid #888}.tl .f{border-left:3px solid #888}
.tl .b{background:#e53935;color:#fff}.tl .p{background:#fb8c00;color:#fff}.tl .d{background:#9e9e9e;color:#fff}
.tl .i{background:#fff59d}.tl .a{background:#c8e6c9}.tl .n{background:#fafafa}
.key span{display:inline-block;padding:0 .4em;margin-right:.4em}
li{margin:.2em 0}.muted{color:#777}`;

function networksTable(view: FleetView): string {
  const rows = view.networks.map((n) => `<tr><td>${h(n.network)}</td><td>${n.asn ? `AS${h(n.asn)}` : ''}</td><td>${h(n.cc)}</td><td>${n.probes}</td><td>${n.runs}</td><td>${h(utc(n.last))}</td></tr>`);
  return `<table><tr><th>network</th><th>AS</th><th>country</th><th>probes</th><th>runs</th><th>last run (UTC)</th></tr>${rows.join('')}</table>`;
}

function sentences(title: string, targets: readonly FleetTarget[]): string {
  if (targets.length === 0) return '';
  return `<h2>${h(title)} (${targets.length})</h2><ul>${targets.map((t) => `<li><b>${h(t.label)}</b>: ${h(t.sentence)}</li>`).join('')}</ul>`;
}

function findingsTable(view: FleetView): string {
  if (view.findings.length === 0) return '<h2>Findings per network</h2><p class="muted">No findings in these runs.</p>';
  const rows = view.findings.map((f) => `<tr><td>${h(f.network)}</td><td>${h(f.kind)}</td><td>${f.runs}</td><td>${h(utc(f.last))}</td><td>${h(f.title)}</td></tr>`);
  return `<h2>Findings per network</h2><table><tr><th>network</th><th>finding</th><th>runs</th><th>last (UTC)</th><th>latest title</th></tr>${rows.join('')}</table>`;
}

function timelineTable(view: FleetView): string {
  const names = view.networks.map((n) => n.network);
  const head1 = `<tr><th rowspan="2">target</th>${names.map((n) => `<th class="n" colspan="${view.buckets.length}">${h(n)}</th>`).join('')}</tr>`;
  const head2 = `<tr>${names.map(() => view.buckets.map((b, i) => `<th${i === 0 ? ' class="f"' : ''} title="until ${h(utc(b))} UTC">${h(when(b, view.now).slice(-5, -3))}</th>`).join('')).join('')}</tr>`;
  const none = view.buckets.map(() => null);
  const rows = view.targets.map((t) => {
    const cells = names.map((n) => (t.timeline.get(n) ?? none).map((s, i) => `<td class="${s ? (CELL[s] ?? 'n') : 'n'}${i === 0 ? ' f' : ''}">${s ? (SYMBOL[s] ?? '') : ''}</td>`).join('')).join('');
    return `<tr title="${h(t.sentence)}"><td>${h(t.label)}</td>${cells}</tr>`;
  });
  const key = Object.entries(CELL).map(([s, c]) => `<span class="${c}">${SYMBOL[s]} ${h(s)}</span>`).join('');
  return `<h2>Timeline</h2><p class="muted">One row per target, a band of columns per network; each column is the status at the end of its span (the worst among the network's probes). Hover a row for it in words.</p><p class="key tl">${key}<span class="n">not measured</span></p><table class="tl">${head1}${head2}${rows.join('')}</table>`;
}

/** The page. */
export function renderFleetHtml(view: FleetView): string {
  const divergent = view.targets.filter((t) => t.divergent);
  const everywhere = view.targets.filter((t) => !t.divergent && [...t.cells.values()].every((c) => c.status === 'blocked' || c.status === 'partially blocked'));
  const probes = view.networks.reduce((n, x) => n + x.probes, 0);
  const runs = view.networks.reduce((n, x) => n + x.runs, 0);
  const body = [
    `<h1>tekser fleet report: ${h(utc(view.since))} to ${h(utc(view.now))} UTC</h1>`,
    `<p>${view.networks.length} network(s), ${probes} probe(s), ${runs} run(s), ${view.targets.length} target(s). tekser ${h(TEKSER_VERSION)}. No probe's address is ever stored.</p>`,
    networksTable(view),
    sentences('Blocked on some networks and not others', divergent),
    sentences('Blocked on every network that measured it', everywhere),
    findingsTable(view),
    timelineTable(view),
  ].join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>tekser fleet report</title><style>${CSS}</style></head><body>${body}</body></html>\n`;
}

/** The same in lines for a terminal or a cron mail: divergent targets, then blocked everywhere. */
export function fleetText(view: FleetView): string {
  const lines = [`fleet: ${view.networks.map((n) => `${n.network} (${n.runs} runs)`).join(', ') || 'no runs'} since ${utc(view.since)} UTC`];
  const divergent = view.targets.filter((t) => t.divergent);
  if (divergent.length) lines.push('blocked on some networks and not others:', ...divergent.map((t) => `  ${t.label}: ${t.sentence}`));
  const everywhere = view.targets.filter((t) => !t.divergent && [...t.cells.values()].every((c) => c.status === 'blocked' || c.status === 'partially blocked'));
  if (everywhere.length) lines.push('blocked on every network that measured it:', ...everywhere.map((t) => `  ${t.label}: ${t.sentence}`));
  return `${lines.join('\n')}\n`;
}
