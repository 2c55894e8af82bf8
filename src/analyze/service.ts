import type { Service, ServiceCheck, Step } from '../model/service-list.ts';
import { prefixMatcher } from '../lists/endpoints.ts';
import { FAILURES, isCertificateFailure } from '../model/failure.ts';
import type { DnsObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import type { EndpointAttempt, ServiceMeasurement } from '../model/measurement.ts';
import { isBogon } from '../net/addresses.ts';
import type { BlockingMethod, CheckVerdict, EndpointVerdict, InterceptionCa, InterceptionMatch, Verdict, VerdictFacts, VerdictStatus } from '../model/verdict.ts';
import type { CertificateInfo } from '../model/observation.ts';
import { BUILTIN_INTERCEPTION_CAS } from '../data/interception-cas.ts';
import { probeFailure } from '../data/probe-failures.ts';
import { certFailureOf, isInterceptionEvidence } from './certificate.ts';
import { runControl } from './control.ts';
import { serviceFacts } from './facts.ts';
import { matchInterceptionCa } from './interception.ts';
import { msg } from '../i18n/index.ts';
import type { ControlInterception } from '../model/verdict.ts';
import type { Message, MessageParam } from '../model/message.ts';
import { joined, ownWords, said, type Said } from './ways/words.ts';

interface AttemptOutcome {
  status: EndpointVerdict['status'];
  step: Step | null;
  failure: string | null;
  certificate: boolean;
  port: number | null;
  /** A known interception CA in the chain this attempt was shown. */
  interception: InterceptionMatch | null;
  /** Top issuer of an untrusted chain. */
  issuer: string | null;
  /** The failure in words, when it is a sentence rather than a failure string (the service as its own control). */
  failureMessage?: Message;
}

const addrs = (obs: readonly DnsObservation[]): string[] => [...new Set(obs.flatMap((o) => o.answers.filter((a) => a.type !== 'CNAME').map((a) => a.value)))];
const dnsFailure = (obs: readonly DnsObservation[]): string | null => obs.find((o) => o.queryType !== 'AAAA' && o.failure)?.failure ?? obs[0]?.failure ?? FAILURES.noAnswer;

const matchers = new WeakMap<readonly string[], (ip: string) => boolean>();
/** Built once per list of prefixes, not once per attempt. */
function matcherFor(prefixes: readonly string[]): (ip: string) => boolean {
  let m = matchers.get(prefixes);
  if (!m) {
    m = prefixMatcher(prefixes);
    matchers.set(prefixes, m);
  }
  return m;
}

/** One attempt's outcome: the first step that failed, if any, and whether that is blocking. */
export function attemptOutcome(a: EndpointAttempt, check: ServiceCheck, interceptionCas: readonly InterceptionCa[] = BUILTIN_INTERCEPTION_CAS, resolved: ReadonlyMap<string, string[]> = new Map()): AttemptOutcome {
  const out = (status: AttemptOutcome['status'], step: Step | null, failure: string | null, certificate = false, interception: InterceptionMatch | null = null, issuer: string | null = null): AttemptOutcome => {
    // A failure at a step the list does not count as blocking leaves the endpoint undecided (a named interception CA always counts).
    // The probe's own failure (src/data/probe-failures.json) is never blocking either.
    const counted = status === 'blocked' && ((step && !check.blocking_steps.includes(step) && !interception) || probeFailure(failure)) ? 'inconclusive' : status;
    return { status: counted, step, failure, certificate, port: a.port, interception, issuer };
  };
  if (a.dns) {
    const local = addrs(a.dns.local);
    const control = addrs(a.dns.control);
    const controlDefinite = a.dns.control.some(isDefiniteAnswer);
    const designed = check.designed_answers?.[a.host];
    if (designed && local.length > 0 && local.every((ip) => designed.includes(ip))) return out('ok', null, null);
    if (local.length === 0) {
      if (controlDefinite && control.length === 0) return out('down', 'dns', dnsFailure(a.dns.local));
      if (controlDefinite) return out('blocked', 'dns', dnsFailure(a.dns.local));
      const [s, step, failure, words] = ownControl(a.host, a.dns.local, resolved);
      return { ...out(s, step, failure), ...(words ? { failureMessage: words } : {}) };
    }
    if (check.expect_prefixes?.length) {
      const inNetwork = matcherFor(check.expect_prefixes);
      const outside = local.filter((ip) => !inNetwork(ip));
      if (outside.length) return out('blocked', 'dns', `dns_answer_outside_expected_network: ${outside.join(' ')}`);
    }
    if (local.every(isBogon) && !local.some((ip) => control.includes(ip))) return out('blocked', 'dns', `dns_bogon_error: ${local.join(' ')}`);
    if (check.protocol === 'dns') return out('ok', null, null);
  }
  if (a.tcp.length && a.tcp.every((t) => t.failure !== null)) return out('blocked', 'tcp', a.tcp[0]?.failure ?? null);
  /**
   * A chain holding a known interception CA (interceptionCas) is interception (blocked, mitm, named), pinned or
   * not. Otherwise, with pinned roots, a chain that does not validate may be an outdated pin as much as
   * interception (inconclusive); without, only an untrusted root is evidence (as for web targets).
   */
  const certOutcome = (failure: string, chain: readonly CertificateInfo[], cls: ReturnType<typeof certFailureOf>): AttemptOutcome => {
    const match = chain.length ? matchInterceptionCa(chain, interceptionCas) : null;
    const issuer = chain.at(-1)?.issuer ?? null;
    if (match) return out('blocked', 'tls', failure, true, match, issuer);
    if (check.pinned_cas?.length || !isInterceptionEvidence(cls)) return out('inconclusive', 'tls', failure, true, null, issuer);
    return out('blocked', 'tls', failure, true, null, issuer);
  };
  if (a.tls.length && a.tls.every((t) => t.failure !== null)) {
    const t = a.tls.find((x) => isCertificateFailure(x.failure)) ?? a.tls[0];
    const f = t?.failure ?? null;
    return t && f && isCertificateFailure(f) ? certOutcome(f, t.peerCertificates, certFailureOf(t)) : out('blocked', 'tls', f);
  }
  if (a.http) {
    const h = a.http;
    if (h.failure) {
      if (h.failedOperation === 'tls_handshake' && isCertificateFailure(h.failure)) {
        return certOutcome(h.failure, h.tls?.peerCertificates ?? [], h.tls ? certFailureOf({ ...h.tls, failure: h.tls.failure ?? h.failure }) : certFailureOf({ failure: h.failure, chainError: null, hostnameMatches: null, chainTrusted: null }));
      }
      const step: Step = h.failedOperation === 'connect' ? 'tcp' : h.failedOperation === 'tls_handshake' ? 'tls' : 'http';
      return out('blocked', step, h.failure);
    }
    if (check.http_status === 'must_be_2xx' && (h.status === null || h.status < 200 || h.status > 299)) return out('blocked', 'http', `http_unexpected_status_code: ${h.status}`);
  }
  return out('ok', null, null);
}

function endpointVerdict(label: string, outcomes: AttemptOutcome[], check: ServiceCheck): EndpointVerdict {
  const blocked = outcomes.filter((o) => o.status === 'blocked');
  const failedPorts = outcomes.filter((o) => o.status !== 'ok' && o.port !== null).map((o) => o.port as number);
  const first = blocked[0] ?? outcomes.find((o) => o.status !== 'ok');
  const isBlocked = check.endpoint_blocked_when === 'all_ports_fail' ? blocked.length === outcomes.length && outcomes.length > 0 : blocked.length > 0;
  let status: EndpointVerdict['status'];
  if (isBlocked) status = 'blocked';
  else if (outcomes.some((o) => o.status === 'ok')) status = 'ok';
  else if (outcomes.every((o) => o.status === 'down')) status = 'down';
  else status = 'inconclusive';
  return { endpoint: label, status, step: status === 'ok' ? null : (first?.step ?? null), failure: first?.failure ?? null, failedPorts: status === 'ok' ? failedPorts : [] };
}

function methodOf(steps: Array<{ step: Step | null; certificate: boolean }>): BlockingMethod | null {
  const kinds = new Set(steps.map((s) => (s.certificate ? 'mitm' : s.step)));
  if (kinds.size !== 1) return null;
  const [k] = [...kinds];
  return k === 'dns' ? 'dns' : k === 'tcp' ? 'tcp_ip' : k === 'tls' ? 'tls' : k === 'mitm' ? 'mitm' : k === 'http' ? 'http-failure' : null;
}

/**
 * A service list is a control for its own hosts: a definite "no such name" or empty answer for a host
 * the list says exists, while the same resolver resolved the service's other hosts, is DNS blocking.
 */
function ownControl(host: string, local: readonly DnsObservation[], resolved: ReadonlyMap<string, string[]>): ['blocked' | 'inconclusive', 'dns', string | null, Message | null] {
  const failure = dnsFailure(local);
  // Only a failure the lookup recorded: an absent lookup or answer is not "no such name".
  const definite = local.some((o) => o.failure === failure) && (failure === FAILURES.nxdomain || failure === FAILURES.noAnswer);
  const others = [...resolved].filter(([h, ips]) => h !== host && ips.length > 0);
  if (!definite || others.length === 0) return ['inconclusive', 'dns', failure, null];
  const [h, ips] = others[0] ?? ['', []];
  const words = said(msg('service.failure.own-control', { failure: String(failure), host, other: h, ips: ips.join(' ') }));
  return ['blocked', 'dns', words.text, words.message];
}

/** Every host of the service the resolver under test gave addresses for. */
export function resolvedHosts(m: ServiceMeasurement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of m.checks) for (const a of c.attempts) if (a.dns && addrs(a.dns.local).length) out.set(a.host, addrs(a.dns.local));
  return out;
}

function checkVerdict(check: ServiceCheck, attempts: EndpointAttempt[], interceptionCas: readonly InterceptionCa[], resolved: ReadonlyMap<string, string[]> = new Map()): CheckVerdict & { blockedOutcomes: AttemptOutcome[]; outcomes: AttemptOutcome[] } {
  const byLabel = new Map<string, AttemptOutcome[]>();
  for (const a of attempts) {
    const list = byLabel.get(a.label) ?? [];
    list.push(attemptOutcome(a, check, interceptionCas, resolved));
    byLabel.set(a.label, list);
  }
  const endpoints = [...byLabel].map(([label, outs]) => endpointVerdict(label, outs, check));
  const outcomes = [...byLabel.values()].flat();
  const blockedOutcomes = outcomes.filter((o) => o.status === 'blocked');
  const live = endpoints.filter((e) => e.status !== 'down');
  const blocked = live.filter((e) => e.status === 'blocked').length;
  const ok = live.filter((e) => e.status === 'ok').length;
  let status: VerdictStatus;
  if (live.length === 0) status = 'down';
  else if (check.blocked_when === 'any_endpoint_blocked') status = blocked > 0 ? 'blocked' : ok === live.length ? 'accessible' : 'inconclusive';
  else status = blocked === live.length ? 'blocked' : blocked > 0 ? 'partially blocked' : ok > 0 ? 'accessible' : 'inconclusive';
  return { id: check.id, title: check.title, status, method: blocked ? methodOf(blockedOutcomes) : null, endpoints, blockedOutcomes, outcomes };
}

/** How the service's own words are said: its name, its checks' titles and ids (the catalogue's for the shipped lists), failures that are sentences. */
interface Wording {
  service: Service;
  failures: ReadonlyMap<string, Message>;
}

const serviceName = (w: Wording): MessageParam => ownWords(`service.name.${w.service.id}`, w.service.name);
const checkTitle = (w: Wording, c: CheckVerdict): MessageParam => ownWords(`service.title.${w.service.id}.${c.id}`, c.title);
const checkName = (w: Wording, c: CheckVerdict): MessageParam => ownWords(`service.id.${w.service.id}.${c.id}`, c.id);
const failureWords = (w: Wording, f: string | null): MessageParam => (f === null ? '' : (w.failures.get(f) ?? f));

function describeCheck(c: CheckVerdict, w: Wording): Message {
  const blocked = c.endpoints.filter((e) => e.status === 'blocked');
  const failures = joined('comma', [...new Set(blocked.map((e) => e.failure))].map((f) => failureWords(w, f)));
  const title = checkTitle(w, c);
  switch (c.status) {
    case 'accessible': {
      const ports = [...new Set(c.endpoints.flatMap((e) => e.failedPorts))];
      return ports.length ? msg('service.check.reachable-other-port', { title, ports: ports.join(', ') }) : msg('service.check.reachable', { title });
    }
    case 'blocked':
      return c.method ? msg('service.check.blocked-how', { title, method: msg(`service.method.${c.method}`), failures }) : msg('service.check.blocked', { title, failures });
    case 'partially blocked':
      return msg('service.check.partial', { title, blocked: blocked.length, total: c.endpoints.length, failures });
    case 'down':
      return msg('service.check.down', { title });
    default: {
      const why = c.endpoints.find((e) => e.status === 'inconclusive');
      return why?.failure ? msg('service.check.undecided-why', { title, failure: failureWords(w, why.failure) }) : msg('service.check.undecided', { title });
    }
  }
}

const describeChecks = (checks: readonly CheckVerdict[], w: Wording): MessageParam => joined('semicolon', checks.map((c) => describeCheck(c, w)));

/** "endpoints e1.whatsapp.net: blocked (tcp: generic_timeout_error) [failed ports 443, 5222]": one line of evidence per endpoint. */
function evidenceLine(c: CheckVerdict, e: EndpointVerdict, w: Wording, withPorts: boolean): Said {
  const ports = withPorts && e.failedPorts.length > 0;
  const params: Record<string, MessageParam> = { check: checkName(w, c), endpoint: e.endpoint, status: msg(`service.endpoint.${e.status}`) };
  if (e.failure) params.failure = failureWords(w, e.failure);
  // A reachable endpoint keeps the failure of its port that failed, with no step (said "null" in English, as always).
  if (e.failure && e.step !== null) params.step = e.step;
  if (ports) params.ports = e.failedPorts.join(', ');
  const what = e.failure ? (e.step === null ? 'failure-no-step' : 'failure') : null;
  const key = what ? `service.evidence.${what}${ports ? '-ports' : ''}` : ports ? 'service.evidence.ports' : 'service.evidence.plain';
  return said(msg(key, params));
}

const evidenceOf = (checks: readonly CheckVerdict[], w: Wording, withPorts: boolean): Said[] => checks.flatMap((c) => c.endpoints.map((e) => evidenceLine(c, e, w, withPorts)));

/** A check as reported when the network itself is down: nothing in it is more blocked than its service. */
function undecidedCheck(c: CheckVerdict): CheckVerdict {
  if (c.status !== 'blocked' && c.status !== 'partially blocked') return c;
  return { ...c, status: 'inconclusive', method: null, endpoints: c.endpoints.map((e) => (e.status === 'blocked' ? { ...e, status: 'inconclusive' } : e)) };
}

/** How the control resolver's own connection was intercepted, as far as its chain tells (as describeControlInterception says it). */
function controlInterceptionWords(c: ControlInterception): Message {
  if (c.match) return msg('service.control.by-ca', { ca: c.match.ca, country: c.match.country });
  if (c.issuer) return msg('service.control.by-issuer', { issuer: c.issuer });
  return c.failure ? msg('service.control.no-chain', { failure: c.failure }) : msg('service.control.untrusted-no-chain');
}

/** The whole service's status from its checks' statuses. */
function serviceStatus(statuses: readonly VerdictStatus[]): VerdictStatus {
  if (statuses.every((s) => s === 'blocked')) return 'blocked';
  if (statuses.some((s) => s === 'blocked' || s === 'partially blocked')) return 'partially blocked';
  if (statuses.every((s) => s === 'accessible' || s === 'down') && statuses.includes('accessible')) return 'accessible';
  if (statuses.every((s) => s === 'down')) return 'down';
  return 'inconclusive';
}

/** The verdict when the control resolver failed too: every check undecided, and why (unreachable, or intercepted itself). */
function controlFailedReason(checks: readonly CheckVerdict[], w: Wording, controlCheck: readonly DnsObservation[], interceptionCas: readonly InterceptionCa[]): { reason: Message; shown: CheckVerdict[]; evidence: Said[] } {
  const shown = checks.map(undecidedCheck);
  const intercepted = runControl(controlCheck, interceptionCas).interception;
  const params = { service: serviceName(w), checks: describeChecks(shown, w) };
  const reason = intercepted ? msg('service.reason.control-intercepted', { ...params, how: controlInterceptionWords(intercepted) }) : msg('service.reason.control-unreachable', params);
  return { reason, shown, evidence: evidenceOf(shown, w, false) };
}

/**
 * Pure: a service measurement to a verdict, check by check, with the YAML's rules. `interceptionCas`: the known
 * interception CAs (built in, plus the user's --interception-cas files).
 */
export function analyzeService(
  m: ServiceMeasurement,
  service: Service = m.target.service,
  interceptionCas: readonly InterceptionCa[] = BUILTIN_INTERCEPTION_CAS,
  /** The run's control check: an intercepted control makes "unreachable" the wrong word. */
  controlCheck: readonly DnsObservation[] = [],
): Verdict {
  const resolved = resolvedHosts(m);
  const checks = service.checks.map((check) => checkVerdict(check, m.checks.find((c) => c.checkId === check.id)?.attempts ?? [], interceptionCas, resolved));
  const status = serviceStatus(checks.map((c) => c.status));
  const blockedChecks = checks.filter((c) => c.status === 'blocked' || c.status === 'partially blocked');
  const w: Wording = { service, failures: new Map(checks.flatMap((c) => c.outcomes).flatMap((o) => (o.failure && o.failureMessage ? [[o.failure, o.failureMessage] as const] : []))) };
  const method = blockedChecks.length ? methodOf(blockedChecks.flatMap((c) => c.blockedOutcomes)) : null;
  const publicChecks: CheckVerdict[] = checks.map(({ blockedOutcomes: _omit, outcomes: _all, ...rest }) => rest);
  const intercepted = checks.flatMap((c) => c.blockedOutcomes).find((o) => o.interception !== null) ?? null;
  const untrusted = checks.flatMap((c) => c.blockedOutcomes).find((o) => o.certificate && o.issuer !== null) ?? null;
  const verdict = (s: VerdictStatus, reason: Message, meth: BlockingMethod | null, shown: CheckVerdict[] = publicChecks, evidence: Said[] = evidenceOf(publicChecks, w, true)): Verdict => ({
    status: s,
    method: meth,
    reason: said(reason).text,
    reasonMessage: reason,
    evidence: evidence.map((e) => e.text),
    evidenceMessages: evidence.map((e) => e.message),
    dnsConsistency: null,
    blockpage: null,
    httpComparison: null,
    untrustedIssuer: meth === 'mitm' ? (intercepted?.issuer ?? untrusted?.issuer ?? null) : null,
    interceptionCa: meth === 'mitm' ? (intercepted?.interception ?? null) : null,
    sniProof: null,
    checks: shown,
  });
  // Interception by a known CA is evidence whatever the control did (the control is likely intercepted too).
  if (intercepted?.interception) {
    const ca = intercepted.interception;
    const reason = msg('service.reason.intercepted', { service: serviceName(w), ca: ca.ca, country: ca.country, checks: describeChecks(publicChecks, w) });
    return verdict(status === 'blocked' ? 'blocked' : 'partially blocked', reason, 'mitm');
  }
  if (m.controlAnswered === false && status !== 'accessible') {
    // A check is no more blocked than its service when the control says the network is down.
    const failed = controlFailedReason(publicChecks, w, controlCheck, interceptionCas);
    return verdict('inconclusive', failed.reason, null, failed.shown, failed.evidence);
  }
  if (m.deadlineExceeded && status !== 'blocked') return verdict('inconclusive', msg('service.reason.out-of-time', { service: serviceName(w) }), null);
  return verdict(status, msg('service.reason', { service: serviceName(w), checks: describeChecks(checks, w) }), method);
}

/** Pure: the service's verdict and the facts decided beside it (what the run-level findings read). */
export function analyzeServiceTarget(
  m: ServiceMeasurement,
  interceptionCas: readonly InterceptionCa[] = BUILTIN_INTERCEPTION_CAS,
  controlCheck: readonly DnsObservation[] = [],
): { verdict: Verdict; facts: VerdictFacts } {
  const verdict = analyzeService(m, m.target.service, interceptionCas, controlCheck);
  return { verdict, facts: serviceFacts(m, verdict) };
}
