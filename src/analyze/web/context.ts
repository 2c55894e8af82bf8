import { isIP } from 'node:net';
import type { HelperResponse } from '../../model/control.ts';
import { isCertificateFailure, NO_IPV6_ROUTE } from '../../model/failure.ts';
import type { WebMeasurement } from '../../model/measurement.ts';
import type { HttpObservation, TcpConnectObservation, TlsHandshakeObservation } from '../../model/observation.ts';
import type { BlockingMethod, BlockpageMatch, ControlInterception, HttpComparison, InterceptionMatch, TargetControl, Verdict, VerdictStatus } from '../../model/verdict.ts';
import { joinHostPort } from '../../net/endpoint.ts';
import { msg, render } from '../../i18n/index.ts';
import type { Message, MessageParam } from '../../model/message.ts';
import { matchBlockpage } from '../blockpage.ts';
import { controlInterceptionMessage, runControl, targetControl, targetMisbehaving } from '../control.ts';
import { analyzeDns, type DnsAnalysis } from '../dns.ts';
import type { AnalysisKnowledge } from '../knowledge.ts';

export type { AnalysisKnowledge };

/** The step at which this network's attempt failed first. */
export type FailedStep = 'tcp' | 'tls' | 'http';

/** Everything a rule reads: the measurement, and what is derived from it once. Rules only write `notes`. */
export interface WebContext {
  m: WebMeasurement;
  knowledge: AnalysisKnowledge;
  dns: DnsAnalysis;
  /** The control helper's answer; null without a helper or when it failed. */
  helper: HelperResponse | null;
  /** The last HTTP hop. */
  final: HttpObservation | undefined;
  blockpage: BlockpageMatch | null;
  /** What this target's own control lookups saw (analyze/control.ts decides it; the target's facts carry it). */
  control: TargetControl;
  /** The control resolver's own TLS intercepted (this target's control lookups, else the run's control check). */
  controlIntercepted: ControlInterception | null;
  /** A control answered (or none was needed): its absence makes every later step undecidable. */
  controlAvailable: boolean;
  /** TCP attempts to the site's addresses on the target's port (IPv6 "no route" dropped). */
  tcp: TcpConnectObservation[];
  /** Handshakes to the site's addresses with the target's SNI (none for an address URL). */
  tls: TlsHandshakeObservation[];
  /** Whether an SNI was sent at all (not for an IP-literal URL). */
  sniSent: boolean;
  failedStep: FailedStep | null;
  /** The evidence lines as messages (the verdict carries them and their English). */
  evidence: Message[];
  notes: { httpComparison: HttpComparison | null; untrustedIssuer: string | null; interceptionCa: InterceptionMatch | null; sniProof: Verdict['sniProof'] };
  /** The verdict, its reason a catalogue message (`reason` is its English, `reasonMessage` the message). */
  verdict: (status: VerdictStatus, method: BlockingMethod | null, reason: Message) => Verdict;
}

/** One step of the web verdict: it decides (a verdict) or passes (null) to the next rule. */
export interface WebRule {
  id: string;
  /** When the rule decides, and what it decides, in words (docs and tests print it). */
  description: string;
  apply: (ctx: WebContext) => Verdict | null;
}

/** A handshake that got as far as a certificate: the server answered, whatever the name check says. */
export const completed = (t: TlsHandshakeObservation): boolean => t.failure === null || isCertificateFailure(t.failure);

/** The first plain-HTTP hop that matches a known block page. */
function blockpageOf(m: WebMeasurement): BlockpageMatch | null {
  let blockpage: BlockpageMatch | null = null;
  for (const hop of m.http.filter((h) => h.failure === null && h.status !== null && h.tls === null)) blockpage ??= matchBlockpage(hop.status ?? 0, hop.headers, hop.body);
  return blockpage;
}

/** TCP attempts and handshakes to the site's own addresses on the target's port (IPv6 "no route" dropped). */
function siteAttempts(m: WebMeasurement, dns: DnsAnalysis): Pick<WebContext, 'tcp' | 'tls'> {
  const literal = isIP(m.hostname) !== 0;
  // Addresses that belong to the site: the control's, plus ours when DNS was consistent.
  const siteIps = new Set(dns.consistency === 'consistent' ? [...dns.localAddresses, ...dns.controlAddresses] : dns.controlAddresses.length ? dns.controlAddresses : dns.localAddresses);
  const relevant = <T extends { ip: string; failure: string | null }>(xs: readonly T[]): T[] => xs.filter((x) => siteIps.has(x.ip) && !(isIP(x.ip) === 6 && x.failure !== null && NO_IPV6_ROUTE.has(x.failure)));
  const tcp = relevant(m.tcp).filter((t) => t.port === m.port);
  const tls = m.target.url.startsWith('https:') ? relevant(m.tls).filter((t) => t.port === m.port && t.serverName === (literal ? null : m.hostname)) : [];
  return { tcp, tls };
}

function failedStepOf({ tcp, tls, final }: Pick<WebContext, 'tcp' | 'tls' | 'final'>): FailedStep | null {
  if (tcp.length > 0 && tcp.every((t) => t.failure !== null)) return 'tcp';
  if (tls.length > 0 && tls.every((t) => t.failure !== null)) return 'tls';
  if (final && final.failure !== null) return 'http';
  return null;
}

/** The evidence lines every verdict carries, in order: DNS, control, helper, block page, fetch, connections, SNI probes. */
function evidenceOf(ctx: Pick<WebContext, 'm' | 'dns' | 'helper' | 'blockpage' | 'controlIntercepted' | 'tcp' | 'tls'>): Message[] {
  const { m, blockpage, controlIntercepted } = ctx;
  const evidence = [dnsEvidence(m, ctx.dns)];
  if (controlIntercepted) evidence.push(msg('web.ev.control-intercepted', { resolver: controlIntercepted.resolver, how: controlInterceptionMessage(controlIntercepted) }));
  if (m.helper && m.helper.failure) evidence.push(msg('web.ev.helper-failed', { url: m.helper.url, failure: m.helper.failure, attempts: attemptsText(m) }));
  if (ctx.helper) evidence.push(helperEvidence(ctx.helper));
  if (blockpage) evidence.push(msg(blockpage.generic ? 'web.ev.blockpage.generic' : 'web.ev.blockpage', { fingerprint: blockpage.fingerprint, source: msg(`web.blockpage-source.${blockpage.source}`) }));
  for (const h of m.http) evidence.push(h.failure ? msg('web.ev.get-failed', { url: h.url, ip: h.ip, failure: h.failure, operation: h.failedOperation ? msg(`web.operation.${h.failedOperation}`) : 'null' }) : describeResponse(h));
  for (const t of ctx.tcp) evidence.push(tcpEvidence(t, ctx.helper?.tcp_connect[joinHostPort(t.ip, t.port)]));
  for (const t of ctx.tls) evidence.push(tlsEvidence(t));
  for (const p of m.sniProbes) {
    const sni = p.handshake.serverName ?? msg('web.ev.no-sni');
    const result = completed(p.handshake) ? msg('web.ev.handshake-completed') : (p.handshake.failure ?? 'null');
    evidence.push(msg('web.ev.sni-probe', { kind: p.kind, sni, endpoint: joinHostPort(p.handshake.ip, p.handshake.port), result }));
  }
  return evidence;
}

/** What every web rule reads, derived once from the measurement and the run's knowledge. */
export function buildWebContext(m: WebMeasurement, knowledge: AnalysisKnowledge): WebContext {
  const dns = analyzeDns(m);
  const helper = m.helper?.response ?? null;
  const final = m.http[m.http.length - 1];
  const blockpage = blockpageOf(m);
  const control = targetControl(m, knowledge.interceptionCas);
  const controlIntercepted = control.interception ?? runControl(knowledge.controlCheck, knowledge.interceptionCas).interception;
  const literal = isIP(m.hostname) !== 0;
  const { tcp, tls } = siteAttempts(m, dns);
  const evidence = evidenceOf({ m, dns, helper, blockpage, controlIntercepted, tcp, tls });
  const ctx: WebContext = {
    m,
    knowledge,
    dns,
    helper,
    final,
    blockpage,
    control,
    controlIntercepted,
    controlAvailable: dns.controlAnswered || literal || helper !== null,
    tcp,
    tls,
    sniSent: !literal,
    failedStep: failedStepOf({ tcp, tls, final }),
    evidence,
    notes: { httpComparison: null, untrustedIssuer: null, interceptionCa: null, sniProof: null },
    verdict: (status, method, reason) => ({
      status,
      method,
      reason: render('en', reason),
      reasonMessage: reason,
      evidence: evidence.map((e) => render('en', e)),
      evidenceMessages: [...evidence],
      dnsConsistency: dns.consistency,
      blockpage,
      httpComparison: ctx.notes.httpComparison,
      untrustedIssuer: ctx.notes.untrustedIssuer,
      interceptionCa: ctx.notes.interceptionCa,
      sniProof: ctx.notes.sniProof,
    }),
  };
  return ctx;
}

/** " (3 helpers tried: a: x; b: y)" after a helper's failure when more than one was tried, else nothing. */
function attemptsText(m: WebMeasurement): MessageParam {
  const attempts = m.helper?.attempts ?? [];
  return attempts.length > 1 ? msg('web.attempts', { count: attempts.length, tries: attempts.map((a) => `${a.url}: ${a.failure ?? 'ok'}`).join('; ') }) : '';
}

/** A failure string, or the words for none. */
export const failureOrNoAnswer = (failure: string | null | undefined): MessageParam => failure ?? msg('web.no-answer');

/**
 * Why the control could not decide, ending "tekser cannot tell <question>": an intercepted control,
 * a control helper that failed (and why), or none given. Every undecided verdict says which.
 * The question is a `web.question.*` message.
 */
export function undecided(ctx: WebContext, question: Message): Message {
  if (ctx.controlIntercepted) return msg('web.undecided.intercepted', { how: controlInterceptionMessage(ctx.controlIntercepted), question });
  const misbehaving = ctx.control.misbehaving ? targetMisbehaving(ctx.m, ctx.control.failed) : null;
  if (misbehaving) return msg('web.undecided.misbehaving', { why: misbehaving, question });
  const h = ctx.m.helper;
  if (h && !h.response) return msg('web.undecided.helper-failed', { url: h.url, failure: failureOrNoAnswer(h.failure), attempts: attemptsText(ctx.m), question });
  if (!h) return msg('web.undecided.no-helper', { question });
  const said = ctx.helper ? helperFailures(ctx, ctx.helper) : [];
  if (said.length) return msg('web.undecided.helper-also', { said: said.join('; '), question });
  return msg('web.undecided.helper-silent', { question });
}

/**
 * What the helper said went wrong (a refusal to dial included): at the addresses this network tried
 * first, else at any address it was given, else its DNS and fetch.
 */
function helperFailures(ctx: Pick<WebContext, 'tcp' | 'tls'>, h: HelperResponse): string[] {
  const failed = (answers: Record<string, { failure: string | null }>, only?: ReadonlySet<string>): string[] =>
    Object.entries(answers).flatMap(([ep, r]) => (r.failure && (!only || only.has(ep)) ? [`${ep}: ${r.failure}`] : []));
  const tried = new Set([...ctx.tcp, ...ctx.tls].map((t) => joinHostPort(t.ip, t.port)));
  const own = [...failed(h.tcp_connect, tried), ...failed(h.tls_handshake, tried)];
  if (own.length) return own;
  const any = [...failed(h.tcp_connect), ...failed(h.tls_handshake)];
  if (any.length) return any;
  return [h.dns.failure ? `DNS: ${h.dns.failure}` : null, h.http_request.failure ? `HTTP: ${h.http_request.failure}` : null].filter((x): x is string => x !== null);
}

/** Parts joined by ", " (the same in every language): a list whose items are messages. */
export function commaList(parts: readonly MessageParam[], empty: Message): MessageParam {
  if (parts.length === 0) return empty;
  const [head, ...rest] = parts;
  return rest.length === 0 ? (head ?? empty) : msg('web.list.comma', { head: head ?? '', tail: commaList(rest, empty) });
}

/** What the control helper saw, step by step, in one line: the report's helper column, for the table's -v. */
function helperEvidence(h: HelperResponse): Message {
  const each = (answers: Record<string, { failure: string | null }>, ok: string): MessageParam =>
    commaList(Object.entries(answers).map(([ep, r]) => (r.failure ? `${ep} ${r.failure}` : msg(ok, { endpoint: ep }))), msg('web.ev.none'));
  const r = h.http_request;
  const http = r.failure ?? msg(r.title ? 'web.ev.http-result.title' : 'web.ev.http-result', { status: r.status_code, title: r.title ?? '', count: r.body_length });
  const dns = h.dns.failure ?? (h.dns.addrs.join(' ') || msg('web.ev.no-address'));
  return msg('web.ev.helper', { dns, tcp: each(h.tcp_connect, 'web.ev.endpoint-connected'), tls: each(h.tls_handshake, 'web.ev.endpoint-ok'), http });
}

function dnsEvidence(m: WebMeasurement, dns: DnsAnalysis): Message {
  if (isIP(m.hostname)) return msg('web.ev.dns.literal', { host: m.hostname });
  const local = dns.localAddresses.length ? dns.localAddresses.join(' ') : failureOrNoAnswer(dns.localFailure);
  const control = dns.controlAnswered ? dns.controlAddresses.join(' ') || msg('web.ev.no-such-name') : failureOrNoAnswer(dns.controlFailure);
  const params = { host: m.hostname, resolver: m.localResolver, local, control, consistency: msg(`web.consistency.${dns.consistency}`) };
  return dns.consistency === 'consistent' && dns.explanationMessage ? msg('web.ev.dns.why', { ...params, why: dns.explanationMessage }) : msg('web.ev.dns', params);
}

function describeResponse(h: HttpObservation): Message {
  const size = msg(h.bodyTruncated ? 'web.ev.bytes.truncated' : 'web.ev.bytes', { count: h.bodyLength });
  return msg('web.ev.get', { url: h.url, status: String(h.status), title: h.title ? ` "${h.title}"` : '', size, ip: h.ip });
}

function tcpEvidence(t: TcpConnectObservation, helper: { status: boolean; failure: string | null } | undefined): Message {
  const here = t.failure ?? msg('web.ev.connected-in', { ms: Math.round((t.t - t.t0) * 1000) });
  const there = helper ? msg('web.ev.tcp-helper', { result: helper.status ? msg('web.ev.connected') : (helper.failure ?? 'null') }) : '';
  return msg('web.ev.tcp', { endpoint: joinHostPort(t.ip, t.port), here, there });
}

function tlsEvidence(t: TlsHandshakeObservation): Message {
  const leaf = t.peerCertificates[0];
  return msg('web.ev.tls', {
    endpoint: joinHostPort(t.ip, t.port),
    sni: t.serverName ?? msg('web.ev.sni-none'),
    result: t.failure ?? `${t.tlsVersion} ok`,
    chain: leaf ? msg('web.ev.leaf', { subject: leaf.subject, issuer: leaf.issuer }) : '',
    codes: `${t.chainError ? ` (${t.chainError})` : ''}${t.certFailure ? ` [${t.certFailure}]` : ''}`,
  });
}
