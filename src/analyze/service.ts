import type { Service, ServiceCheck, Step } from '../model/service-list.ts';
import { prefixMatcher } from '../lists/services.ts';
import { FAILURES, isCertificateFailure } from '../model/failure.ts';
import { isDefiniteAnswer, type DnsObservation } from '../model/observation.ts';
import type { EndpointAttempt, ServiceMeasurement } from '../model/measurement.ts';
import { isBogon } from '../net/addresses.ts';
import type { BlockingMethod, CheckVerdict, EndpointVerdict, Verdict, VerdictStatus } from '../model/verdict.ts';

interface AttemptOutcome {
  status: EndpointVerdict['status'];
  step: Step | null;
  failure: string | null;
  certificate: boolean;
  port: number | null;
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
export function attemptOutcome(a: EndpointAttempt, check: ServiceCheck): AttemptOutcome {
  const out = (status: AttemptOutcome['status'], step: Step | null, failure: string | null, certificate = false): AttemptOutcome => {
    // A failure at a step the list does not count as blocking leaves the endpoint undecided.
    const counted = status === 'blocked' && step && !check.blocking_steps.includes(step) ? 'inconclusive' : status;
    return { status: counted, step, failure, certificate, port: a.port };
  };
  if (a.dns) {
    const local = addrs(a.dns.local);
    const control = addrs(a.dns.control);
    const controlDefinite = a.dns.control.some(isDefiniteAnswer);
    if (local.length === 0) {
      if (controlDefinite && control.length === 0) return out('down', 'dns', dnsFailure(a.dns.local));
      return out(controlDefinite ? 'blocked' : 'inconclusive', 'dns', dnsFailure(a.dns.local));
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
  const certOutcome = (failure: string): AttemptOutcome =>
    // With pinned roots, a chain that does not validate may be an outdated pin as much as interception.
    check.pinned_cas?.length ? out('inconclusive', 'tls', failure, true) : out('blocked', 'tls', failure, true);
  if (a.tls.length && a.tls.every((t) => t.failure !== null)) {
    const f = a.tls[0]?.failure ?? null;
    return f && isCertificateFailure(f) ? certOutcome(f) : out('blocked', 'tls', f);
  }
  if (a.http) {
    const h = a.http;
    if (h.failure) {
      if (h.failedOperation === 'tls_handshake' && isCertificateFailure(h.failure)) return certOutcome(h.failure);
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

function checkVerdict(check: ServiceCheck, attempts: EndpointAttempt[]): CheckVerdict & { blockedOutcomes: AttemptOutcome[] } {
  const byLabel = new Map<string, AttemptOutcome[]>();
  for (const a of attempts) {
    const list = byLabel.get(a.label) ?? [];
    list.push(attemptOutcome(a, check));
    byLabel.set(a.label, list);
  }
  const endpoints = [...byLabel].map(([label, outs]) => endpointVerdict(label, outs, check));
  const blockedOutcomes = [...byLabel.values()].flat().filter((o) => o.status === 'blocked');
  const live = endpoints.filter((e) => e.status !== 'down');
  const blocked = live.filter((e) => e.status === 'blocked').length;
  const ok = live.filter((e) => e.status === 'ok').length;
  let status: VerdictStatus;
  if (live.length === 0) status = 'down';
  else if (check.blocked_when === 'any_endpoint_blocked') status = blocked > 0 ? 'blocked' : ok === live.length ? 'accessible' : 'inconclusive';
  else status = blocked === live.length ? 'blocked' : blocked > 0 ? 'partially blocked' : ok > 0 ? 'accessible' : 'inconclusive';
  return { id: check.id, title: check.title, status, method: blocked ? methodOf(blockedOutcomes) : null, endpoints, blockedOutcomes };
}

function describeCheck(c: CheckVerdict): string {
  const blocked = c.endpoints.filter((e) => e.status === 'blocked');
  const failures = [...new Set(blocked.map((e) => e.failure))].join(', ');
  switch (c.status) {
    case 'accessible': {
      const ports = [...new Set(c.endpoints.flatMap((e) => e.failedPorts))];
      return `${c.title}: reachable${ports.length ? ` (port ${ports.join(', ')} fails, but each server answers on another port)` : ''}`;
    }
    case 'blocked':
      return `${c.title}: blocked${c.method ? ` (${c.method}: ${failures})` : ` (${failures})`}`;
    case 'partially blocked':
      return `${c.title}: ${blocked.length} of ${c.endpoints.length} blocked (${failures})`;
    case 'down':
      return `${c.title}: down for everyone`;
    default: {
      const why = c.endpoints.find((e) => e.status === 'inconclusive');
      return `${c.title}: undecided${why?.failure ? ` (${why.failure})` : ''}`;
    }
  }
}

/** Pure: a service measurement to a verdict, check by check, with the YAML's rules. */
export function analyzeService(m: ServiceMeasurement, service: Service = m.target.service): Verdict {
  const checks = service.checks.map((check) => checkVerdict(check, m.checks.find((c) => c.checkId === check.id)?.attempts ?? []));
  const statuses = checks.map((c) => c.status);
  const blockedChecks = checks.filter((c) => c.status === 'blocked' || c.status === 'partially blocked');
  let status: VerdictStatus;
  if (statuses.every((s) => s === 'blocked')) status = 'blocked';
  else if (blockedChecks.length > 0) status = 'partially blocked';
  else if (statuses.every((s) => s === 'accessible' || s === 'down') && statuses.includes('accessible')) status = 'accessible';
  else if (statuses.every((s) => s === 'down')) status = 'down';
  else status = 'inconclusive';

  const method = blockedChecks.length ? methodOf(blockedChecks.flatMap((c) => c.blockedOutcomes)) : null;
  const evidence = checks.flatMap((c) =>
    c.endpoints.map((e) => `${c.id} ${e.endpoint}: ${e.status}${e.failure ? ` (${e.step}: ${e.failure})` : ''}${e.failedPorts.length ? ` [failed ports ${e.failedPorts.join(', ')}]` : ''}`),
  );
  const publicChecks: CheckVerdict[] = checks.map(({ blockedOutcomes: _omit, ...rest }) => rest);
  const verdict = (s: VerdictStatus, reason: string, meth: BlockingMethod | null): Verdict => ({
    status: s,
    method: meth,
    reason,
    evidence,
    dnsConsistency: null,
    blockpage: null,
    httpComparison: null,
    untrustedIssuer: null,
    interceptionCa: null,
    sniProof: null,
    checks: publicChecks,
  });
  if (m.controlAnswered === false && status !== 'accessible') {
    return verdict('inconclusive', `${service.name}: the control resolver is unreachable too, so failures say nothing about ${service.name} (${checks.map(describeCheck).join('; ')})`, null);
  }
  if (m.deadlineExceeded && status !== 'blocked') return verdict('inconclusive', `${service.name}: ran out of time`, null);
  return verdict(status, `${service.name}: ${checks.map(describeCheck).join('; ')}`, method);
}
