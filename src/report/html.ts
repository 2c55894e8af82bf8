import { createHash } from 'node:crypto';
import { helperResponseSchema } from '../model/control.ts';
import { FINDING_KINDS, type FindingJson } from '../model/finding.ts';
import type { TargetResultJson, WebResultJson } from '../model/run.ts';
import { TEKSER_VERSION } from '../version.ts';
import { hasKey, translator, type Lang, type StringKey } from './strings.ts';
import { buildTimeline, resultLabel, stripUrlCredentials, type CellStatus, type ReportRun, type Timeline } from './timeline.ts';

/**
 * `tekser report`: one self-contained HTML page (inline CSS and SVG, a CSP that forbids every
 * fetch), for one run or a timeline of several. Never the prober's public IP, page bodies (unless
 * asked) or URL credentials. Every word comes from the strings table (src/report/strings/).
 */

export interface HtmlOptions {
  /** Show page bodies kept in the run (only present when the run was made with --include-bodies). */
  includeBodies?: boolean;
  lang?: Lang;
  /** When the page was made (default now): shown in UTC. */
  now?: Date;
}

type T = ReturnType<typeof translator>;
type WebMeasurement = WebResultJson['measurement'];
type Tls = WebMeasurement['tls'][number];
type Dns = WebMeasurement['dns']['local'][number];

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML and drops URL credentials: every value from a run goes through here. */
const h = (s: string | number | null | undefined): string => stripUrlCredentials(String(s ?? '')).replace(/[&<>"']/g, (c) => ESC[c] ?? c);
const utc = (iso: string): string => iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1');
const hhmm = (iso: string): string => iso.slice(11, 16);

export const SYMBOL: Record<CellStatus, string> = {
  accessible: '✓',
  blocked: '✕',
  'partially blocked': '◐',
  down: '↓',
  inconclusive: '?',
  'control-ok': '✓',
  'control-failed': '!',
};
const VERDICTS = ['blocked', 'partially blocked', 'inconclusive', 'down', 'accessible'] as const;
const cls = (s: string): string => `v-${s.replace(/\s+/g, '-')}`;

/** A word by a value (verdict, method, finding kind), the value itself when the table has none. */
function word(t: T, prefix: 'verdict' | 'method' | 'finding' | 'sni' | 'explain' | 'cell', value: string): string {
  const key = `${prefix}.${value}`;
  return hasKey(key) ? t(key) : value;
}

const CSS = `
:root{--ok:#1a7f37;--okb:#dafbe1;--bl:#b42318;--blb:#fee4e2;--pa:#b54708;--pab:#fef0c7;--dn:#475467;--dnb:#eaecf0;--in:#5925dc;--inb:#ebe9fe;--line:#d0d5dd}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#101828;background:#fff;overflow-wrap:break-word}
main{max-width:72rem;margin:0 auto;padding:1rem}main.wide{max-width:120rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
code,.fp,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}
.meta{color:#475467;margin:.2rem 0}
.privacy{border:2px solid #344054;border-radius:.4rem;padding:.5rem .8rem;background:#f9fafb}
.privacy h2{border:0;margin:.2rem 0;font-size:1rem}
.finding{border-left:.4rem solid var(--bl);background:var(--blb);padding:.5rem .8rem;margin:.6rem 0;border-radius:.3rem;break-inside:avoid}
.finding.f-throttling,.finding.f-suspected-mitm,.finding.f-helper-unavailable{border-color:var(--pa);background:var(--pab)}
.finding.f-ways-out{border-color:var(--ok);background:var(--okb)}
.finding h3{font-size:1rem;margin:.1rem 0}.kind{text-transform:uppercase;font-size:.75rem;letter-spacing:.05em;font-weight:700}
ul{margin:.3rem 0;padding-left:1.2rem}ul.plain{list-style:none;padding:0;margin:0}
.badge{display:inline-block;min-width:8.5rem;padding:0 .4rem;border-radius:.3rem;font-weight:700;white-space:nowrap}
.v-accessible,.v-control-ok{background:var(--okb);color:var(--ok)}.v-blocked,.v-control-failed{background:var(--blb);color:var(--bl)}
.v-partially-blocked{background:var(--pab);color:var(--pa)}.v-down{background:var(--dnb);color:var(--dn)}.v-inconclusive{background:var(--inb);color:var(--in)}
details.target{border:1px solid var(--line);border-radius:.3rem;margin:.3rem 0;break-inside:avoid}
details.target>summary{cursor:pointer;padding:.4rem .5rem;display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
details.target>div{padding:.2rem .8rem .8rem}
.label{font-weight:600;overflow-wrap:anywhere}.method{color:#475467}.reason{flex-basis:100%;color:#344054}
table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:.2rem .4rem;vertical-align:top;text-align:left}
table.cmp{width:100%;font-size:.9rem}table.cmp td{overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}
table.tl th.row{position:sticky;left:0;z-index:1;background:#fff;min-width:11rem;max-width:22rem;overflow-wrap:anywhere;font-weight:500;text-align:left}
table.tl td{text-align:center;min-width:1.8rem;font-weight:700;padding:.15rem}
table.tl td.chg{outline:3px solid #101828;outline-offset:-3px}
table.tl td.none{color:#98a2b3;font-weight:400}
table.tl thead th{font-size:.7rem;text-align:center;white-space:nowrap;padding:.15rem .1rem}
table.tl td.band{background:#101828;color:#fff;font-size:.8rem;text-align:center;overflow:hidden}
table.tl td.noband{border:0}
.mark{display:inline-block;white-space:nowrap;font-size:.7rem;font-weight:700;color:#101828;border:1px solid #101828;border-radius:.2rem;padding:0 .2rem;margin-left:.3rem}
.mark.canary{color:#475467;border-color:#98a2b3;font-weight:400}
.legend span{display:inline-block;margin:.1rem .6rem .1rem 0}.legend b{display:inline-block;min-width:1.6rem;text-align:center;border-radius:.2rem}
.chain li{margin:.2rem 0}.fp{color:#475467}
pre{white-space:pre-wrap;background:#f2f4f7;padding:.5rem;max-height:20rem;overflow:auto}
footer{color:#667085;font-size:.8rem;margin-top:2rem}
@media (max-width:40rem){body{font-size:15px}main{padding:.5rem}.badge{min-width:0}table.tl th.row{min-width:8rem;max-width:11rem}}
@media print{details::details-content{content-visibility:visible;display:block}body{font-size:10pt}main{max-width:none;padding:0}.scroll{overflow:visible}h2{break-after:avoid}details.target{border:0;border-bottom:1px solid var(--line)}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`.trim();

/** The page shell: a CSP that allows only this inline style (by hash): no script, no fetch of any kind. */
function page(title: string, body: string, t: T, wide = false): string {
  const styleHash = createHash('sha256').update(CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="${h(t('lang'))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="tekser ${h(TEKSER_VERSION)}">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main${wide ? ' class="wide"' : ''}>
${body}
</main>
</body>
</html>
`;
}

function privacy(t: T, includeBodies: boolean): string {
  return `<section class="privacy" id="privacy"><h2>${h(t('privacy.heading'))}</h2><p>${h(t('privacy.contains'))}</p><p>${h(includeBodies ? t('privacy.withBodies') : t('privacy.notBodies'))}</p></section>`;
}

function networkLine(t: T, run: ReportRun): string {
  const n = run.record.network;
  return n.asn || n.country ? t('header.network', { asn: n.asn ?? '', country: n.country ?? '' }) : t('header.networkUnknown');
}

function counts(t: T, results: ReportRun['results']): string {
  const n = (s: string): number => results.filter((r) => r.verdict.status === s).length;
  return t('summary.counts', { total: results.length, accessible: n('accessible'), blocked: n('blocked'), partial: n('partially blocked'), down: n('down'), inconclusive: n('inconclusive') });
}

/** A stacked bar of the verdicts, in inline SVG, with the numbers as text beside it (not colour alone). */
function summaryBar(t: T, results: ReportRun['results']): string {
  const fill: Record<string, string> = { accessible: '#1a7f37', blocked: '#b42318', 'partially blocked': '#dc6803', down: '#667085', inconclusive: '#7a5af8' };
  const total = results.length || 1;
  let x = 0;
  const rects = VERDICTS.map((s) => {
    const n = results.filter((r) => r.verdict.status === s).length;
    const w = (n / total) * 1000;
    const rect = n ? `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="24" fill="${fill[s]}"><title>${h(word(t, 'verdict', s))}: ${n}</title></rect>` : '';
    x += w;
    return rect;
  }).join('');
  const legend = VERDICTS.map((s) => `<span><b class="${cls(s)}">${SYMBOL[s]}</b> ${h(word(t, 'verdict', s))}: ${results.filter((r) => r.verdict.status === s).length}</span>`).join('');
  return `<svg viewBox="0 0 1000 24" width="100%" height="24" preserveAspectRatio="none" role="img" aria-label="${h(t('summary.chartLabel'))}">${rects}</svg><p class="legend">${legend}</p>`;
}

// ——— findings ———

function chainsOf(r: TargetResultJson): Tls[] {
  if (r.target.kind === 'service') {
    const m = r.measurement as Extract<TargetResultJson, { target: { kind: 'service' } }>['measurement'];
    return m.checks.flatMap((c) => c.attempts.flatMap((a) => [...a.tls, ...(a.http?.tls ? [a.http.tls] : [])]));
  }
  const m = r.measurement as WebMeasurement;
  const doh = [...m.dns.local, ...m.dns.control].flatMap((o) => (o.tls ? [o.tls] : []));
  return [...m.tls, ...m.http.flatMap((x) => (x.tls ? [x.tls] : [])), ...m.sniProbes.map((p) => p.handshake), ...doh];
}

function interceptionFingerprints(targets: readonly TargetResultJson[]): Array<{ subject: string; sha256: string | null }> {
  const out = new Map<string, { subject: string; sha256: string | null }>();
  for (const r of targets) {
    const ca = r.verdict.interceptionCa;
    if (!ca) continue;
    const certs = chainsOf(r).flatMap((x) => x.peerCertificates);
    const match = certs.find((c) => c.subject === ca.certificate) ?? certs.find((c) => c.issuer === ca.certificate);
    const key = match?.sha256 ?? ca.certificate;
    if (!out.has(key)) out.set(key, { subject: match?.subject ?? ca.certificate, sha256: match?.sha256 ?? null });
  }
  return [...out.values()];
}

const fingerprint = (hex: string): string => hex.toUpperCase().match(/.{1,2}/g)?.join(':') ?? hex;

function findingHtml(t: T, f: FindingJson, byLabel: Map<string, { r: TargetResultJson; anchor: string }>): string {
  const involved = f.targets.map((l) => byLabel.get(stripUrlCredentials(l))).filter((x): x is { r: TargetResultJson; anchor: string } => x !== undefined);
  const explainKey = `explain.${f.kind}`;
  const parts = [
    `<div class="kind">${h(word(t, 'finding', f.kind))}</div>`,
    `<h3>${h(f.title)}</h3>`,
    hasKey(explainKey) ? `<p>${h(t(explainKey as StringKey))}</p>` : '',
    f.details.length ? `<ul>${f.details.map((d) => `<li>${h(d)}</li>`).join('')}</ul>` : '',
  ];
  if (f.kind === 'state-mitm' || f.kind === 'suspected-mitm') {
    const fps = interceptionFingerprints(involved.map((x) => x.r));
    if (fps.length) parts.push(`<ul>${fps.map((fp) => `<li>${h(t('interception.fingerprint', { subject: fp.subject, sha256: fp.sha256 ? fingerprint(fp.sha256) : '?' }))}</li>`).join('')}</ul>`);
    parts.push(`<p><strong>${h(t('interception.advice.heading'))}</strong></p><ul>${(['interception.advice.1', 'interception.advice.2', 'interception.advice.3'] as const).map((k) => `<li>${h(t(k))}</li>`).join('')}</ul>`);
  }
  if (f.targets.length) {
    const items = f.targets.map((l) => {
      const x = byLabel.get(stripUrlCredentials(l));
      return x ? `<li><a href="#${x.anchor}">${h(l)}</a></li>` : `<li>${h(l)}</li>`;
    });
    parts.push(`<details><summary>${h(t('findings.targets', { count: f.targets.length }))}</summary><ul>${items.join('')}</ul></details>`);
  }
  return `<article class="finding f-${h(f.kind)}">${parts.join('')}</article>`;
}

// ——— one target's evidence ———

const li = (items: string[]): string => (items.length ? `<ul class="plain">${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '');
const ep = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

function dnsLines(t: T, obs: readonly Dns[]): string {
  if (obs.length === 0) return h(t('compare.notAsked'));
  return li(
    obs.map((o) => {
      const who = `${o.engine}${o.resolver ? ` ${o.resolver}` : ''} ${o.queryType}`;
      const answers = o.answers.map((a) => a.value).join(', ');
      return `<code>${h(who)}</code>: ${h(o.failure ?? (answers || '(empty)'))}`;
    }),
  );
}

function tlsLine(t: T, x: Tls): string {
  return `<code>${h(ep(x.ip, x.port))}</code> ${h(x.serverName ?? t('chains.noSni'))}: ${h(x.failure ?? `${t('compare.ok')} ${x.tlsVersion ?? ''}`)}`;
}

function compareTable(t: T, m: WebMeasurement): string {
  const parsed = m.helper?.response ? helperResponseSchema.safeParse(m.helper.response) : null;
  const helper = parsed?.success ? parsed.data : null;
  const noHelper = h(m.helper ? (m.helper.failure ?? t('compare.noHelper')) : t('compare.noHelper'));
  const helperDns = helper ? h(helper.dns.failure ?? helper.dns.addrs.join(', ')) : noHelper;
  const helperTcp = helper ? li(Object.entries(helper.tcp_connect).map(([k, v]) => `<code>${h(k)}</code>: ${h(v.failure ?? t('compare.ok'))}`)) : noHelper;
  const helperTls = helper ? li(Object.entries(helper.tls_handshake).map(([k, v]) => `<code>${h(k)}</code>: ${h(v.failure ?? t('compare.ok'))}`)) : noHelper;
  const helperHttp = helper
    ? h(helper.http_request.failure ?? t('compare.httpResult', { status: helper.http_request.status_code, title: helper.http_request.title, bytes: helper.http_request.body_length }))
    : noHelper;
  const httpLines = m.http.map((x) => {
    if (x.failure) return `<code>${h(x.url)}</code>: ${h(`${x.failedOperation ?? ''} ${x.failure}`.trim())}`;
    const location = x.headers.location ?? x.headers.Location;
    return `<code>${h(x.url)}</code>: ${h(t('compare.httpResult', { status: x.status ?? '', title: x.title ?? '', bytes: x.bodyLength }))}${location ? ` — ${h(t('compare.httpLocation', { location }))}` : ''}`;
  });
  const dash = '—';
  const row = (step: StringKey, probe: string, control: string, helperCell: string): string => `<tr><th>${h(t(step))}</th><td>${probe}</td><td>${control}</td><td>${helperCell}</td></tr>`;
  const recheck = m.controlRecheck.length ? `<p>${h(t('compare.recheck', { result: m.controlRecheck.map((o) => o.failure ?? o.answers.map((a) => a.value).join(', ')).join('; ') }))}</p>` : '';
  return `<h4>${h(t('compare.heading'))}</h4><div class="scroll"><table class="cmp"><thead><tr><th>${h(t('compare.step'))}</th><th>${h(t('compare.probe'))}</th><th>${h(t('compare.control'))}</th><th>${h(t('compare.helper'))}</th></tr></thead><tbody>
${row('compare.dns', dnsLines(t, m.dns.local), dnsLines(t, m.dns.control), helperDns)}
${row('compare.tcp', li(m.tcp.map((x) => `<code>${h(ep(x.ip, x.port))}</code>: ${h(x.failure ?? t('compare.ok'))}`)) || dash, dash, helperTcp)}
${row('compare.tls', li(m.tls.map((x) => tlsLine(t, x))) || dash, dash, helperTls)}
${row('compare.http', li(httpLines) || dash, dash, helperHttp)}
</tbody></table></div>${recheck}`;
}

/** Each distinct chain seen, leaf first, as issuer → subject with SHA-256 fingerprints. */
function chainsHtml(t: T, r: TargetResultJson): string {
  const seen = new Set<string>();
  const ca = r.verdict.interceptionCa;
  const items: string[] = [];
  for (const x of chainsOf(r)) {
    if (x.peerCertificates.length === 0) continue;
    const key = x.peerCertificates.map((c) => c.sha256).join('/');
    if (seen.has(key)) continue;
    seen.add(key);
    const trust = x.chainTrusted === true ? t('chains.trusted') : x.chainError ? t('chains.untrusted', { error: x.chainError }) : t('chains.untrustedNoError');
    const bySubject = ca ? x.peerCertificates.some((c) => c.subject === ca.certificate) : false;
    const links = x.peerCertificates.map((c) => {
      const matched = ca && (bySubject ? c.subject === ca.certificate : c.issuer === ca.certificate) ? ` <strong>${h(t('chains.matched', { ca: ca.ca, country: ca.country, matchedBy: ca.matchedBy }))}</strong>` : '';
      return `<li>${h(t('chains.link', { issuer: c.issuer, subject: c.subject }))}${matched}<br><span class="fp">${h(t('chains.sha256', { sha256: fingerprint(c.sha256) }))}</span></li>`;
    });
    items.push(`<li><p>${h(t('chains.served', { ip: x.ip, port: x.port, sni: x.serverName ?? t('chains.noSni') }))} — ${h(trust)}</p><ol class="chain">${links.join('')}</ol></li>`);
  }
  return items.length ? `<h4>${h(t('chains.heading'))}</h4><ul class="plain">${items.join('')}</ul>` : '';
}

function sniHtml(t: T, m: WebMeasurement): string {
  if (m.sniProbes.length === 0) return '';
  return `<h4>${h(t('sni.heading'))}</h4>${li(m.sniProbes.map((p) => `${h(word(t, 'sni', p.kind))}: ${tlsLine(t, p.handshake)}`))}`;
}

function checksHtml(t: T, r: TargetResultJson): string {
  const checks = r.verdict.checks ?? [];
  if (checks.length === 0) return '';
  return `<h4>${h(t('checks.heading'))}</h4>${checks
    .map(
      (c) =>
        `<p><span class="badge ${cls(c.status)}">${SYMBOL[c.status]} ${h(word(t, 'verdict', c.status))}</span> <strong>${h(c.title)}</strong>${c.method ? ` <span class="method">${h(t('target.method', { method: c.method }))}</span>` : ''}</p><div class="scroll"><table class="cmp"><thead><tr><th>${h(t('checks.endpoint'))}</th><th>${h(t('checks.status'))}</th><th>${h(t('checks.step'))}</th><th>${h(t('checks.failure'))}</th></tr></thead><tbody>${c.endpoints
          .map((e) => `<tr><td><code>${h(e.endpoint)}</code></td><td>${h(e.status)}</td><td>${h(e.step ?? '')}</td><td>${h(e.failure ?? '')}${e.failedPorts.length ? ` ${h(t('checks.ports', { ports: e.failedPorts.join(', ') }))}` : ''}</td></tr>`)
          .join('')}</tbody></table></div>`,
    )
    .join('')}`;
}

function bodiesHtml(t: T, r: TargetResultJson): string {
  if (r.target.kind !== 'web') return '';
  const bodies = (r.measurement as WebMeasurement).http.filter((x) => typeof x.body === 'string' && x.body.length > 0);
  return bodies.map((x) => `<h4>${h(t('bodies.heading'))}: <code>${h(x.url)}</code></h4><pre>${h((x.body ?? '').slice(0, 16 * 1024))}</pre>`).join('');
}

function targetHtml(t: T, r: TargetResultJson, anchor: string, opts: Required<Pick<HtmlOptions, 'includeBodies'>>): string {
  const v = r.verdict;
  const about = [
    r.target.kind === 'web' && r.target.category ? t('target.category', { category: r.target.category }) : '',
    t('target.source', { source: r.target.source }),
    r.target.kind === 'web' && r.target.role === 'canary' ? t('target.canary') : '',
  ].filter(Boolean);
  const evidence = v.evidence.length ? `<ul>${v.evidence.map((e) => `<li>${h(e)}</li>`).join('')}</ul>` : `<p>${h(t('target.noEvidence'))}</p>`;
  const web = r.target.kind === 'web' ? (r.measurement as WebMeasurement) : null;
  return `<details class="target" id="${anchor}"><summary><span class="badge ${cls(v.status)}">${SYMBOL[v.status]} ${h(word(t, 'verdict', v.status))}</span><span class="label">${h(resultLabel(r))}</span>${v.method ? `<span class="method">${h(word(t, 'method', v.method))}</span>` : ''}<span class="reason">${h(v.reason)}</span></summary><div>
<p class="meta">${h(about.join(' · '))}</p>
${r.measurement.deadlineExceeded ? `<p>${h(t('target.deadline'))}</p>` : ''}
<h4>${h(t('target.evidence'))}</h4>${evidence}
${web ? compareTable(t, web) : ''}${checksHtml(t, r)}${chainsHtml(t, r)}${web ? sniHtml(t, web) : ''}${opts.includeBodies ? bodiesHtml(t, r) : ''}
</div></details>`;
}

const severity = (s: string): number => VERDICTS.indexOf(s as (typeof VERDICTS)[number]);

function runStatusWord(t: T, status: string): string {
  const key = `header.runStatus.${status}`;
  return hasKey(key) ? t(key) : status;
}

/** The page for one run: what it contains, the findings first, then every target with its evidence folded. */
export function renderRunHtml(run: ReportRun, opts: HtmlOptions = {}): string {
  const t = translator(opts.lang);
  const includeBodies = Boolean(opts.includeBodies);
  const rec = run.record;
  const ordered = [...run.results].sort((a, b) => severity(a.verdict.status) - severity(b.verdict.status) || resultLabel(a).localeCompare(resultLabel(b), 'en', { numeric: true }));
  const byLabel = new Map<string, { r: TargetResultJson; anchor: string }>();
  ordered.forEach((r, i) => {
    const entry = { r, anchor: `t-${i + 1}` };
    byLabel.set(resultLabel(r), entry);
    byLabel.set(stripUrlCredentials(r.target.url), entry);
  });
  // Run-level findings first (they change how to read everything below), then the model's order.
  const findings = [...(rec.findings ?? [])].sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind));
  const body = `<header>
<h1>${h(t('title.run', { id: rec.id }))}</h1>
<p class="meta">${h(t('header.run', { id: rec.id, start: utc(rec.startedAt), end: rec.finishedAt ? `${utc(rec.finishedAt)} UTC` : t('header.unfinished'), status: runStatusWord(t, rec.status) }))}</p>
<p class="meta">${h(networkLine(t, run))}</p>
<p class="meta">${h(t('header.generated', { version: TEKSER_VERSION, date: utc((opts.now ?? new Date()).toISOString()) }))}</p>
${privacy(t, includeBodies)}
</header>
<section id="summary"><h2>${h(t('summary.heading'))}</h2><p>${h(counts(t, run.results))}</p>${summaryBar(t, run.results)}</section>
<section id="findings"><h2>${h(t('findings.heading'))}</h2>
${findings.length ? findings.map((f) => findingHtml(t, f, byLabel)).join('\n') : `<p>${h(t('findings.none'))}</p>`}
</section>
<section id="targets"><h2>${h(t('targets.heading'))}</h2><p>${h(t('targets.intro'))}</p>
${ordered.map((r, i) => targetHtml(t, r, `t-${i + 1}`, { includeBodies })).join('\n')}
</section>`;
  return page(t('title.run', { id: rec.id }), body, t);
}

// ——— several runs: the timeline ———

function legend(t: T): string {
  const items = [...VERDICTS, 'control-ok', 'control-failed'] as const;
  const words = items.map((s) => `<span><b class="${cls(s)}">${SYMBOL[s]}</b> ${h(s.startsWith('control') ? word(t, 'cell', s) : word(t, 'verdict', s))}</span>`);
  words.push(`<span><b class="none">·</b> ${h(t('cell.missing'))}</span>`);
  return `<p class="legend"><strong>${h(t('timeline.legend'))}:</strong> ${words.join('')}</p>`;
}

function timelineTable(t: T, tl: Timeline): string {
  const head = tl.runs
    .map((r, i) => {
      const day = r.startedAt.slice(0, 10);
      const showDay = i === 0 || tl.runs[i - 1]?.startedAt.slice(0, 10) !== day;
      return `<th scope="col" title="${h(`${r.id} (${r.status})`)}">${showDay ? `${h(day.slice(5))}<br>` : ''}${h(hhmm(r.startedAt))}</th>`;
    })
    .join('');
  const bands = tl.bands.map((b) => {
    const cells: string[] = [];
    for (let i = 0; i < b.runs.length; ) {
      let j = i;
      while (j < b.runs.length && b.runs[j] === b.runs[i]) j++;
      const span = j - i;
      const text = span >= 3 ? h(word(t, 'finding', b.kind)) : '⚠';
      cells.push(b.runs[i] ? `<td class="band" colspan="${span}" title="${h(b.titles[i] ?? '')}">${text}</td>` : `<td class="noband" colspan="${span}"></td>`);
      i = j;
    }
    return `<tr class="bandrow"><th class="row" scope="row">${h(word(t, 'finding', b.kind))}</th>${cells.join('')}</tr>`;
  });
  const rows = tl.rows.map((row) => {
    const cells = row.cells.map((c) => {
      if (!c) return `<td class="none" title="${h(t('cell.missing'))}">·</td>`;
      const changed = c.changed === true;
      const what = c.status.startsWith('control') ? word(t, 'cell', c.status) : word(t, 'verdict', c.status);
      const title = `${what}${c.method ? ` (${c.method})` : ''}: ${c.reason}`;
      return `<td class="${cls(c.status)}${changed ? ' chg' : ''}" title="${h(title)}" data-status="${h(c.status)}">${SYMBOL[c.status]}</td>`;
    });
    const label = row.kind === 'control' ? t('timeline.control') : row.label;
    return `<tr data-row="${h(row.key)}"${row.changed ? ' class="changed"' : ''}><th class="row" scope="row">${h(label)}${row.canary ? `<span class="mark canary">${h(t('timeline.canaryMark'))}</span>` : ''}${row.changed ? `<span class="mark">${h(t('timeline.changedMark'))}</span>` : ''}</th>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="tl"><thead><tr><th class="row">${h(t('timeline.target'))}</th>${head}</tr></thead><tbody>
${[...bands, ...rows].join('\n')}
</tbody></table></div>`;
}

/** The page for several runs: a timeline of every target (and the control) across them, run-level findings as bands. */
export function renderTimelineHtml(runs: readonly ReportRun[], opts: HtmlOptions = {}): string {
  const t = translator(opts.lang);
  const tl = buildTimeline(runs);
  const first = tl.runs[0]?.startedAt ?? '';
  const last = tl.runs.at(-1)?.startedAt ?? '';
  const targets = tl.rows.filter((r) => r.kind !== 'control');
  const title = t('title.timeline', { count: tl.runs.length, from: utc(first).slice(0, 16), to: utc(last).slice(0, 16) });
  const networks = [...new Set(runs.map((r) => networkLine(t, r)))];
  const sorted = [...runs].sort((a, b) => a.record.startedAt.localeCompare(b.record.startedAt));
  const n = (r: ReportRun, st: string): number => r.results.filter((x) => x.verdict.status === st).length;
  const runRows = sorted
    .map((r) => {
      const fs = r.record.findings ?? [];
      const findingCell = fs.length ? `<details><summary>${h(fs.map((f) => word(t, 'finding', f.kind)).join(', '))}</summary><ul>${fs.map((f) => `<li>${h(f.title)}</li>`).join('')}</ul></details>` : '';
      return `<tr><td>${h(utc(r.record.startedAt).slice(0, 16))}</td><td><code>${h(r.record.id)}</code></td><td>${h(runStatusWord(t, r.record.status))}</td>${VERDICTS.map((st) => `<td>${n(r, st)}</td>`).join('')}<td>${findingCell}</td></tr>`;
    })
    .join('\n');
  const runTable = `<div class="scroll"><table class="cmp runs"><thead><tr><th>${h(t('runs.started'))}</th><th>${h(t('runs.id'))}</th><th>${h(t('runs.status'))}</th>${VERDICTS.map((st) => `<th title="${h(word(t, 'verdict', st))}"><b class="${cls(st)}">${SYMBOL[st]}</b></th>`).join('')}<th>${h(t('findings.heading'))}</th></tr></thead><tbody>
${runRows}
</tbody></table></div>`;
  const body = `<header>
<h1>${h(title)}</h1>
${networks.map((n) => `<p class="meta">${h(n)}</p>`).join('')}
<p class="meta">${h(t('header.generated', { version: TEKSER_VERSION, date: utc((opts.now ?? new Date()).toISOString()) }))}</p>
${privacy(t, Boolean(opts.includeBodies))}
</header>
<section id="timeline"><h2>${h(t('timeline.heading'))}</h2>
<p>${h(t('timeline.intro'))}</p>
<p><strong>${h(t('timeline.changed', { changed: targets.filter((r) => r.changed).length, total: targets.length }))}</strong></p>
${legend(t)}
${timelineTable(t, tl)}
<p class="meta">${h(t('timeline.csv'))}</p>
</section>
<section id="runs"><h2>${h(t('timeline.runs'))}</h2>
${legend(t)}
${runTable}
</section>`;
  return page(title, body, t, true);
}
