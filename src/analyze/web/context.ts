import { isIP } from 'node:net';
import type { HelperResponse } from '../../model/control.ts';
import { isCertificateFailure, NO_IPV6_ROUTE } from '../../model/failure.ts';
import type { WebMeasurement } from '../../model/measurement.ts';
import type { HttpObservation, TcpConnectObservation, TlsHandshakeObservation } from '../../model/observation.ts';
import type { BlockingMethod, BlockpageMatch, ControlInterception, HttpComparison, InterceptionMatch, TargetControl, Verdict, VerdictStatus } from '../../model/verdict.ts';
import { joinHostPort } from '../../net/endpoint.ts';
import { matchBlockpage } from '../blockpage.ts';
import { describeControlInterception, runControl, targetControl } from '../control.ts';
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
  evidence: string[];
  notes: { httpComparison: HttpComparison | null; untrustedIssuer: string | null; interceptionCa: InterceptionMatch | null; sniProof: Verdict['sniProof'] };
  verdict: (status: VerdictStatus, method: BlockingMethod | null, reason: string) => Verdict;
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
function evidenceOf(ctx: Pick<WebContext, 'm' | 'dns' | 'helper' | 'blockpage' | 'controlIntercepted' | 'tcp' | 'tls'>): string[] {
  const { m, blockpage, controlIntercepted } = ctx;
  const evidence = [dnsEvidence(m, ctx.dns)];
  if (controlIntercepted) evidence.push(`control resolver ${controlIntercepted.resolver}: TLS intercepted ${describeControlInterception(controlIntercepted)}`);
  if (m.helper && m.helper.failure) evidence.push(`control helper ${m.helper.url}: ${m.helper.failure}${attemptsText(m)}`);
  if (ctx.helper) evidence.push(helperEvidence(ctx.helper));
  if (blockpage) evidence.push(`block page: matches fingerprint ${blockpage.fingerprint} (${blockpage.source}${blockpage.generic ? ', generic wording' : ''})`);
  for (const h of m.http) evidence.push(h.failure ? `GET ${h.url} via ${h.ip}: ${h.failure} at ${h.failedOperation}` : `GET ${describeResponse(h)}`);
  for (const t of ctx.tcp) evidence.push(tcpEvidence(t, ctx.helper?.tcp_connect[joinHostPort(t.ip, t.port)]));
  for (const t of ctx.tls) evidence.push(tlsEvidence(t));
  for (const p of m.sniProbes) evidence.push(`SNI probe ${p.kind} (${p.handshake.serverName ?? 'no SNI'} to ${joinHostPort(p.handshake.ip, p.handshake.port)}): ${completed(p.handshake) ? 'handshake completed' : p.handshake.failure}`);
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
      reason,
      evidence,
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

function attemptsText(m: WebMeasurement): string {
  const n = m.helper?.attempts?.length ?? 0;
  return n > 1 ? ` (${n} helpers tried: ${m.helper?.attempts?.map((a) => `${a.url}: ${a.failure ?? 'ok'}`).join('; ')})` : '';
}

/**
 * Why the control could not decide, ending "tekser cannot tell <question>": an intercepted control,
 * a control helper that failed (and why), or none given. Every undecided verdict says which.
 */
export function undecided(ctx: WebContext, question: string): string {
  if (ctx.controlIntercepted) return `the control resolver's own TLS connection is intercepted ${describeControlInterception(ctx.controlIntercepted)}, so control evidence is untrustworthy and tekser cannot tell ${question}`;
  if (ctx.control.misbehaving) return `the control answered but misbehaves (${ctx.control.misbehaving}), so tekser cannot tell ${question}`;
  const h = ctx.m.helper;
  if (h && !h.response) {
    return `the control helper ${h.url} failed (${h.failure ?? 'no answer'}${attemptsText(ctx.m)}), so nothing outside this network checked this target and tekser cannot tell ${question}`;
  }
  if (!h) return `without a control helper (--control-helper) tekser cannot tell ${question}`;
  const said = ctx.helper ? helperFailures(ctx, ctx.helper) : [];
  if (said.length) return `the control helper did not reach it either (${said.join('; ')}), so tekser cannot tell ${question}`;
  return `the control helper has no answer for this step, so tekser cannot tell ${question}`;
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

/** What the control helper saw, step by step, in one line: the report's helper column, for the table's -v. */
function helperEvidence(h: HelperResponse): string {
  const each = (answers: Record<string, { failure: string | null }>, ok: string): string =>
    Object.entries(answers).map(([ep, r]) => `${ep} ${r.failure ?? ok}`).join(', ') || 'none';
  const r = h.http_request;
  const http = r.failure ?? `${r.status_code}${r.title ? ` "${r.title}"` : ''} (${r.body_length} bytes)`;
  return `control helper: DNS → ${h.dns.failure ?? (h.dns.addrs.join(' ') || 'no address')}; TCP ${each(h.tcp_connect, 'connected')}; TLS ${each(h.tls_handshake, 'ok')}; HTTP → ${http}`;
}

function dnsEvidence(m: WebMeasurement, dns: DnsAnalysis): string {
  if (isIP(m.hostname)) return `DNS: none needed (${m.hostname} is an address)`;
  const local = dns.localAddresses.length ? dns.localAddresses.join(' ') : (dns.localFailure ?? 'no answer');
  const control = dns.controlAnswered ? dns.controlAddresses.join(' ') || 'no such name' : (dns.controlFailure ?? 'no answer');
  const why = dns.consistency === 'consistent' && dns.explanation ? `: ${dns.explanation}` : '';
  return `DNS ${m.hostname}: ${m.localResolver} → ${local}; control → ${control} (${dns.consistency}${why})`;
}

function describeResponse(h: HttpObservation): string {
  return `${h.url} → ${h.status}${h.title ? ` "${h.title}"` : ''} (${h.bodyLength} bytes${h.bodyTruncated ? ', truncated' : ''}) from ${h.ip}`;
}

function tcpEvidence(t: TcpConnectObservation, helper: { status: boolean; failure: string | null } | undefined): string {
  const here = t.failure ?? `connected in ${Math.round((t.t - t.t0) * 1000)} ms`;
  return `TCP ${joinHostPort(t.ip, t.port)}: ${here}${helper ? `; control helper: ${helper.status ? 'connected' : helper.failure}` : ''}`;
}

function tlsEvidence(t: TlsHandshakeObservation): string {
  const leaf = t.peerCertificates[0];
  const chain = leaf ? `; leaf "${leaf.subject}" issued by "${leaf.issuer}"` : '';
  return `TLS ${joinHostPort(t.ip, t.port)} SNI ${t.serverName ?? '(none)'}: ${t.failure ?? `${t.tlsVersion} ok`}${chain}${t.chainError ? ` (${t.chainError})` : ''}${t.certFailure ? ` [${t.certFailure}]` : ''}`;
}
