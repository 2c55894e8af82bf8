import { compareWithControl } from '../../analyze/http-compare.ts';
import type { HttpComparison } from '../../model/verdict.ts';
import type { HttpObservation } from '../../model/observation.ts';
import type { RunRecord, WebResultJson } from '../../model/run.ts';
import { base, type OoniNetwork } from './base.ts';
import { handshake, queries, request, tcpConnect, type Json } from './events.ts';

/**
 * A web target as OONI's web_connectivity (ts-017, the 0.4 keys). The probe's own lookups go in
 * `queries`; tekser's DoH control lookups in `x_tekser_control_queries` (OONI's control is the test
 * helper's answer, `control`); `control_failure` is set only when the control helper could not be
 * reached.
 */

const OONI_BLOCKING: Record<string, string> = { dns: 'dns', tcp_ip: 'tcp_ip', tls: 'http-failure', mitm: 'http-failure', 'http-failure': 'http-failure', 'http-diff': 'http-diff' };

type Verdict = WebResultJson['verdict'];
type Measurement = WebResultJson['measurement'];

/** blocking and accessible, from tekser's verdict (blocking false only when tekser saw the site work, or down for everyone). */
export function blockingKeys(v: Verdict): { blocking: string | false | null; accessible: boolean | null } {
  if (v.status === 'blocked' || v.status === 'partially blocked') return { blocking: OONI_BLOCKING[v.method ?? ''] ?? null, accessible: false };
  if (v.status === 'accessible') return { blocking: false, accessible: true };
  if (v.status === 'down') return { blocking: false, accessible: false };
  return { blocking: null, accessible: null };
}

/**
 * tekser's comparison of the final page with the control helper's: the verdict's when the analysis
 * made one, else the same comparison (analyze/http-compare.ts) over the same two responses, so that
 * every measurement with both pages carries it.
 */
export function comparison(v: Verdict, m: Measurement): HttpComparison | null {
  if (v.httpComparison) return v.httpComparison;
  const final = m.http.at(-1);
  const control = m.helper?.response?.http_request;
  if (!final || final.failure !== null || final.status === null || !control || control.failure !== null || control.status_code <= 0) return null;
  return compareWithControl({ ...final, body: final.body ?? '' } as HttpObservation, control);
}

/** The five comparison keys, null where tekser could not compare (body_proportion 0 then, as OONI writes it). */
export function comparisonKeys(cmp: HttpComparison | null): Json {
  return {
    body_length_match: cmp?.bodyLengthMatch ?? null,
    body_proportion: cmp?.bodyProportion ?? 0,
    headers_match: cmp?.headersMatch ?? null,
    status_code_match: cmp?.statusCodeMatch ?? null,
    title_match: cmp?.titleMatch ?? null,
  };
}

/** The failure of the control resolvers when none of them answered (they are not OONI's test helper). */
function controlResolverFailure(m: Measurement): string | null {
  if (!m.dns.control.length || m.dns.control.some((q) => q.failure === null)) return null;
  return m.dns.control[0]?.failure ?? null;
}

function dnsKeys(m: Measurement, v: Verdict): Json {
  return {
    queries: queries(m.dns.local, ['classic']),
    x_tekser_control_queries: queries(m.dns.control, ['control']),
    x_tekser_control_resolver_failure: controlResolverFailure(m),
    dns_experiment_failure: m.dns.local.find((q) => q.failure && q.queryType !== 'AAAA')?.failure ?? null,
    dns_consistency: v.dnsConsistency === 'unknown' ? null : v.dnsConsistency,
  };
}

export function webConnectivity(r: WebResultJson, record: RunRecord, network: OoniNetwork, includeBodies: boolean): Json {
  const { measurement: m, verdict: v } = r;
  const keys: Json = {
    agent: 'redirect',
    client_resolver: null,
    retries: null,
    socksproxy: null,
    ...dnsKeys(m, v),
    tcp_connect: tcpConnect(m.tcp),
    tls_handshakes: m.tls.map(handshake),
    requests: [...m.http].reverse().map((h) => request(h, includeBodies)), // final response first, as the spec requires
    control: m.helper?.response ?? {},
    control_failure: m.helper?.failure ?? null,
    http_experiment_failure: m.http.at(-1)?.failure ?? null,
    ...comparisonKeys(comparison(v, m)),
    ...blockingKeys(v),
    x_tekser_blockpage: v.blockpage,
    x_tekser_verdict: { status: v.status, method: v.method, reason: v.reason },
  };
  const head = { record, network, startedAt: m.startedAt, runtime: m.runtime, testName: 'web_connectivity', specVersion: '0.4.3', input: r.target.url, helper: m.helper?.url ?? null };
  return base(head, keys);
}
