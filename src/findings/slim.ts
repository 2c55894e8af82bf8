import { isIP } from 'node:net';
import { controlInterception } from '../analyze/control.ts';
import { BUILTIN_INTERCEPTION_CAS } from '../data/interception-cas.ts';
import { FAILURES, SSL_FAILURE_PREFIX } from '../model/failure.ts';
import type { FailureKind, FindingInput } from '../model/finding.ts';
import type { HttpObservation } from '../model/observation.ts';
import { isDefiniteAnswer, targetLabel } from '../model/values.ts';
import type { ServiceResult, TargetResult, WebResult } from '../model/run.ts';
import type { InterceptionCa } from '../model/verdict.ts';

/** IPv6 failures that mean "this network has no IPv6" (as the web rules drop them). */
const NO_IPV6 = new Set<string>([FAILURES.networkUnreachable, FAILURES.hostUnreachable, FAILURES.addressNotAvailable, FAILURES.addressFamilyNotSupported]);
const TARGETED_METHODS = new Set(['dns', 'tls', 'mitm', 'http-diff', 'http-failure']);

/** Samples at least this many give a rate from the samples (steady state) rather than bytes over time. */
const MIN_SAMPLES = 3;

/** The body transfer of a hop: bytes over the time from the response headers, or the samples' steady rate. */
export function transferOf(h: HttpObservation | undefined): FindingInput['transfer'] {
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

function webFailureKind(r: WebResult, controlFailed: boolean): FailureKind {
  const v = r.verdict;
  if (v.status === 'accessible') return 'none';
  if (v.method && TARGETED_METHODS.has(v.method)) return 'targeted';
  if (v.blockpage && !v.blockpage.generic) return 'targeted';
  if (v.status === 'down') return 'other';
  const m = r.measurement;
  // A connection was made and something later broke it: aimed at this name, not a default deny.
  if (m.tcp.some((t) => t.failure === null) && (m.tls.some((t) => t.failure !== null) || m.http.some((h) => h.failure !== null))) return 'targeted';
  const noConnection = m.tcp.length > 0 ? m.tcp.every((t) => t.failure !== null) : m.http.length === 0;
  if (v.method === 'tcp_ip' || noConnection || controlFailed) return 'untargeted';
  return 'other';
}

/**
 * Pure: the slim record the run-level findings read (src/model/finding.ts FindingInput), from a
 * full result. A streaming pipeline keeps only these (a few hundred bytes each); `findFindings`
 * accepts them or full results alike. `table`: the interception CAs (to name a control's interceptor).
 */
export function slimResult(r: TargetResult, table: readonly InterceptionCa[] = BUILTIN_INTERCEPTION_CAS): FindingInput {
  const v = r.verdict;
  const verdict: FindingInput['verdict'] = { status: v.status, method: v.method, reason: v.reason, interceptionCa: v.interceptionCa, untrustedIssuer: v.untrustedIssuer, sniProof: v.sniProof };
  const base = { label: targetLabel(r.target), url: r.target.url, verdict };
  if (r.target.kind === 'service') {
    const s = r as ServiceResult;
    const failed = s.measurement.controlAnswered === false;
    const failureKind: FailureKind =
      v.status === 'accessible' ? 'none' : v.method && v.method !== 'tcp_ip' ? 'targeted' : v.method === 'tcp_ip' || failed ? 'untargeted' : 'other';
    return {
      ...base,
      kind: 'service',
      role: 'target',
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
  const w = r as WebResult;
  const m = w.measurement;
  const literal = isIP(m.hostname) !== 0;
  const controlObs = [...m.dns.control, ...m.controlRecheck];
  const interception = controlInterception(controlObs, table);
  const controlFailed = !literal && !m.helper?.response && m.dns.control.length > 0 && !m.dns.control.some(isDefiniteAnswer) && interception === null;
  const final = m.http.at(-1);
  const helper = m.helper;
  return {
    ...base,
    kind: 'web',
    role: w.target.role ?? 'target',
    hostname: m.hostname,
    failureKind: webFailureKind(w, controlFailed),
    tcpFailed: m.tcp
      .filter((t): t is typeof t & { failure: string } => t.failure !== null && !(isIP(t.ip) === 6 && NO_IPV6.has(t.failure)))
      .map((t) => ({ ip: t.ip, port: t.port, failure: t.failure })),
    tcpOk: [...new Set(m.tcp.filter((t) => t.failure === null).map((t) => t.ip))],
    sniFollowsName: m.sniProbes.some((p) => p.kind === 'neutral-host-target-sni' && p.handshake.failure !== null && !p.handshake.failure.startsWith(SSL_FAILURE_PREFIX)),
    validTls: v.status === 'accessible' && Boolean(final?.tls),
    transfer: v.status === 'accessible' ? transferOf(final) : null,
    control: { failed: controlFailed, failure: controlFailed ? (m.dns.control.find((o) => o.failure)?.failure ?? null) : null, interception },
    helper: helper
      ? { status: helper.response ? 'ok' : 'failed', url: helper.url, failure: helper.failure, attempts: helper.attempts?.length ?? 1 }
      : { status: 'none', url: null, failure: null, attempts: 0 },
  };
}

/** A full result or a slim record, as findFindings receives them. */
export type FindingRecord = TargetResult | FindingInput;

export function isFindingInput(r: FindingRecord): r is FindingInput {
  return !('measurement' in r);
}

export function toSlim(r: FindingRecord, table: readonly InterceptionCa[] = BUILTIN_INTERCEPTION_CAS): FindingInput {
  return isFindingInput(r) ? r : slimResult(r, table);
}
