import { isIP } from 'node:net';
import { NO_IPV6_ROUTE, SSL_FAILURE_PREFIX } from '../model/failure.ts';
import type { ServiceMeasurement, WebMeasurement } from '../model/measurement.ts';
import type { HttpObservation } from '../model/observation.ts';
import type { TargetResult } from '../model/run.ts';
import type { FailureKind, TargetControl, Verdict, VerdictFacts } from '../model/verdict.ts';
import { targetControl } from './control.ts';
import { matchRefusal } from '../data/site-refusals.ts';
import type { AnalysisKnowledge } from './knowledge.ts';

/**
 * The facts the analysis decides about a target beside its verdict (model/verdict.ts
 * verdictFactsSchema): how it failed, what connected, what the control and the helper did, how fast
 * its page came. The run-level findings read these, never the observations.
 */

const TARGETED_METHODS = new Set<string>(['dns', 'tls', 'mitm', 'http-diff', 'http-failure']);

/** Samples at least this many give a rate from the samples (steady state) rather than bytes over time. */
const MIN_SAMPLES = 3;

/** The body transfer of a hop: bytes over the time from the response headers, or the samples' steady rate. */
export function transferOf(h: HttpObservation | undefined): VerdictFacts['transfer'] {
  if (!h || h.failure || h.bodyLength <= 0) return null;
  const start = h.responseAt ?? h.t0;
  const seconds = h.t - start;
  if (!(seconds > 0)) return null;
  const s = h.samples ?? [];
  const first = s[0];
  const last = s.at(-1);
  if (s.length >= MIN_SAMPLES && first && last && last.t > first.t && last.bytes > first.bytes) {
    return { bytes: h.bodyLength, seconds, rate: (last.bytes - first.bytes) / (last.t - first.t), sampled: true };
  }
  return { bytes: h.bodyLength, seconds, rate: h.bodyLength / seconds, sampled: false };
}

function webFailureKind(m: WebMeasurement, v: Verdict, controlFailed: boolean): FailureKind {
  if (v.status === 'accessible') return 'none';
  if (v.method && TARGETED_METHODS.has(v.method)) return 'targeted';
  if (v.blockpage && !v.blockpage.generic) return 'targeted';
  if (v.status === 'down') return 'other';
  // A connection was made and something later broke it: aimed at this name, not a default deny.
  if (m.tcp.some((t) => t.failure === null) && (m.tls.some((t) => t.failure !== null) || m.http.some((h) => h.failure !== null))) return 'targeted';
  const noConnection = m.tcp.length > 0 ? m.tcp.every((t) => t.failure !== null) : m.http.length === 0;
  if (v.method === 'tcp_ip' || noConnection || controlFailed) return 'untargeted';
  return 'other';
}

/** TCP attempts that failed here, an IPv6 attempt on a network without IPv6 left out. */
const tcpFailedOf = (m: WebMeasurement): VerdictFacts['tcpFailed'] =>
  m.tcp.filter((t): t is typeof t & { failure: string } => t.failure !== null && !(isIP(t.ip) === 6 && NO_IPV6_ROUTE.has(t.failure))).map((t) => ({ ip: t.ip, port: t.port, failure: t.failure }));

function helperOf(m: WebMeasurement): VerdictFacts['helper'] {
  const h = m.helper;
  return h ? { status: h.response ? 'ok' : 'failed', url: h.url, failure: h.failure, attempts: h.attempts?.length ?? 1 } : { status: 'none', url: null, failure: null, attempts: 0 };
}

/** A web target's facts, from its measurement, its verdict and what its control did (analyze/control.ts). */
export function webFacts(m: WebMeasurement, v: Verdict, control: TargetControl): VerdictFacts {
  const final = m.http.at(-1);
  return {
    hostname: m.hostname,
    failureKind: webFailureKind(m, v, control.failed),
    tcpFailed: tcpFailedOf(m),
    tcpOk: [...new Set(m.tcp.filter((t) => t.failure === null).map((t) => t.ip))],
    sniFollowsName: m.sniProbes.some((p) => p.kind === 'neutral-host-target-sni' && p.handshake.failure !== null && !p.handshake.failure.startsWith(SSL_FAILURE_PREFIX)),
    validTls: v.status === 'accessible' && Boolean(final?.tls),
    transfer: v.status === 'accessible' ? transferOf(final) : null,
    control,
    helper: helperOf(m),
    ...refusalOf(v, final),
    ...throughputOf(m),
  };
}

/** The throughput proof's transfers, slimmed for the throttling finding (absent when none was made). */
function throughputOf(m: WebMeasurement): Pick<VerdictFacts, 'throughput'> {
  const p = m.throughput;
  const sni = p?.transfers.find((x) => x.kind === 'target-sni')?.sni;
  if (!p || !sni) return {};
  const transfers = p.transfers.map((x) => ({ kind: x.kind, bytes: x.bytes, seconds: x.seconds, stalledAt: x.stalledAt, failure: x.failure }));
  return { throughput: { sni, expected: p.expected, stallSeconds: p.stallSeconds, transfers } };
}

/** The site's own refusal behind a `refused by site` verdict: its kind and fingerprint. */
function refusalOf(v: Verdict, final: HttpObservation | undefined): Pick<VerdictFacts, 'refusal'> {
  const row = v.status === 'refused by site' && final ? matchRefusal(final) : null;
  return row ? { refusal: { kind: row.kind, fingerprint: row.id } } : {};
}

/** A service's facts: a control that did not answer makes its failures untargeted. */
export function serviceFacts(m: ServiceMeasurement, v: Verdict): VerdictFacts {
  const failed = m.controlAnswered === false;
  const failureKind: FailureKind = v.status === 'accessible' ? 'none' : v.method && v.method !== 'tcp_ip' ? 'targeted' : v.method === 'tcp_ip' || failed ? 'untargeted' : 'other';
  return {
    hostname: null,
    failureKind,
    tcpFailed: [],
    tcpOk: [],
    sniFollowsName: false,
    validTls: false,
    transfer: null,
    control: { failed, failure: null, interception: null },
    helper: { status: 'none', url: null, failure: null, attempts: 0 },
  };
}

/** The facts of an analysed result (a stored or re-read one): the same decisions the analysis makes beside its verdict. */
export function verdictFacts(r: TargetResult, knowledge: Pick<AnalysisKnowledge, 'interceptionCas'>): VerdictFacts {
  if (r.target.kind === 'service') return serviceFacts(r.measurement as ServiceMeasurement, r.verdict);
  const m = r.measurement as WebMeasurement;
  return webFacts(m, r.verdict, targetControl(m, knowledge.interceptionCas));
}
