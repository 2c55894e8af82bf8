import { helperResponseSchema, type HelperResponse } from '../../model/control.ts';
import type { TargetResultJson, WebResultJson } from '../../model/run.ts';
import { joinHostPort } from '../../net/endpoint.ts';
import { textOf } from '../../i18n/index.ts';
import { chainsHtml, type Tls } from './chains.ts';
import { cls, labelOf, methodName, methodWord, statusWord, SYMBOL, word, type T } from './page.ts';
import { breakable, html, type HtmlValue, type SafeHtml } from './safe.ts';

// One target's evidence on the run page: its verdict in the summary, then what each side saw, folded.

type WebMeasurement = WebResultJson['measurement'];
type Dns = WebMeasurement['dns']['local'][number];
type Check = NonNullable<TargetResultJson['verdict']['checks']>[number];

const li = (items: readonly SafeHtml[]): SafeHtml | '' => (items.length ? html`<ul class="plain">${items.map((i) => html`<li>${i}</li>`)}</ul>` : '');
const DASH = '—';

function dnsLines(t: T, obs: readonly Dns[]): SafeHtml | string {
  if (obs.length === 0) return t('compare.notAsked');
  return li(
    obs.map((o) => {
      const who = `${o.engine}${o.resolver ? ` ${o.resolver}` : ''} ${o.queryType}`;
      const answers = o.answers.map((a) => a.value).join(', ');
      return html`<code>${breakable(who)}</code>: ${breakable(o.failure ?? (answers || t('compare.empty')))}`;
    }),
  );
}

function tlsLine(t: T, x: Tls): SafeHtml {
  const result = x.failure ?? `${t('compare.ok')} ${x.tlsVersion ?? ''}`;
  return html`<code>${joinHostPort(x.ip, x.port)}</code> ${breakable(x.serverName ?? t('chains.noSni'))}: ${breakable(result)}`;
}

function httpLine(t: T, x: WebMeasurement['http'][number]): SafeHtml {
  if (x.failure) return html`<code>${breakable(x.url)}</code>: ${breakable(`${x.failedOperation ?? ''} ${x.failure}`.trim())}`;
  const location = x.headers.location ?? x.headers.Location;
  const result = t('compare.httpResult', { status: x.status ?? '', title: x.title ?? '', bytes: x.bodyLength });
  return html`<code>${breakable(x.url)}</code>: ${breakable(result)}${location ? html` — ${breakable(t('compare.httpLocation', { location }))}` : ''}`;
}

/** The helper's column: what it saw at each step, or why there is no helper answer. */
function helperCells(t: T, m: WebMeasurement): Record<'dns' | 'tcp' | 'tls' | 'http', HtmlValue> {
  const parsed = m.helper?.response ? helperResponseSchema.safeParse(m.helper.response) : null;
  const helper: HelperResponse | null = parsed?.success ? parsed.data : null;
  const none = breakable(m.helper ? (m.helper.failure ?? t('compare.noHelper')) : t('compare.noHelper'));
  if (!helper) return { dns: none, tcp: none, tls: none, http: none };
  const each = (o: Record<string, { failure: string | null }>): HtmlValue =>
    li(Object.entries(o).map(([k, v]) => html`<code>${k}</code>: ${breakable(v.failure ?? t('compare.ok'))}`)) || DASH;
  const r = helper.http_request;
  return {
    dns: breakable(helper.dns.failure ?? helper.dns.addrs.join(', ')),
    tcp: each(helper.tcp_connect),
    tls: each(helper.tls_handshake),
    http: breakable(r.failure ?? t('compare.httpResult', { status: r.status_code, title: r.title, bytes: r.body_length })),
  };
}

/** Probe, control and helper side by side, step by step (DNS, TCP, TLS, HTTP). */
function compareTable(t: T, m: WebMeasurement): SafeHtml {
  const helper = helperCells(t, m);
  const [probeSide, controlSide, helperSide] = [t('compare.probe'), t('compare.control'), t('compare.helper')];
  const row = (step: string, probe: HtmlValue, control: HtmlValue, helperCell: HtmlValue): SafeHtml =>
    html`<tr><th>${t(step)}</th><td data-side="${probeSide}">${probe}</td><td data-side="${controlSide}">${control}</td>\
<td data-side="${helperSide}">${helperCell}</td></tr>`;
  const recheckWords = m.controlRecheck.map((o) => o.failure ?? o.answers.map((a) => a.value).join(', ')).join('; ');
  const recheck = m.controlRecheck.length ? html`<p>${t('compare.recheck', { result: recheckWords })}</p>` : '';
  const tcp = li(m.tcp.map((x) => html`<code>${joinHostPort(x.ip, x.port)}</code>: ${breakable(x.failure ?? t('compare.ok'))}`));
  const head = html`<tr><th>${t('compare.step')}</th><th>${probeSide}</th><th>${controlSide}</th><th>${helperSide}</th></tr>`;
  return html`<h4>${t('compare.heading')}</h4><div class="scroll steps"><table class="cmp"><thead>${head}</thead><tbody>
${row('compare.dns', dnsLines(t, m.dns.local), dnsLines(t, m.dns.control), helper.dns)}
${row('compare.tcp', tcp || DASH, DASH, helper.tcp)}
${row('compare.tls', li(m.tls.map((x) => tlsLine(t, x))) || DASH, DASH, helper.tls)}
${row('compare.http', li(m.http.map((x) => httpLine(t, x))) || DASH, DASH, helper.http)}
</tbody></table></div>${recheck}`;
}

function sniHtml(t: T, m: WebMeasurement): SafeHtml | '' {
  if (m.sniProbes.length === 0) return '';
  return html`<h4>${t('sni.heading')}</h4>${li(m.sniProbes.map((p) => html`${word(t, 'sni', p.kind)}: ${tlsLine(t, p.handshake)}`))}`;
}

/** A service check: its verdict and title, then its endpoints one row each. */
function checkHtml(t: T, c: Check): SafeHtml {
  const method = c.method ? html` <span class="method">${t('target.method', { method: methodName(t, c.method) })}</span>` : '';
  const rows = c.endpoints.map((e) => {
    const ports = e.failedPorts.length ? html` ${t('checks.ports', { ports: e.failedPorts.join(', ') })}` : '';
    const [status, step, failure] = [t('checks.status'), t('checks.step'), t('checks.failure')];
    return html`<tr><th><code>${breakable(e.endpoint)}</code></th><td data-side="${status}">${endpointStatus(t, e.status)}</td><td data-side="${step}">${e.step ?? ''}</td>\
<td data-side="${failure}">${breakable(e.failure)}${ports}</td></tr>`;
  });
  const head = html`<tr><th>${t('checks.endpoint')}</th><th>${t('checks.status')}</th><th>${t('checks.step')}</th><th>${t('checks.failure')}</th></tr>`;
  return html`<p><span class="badge ${cls(c.status)}">${SYMBOL[c.status]} ${statusWord(t, c.status)}</span> <strong>${c.title}</strong>${method}</p>\
<div class="scroll steps"><table class="cmp"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function checksHtml(t: T, r: TargetResultJson): SafeHtml | '' {
  const checks = r.verdict.checks ?? [];
  if (checks.length === 0) return '';
  return html`<h4>${t('checks.heading')}</h4>${checks.map((c) => checkHtml(t, c))}`;
}

function bodiesHtml(t: T, r: TargetResultJson): SafeHtml[] {
  if (r.target.kind !== 'web') return [];
  const bodies = (r.measurement as WebMeasurement).http.filter((x) => typeof x.body === 'string' && x.body.length > 0);
  return bodies.map((x) => html`<h4>${t('bodies.heading')}: <code>${x.url}</code></h4><pre>${(x.body ?? '').slice(0, 16 * 1024)}</pre>`);
}

/** The line under the verdict: category, source list, canary. */
function aboutLine(t: T, r: TargetResultJson): string {
  const about = [
    r.target.kind === 'web' && r.target.category ? t('target.category', { category: r.target.category }) : '',
    t('target.source', { source: r.target.source }),
    r.target.kind === 'web' && r.target.role === 'canary' ? t('target.canary') : '',
  ];
  return about.filter(Boolean).join(' · ');
}

/** The evidence lines in the reader's language: its messages when there is one per line, else the lines as stored. */
function evidenceLines(t: T, v: TargetResultJson['verdict']): string[] {
  const messages = v.evidenceMessages?.length === v.evidence.length ? v.evidenceMessages : undefined;
  return v.evidence.map((e, i) => textOf(t.lang, messages?.[i], e));
}

/** An endpoint's status (reachable, blocked…) in the reader's language. */
const endpointStatus = (t: T, status: string): string => word(t, 'endpoint', status);

/** One target, folded: verdict, label, method and reason in the summary; its evidence inside. */
export function targetHtml(t: T, r: TargetResultJson, anchor: string, opts: { includeBodies: boolean }): SafeHtml {
  const v = r.verdict;
  const lines = evidenceLines(t, v);
  const evidence = lines.length ? html`<ul>${lines.map((e) => html`<li>${breakable(e)}</li>`)}</ul>` : html`<p>${t('target.noEvidence')}</p>`;
  const web = r.target.kind === 'web' ? (r.measurement as WebMeasurement) : null;
  const method = v.method ? html`<span class="method">${methodWord(t, v.method)}</span>` : '';
  const summary = html`<span class="badge ${cls(v.status)}">${SYMBOL[v.status]} ${statusWord(t, v.status)}</span>\
<span class="label">${breakable(labelOf(t, r))}</span>${method}<span class="reason">${breakable(textOf(t.lang, v.reasonMessage, v.reason))}</span>`;
  return html`<details class="target" id="${anchor}"><summary>${summary}</summary><div>
<p class="meta">${aboutLine(t, r)}</p>
${r.measurement.deadlineExceeded ? html`<p>${t('target.deadline')}</p>` : ''}
<h4>${t('target.evidence')}</h4>${evidence}
${web ? compareTable(t, web) : ''}${checksHtml(t, r)}${chainsHtml(t, r)}${web ? sniHtml(t, web) : ''}${opts.includeBodies ? bodiesHtml(t, r) : ''}
</div></details>`;
}
