import { joinHostPort } from '../net/endpoint.ts';
import type { ServiceResultJson, TargetResultJson, WebResultJson, RunRecord } from '../model/run.ts';
import { waysToOoni } from './ooni-ways.ts';

/**
 * Measurements in OONI's data format (data_format_version 0.2.0, df-000..008): web targets as
 * web_connectivity, messengers as their OONI nettests. probe_ip is always 127.0.0.1 (scrubbed), as
 * modern OONI probes write it; ASN and country are AS0/ZZ unless known.
 */

type Json = Record<string, unknown>;

/** "YYYY-MM-DD HH:MM:SS" in UTC. */
export function ooniTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
}

const OONI_BLOCKING: Record<string, string> = { dns: 'dns', tcp_ip: 'tcp_ip', tls: 'http-failure', mitm: 'http-failure', 'http-failure': 'http-failure', 'http-diff': 'http-diff' };
const ENGINE: Record<string, string> = { getaddrinfo: 'getaddrinfo', udp: 'udp', tcp: 'tcp', doh: 'doh' };

type Dns = WebResultJson['measurement']['dns']['local'][number];
type Tls = WebResultJson['measurement']['tls'][number];
type Http = WebResultJson['measurement']['http'][number];
type Tcp = WebResultJson['measurement']['tcp'][number];

function queries(obs: readonly Dns[], tags: string[]): Json[] {
  return obs.map((q) => ({
    answers: q.answers.map((a) => ({
      answer_type: a.type,
      ...(a.type === 'A' ? { ipv4: a.value } : a.type === 'AAAA' ? { ipv6: a.value } : { hostname: a.value }),
      ttl: a.ttl,
      asn: 0,
      as_org_name: '',
    })),
    engine: ENGINE[q.engine] ?? 'unknown',
    failure: q.failure,
    hostname: q.hostname,
    query_type: q.queryType,
    resolver_address: q.engine === 'getaddrinfo' ? '' : q.resolver,
    resolver_hostname: null,
    resolver_port: null,
    t0: q.t0,
    t: q.t,
    tags,
    transaction_id: 0,
  }));
}

function tcpConnect(obs: readonly Tcp[]): Json[] {
  return obs.map((c) => ({ ip: c.ip, port: c.port, status: { failure: c.failure, success: c.failure === null, blocked: null }, t0: c.t0, t: c.t, tags: [], transaction_id: 0 }));
}

function handshake(h: Tls): Json {
  return {
    network: 'tcp',
    address: joinHostPort(h.ip, h.port),
    server_name: h.serverName ?? '',
    cipher_suite: h.cipherSuite ?? '',
    negotiated_protocol: h.alpn ?? '',
    no_tls_verify: false,
    peer_certificates: h.peerCertificates.map((c) => ({ format: 'base64', data: c.der })),
    tls_version: h.tlsVersion ?? '',
    failure: h.failure,
    t0: h.t0,
    t: h.t,
    tags: [],
    transaction_id: 0,
  };
}

const headersList = (h: Record<string, string>): string[][] => Object.entries(h).map(([k, v]) => [k, v]);

function request(h: Http): Json {
  const body = h.body ?? '';
  return {
    network: 'tcp',
    address: joinHostPort(h.ip, h.port),
    alpn: h.tls?.alpn ?? 'http/1.1',
    failure: h.failure,
    request: {
      url: h.url,
      method: h.method,
      headers: {},
      headers_list: [],
      body: '',
      body_is_truncated: false,
      tor: { exit_ip: null, exit_name: null, is_tor: false },
      x_transport: 'tcp',
    },
    response: { code: h.status ?? 0, headers: h.headers, headers_list: headersList(h.headers), body, body_is_truncated: h.bodyTruncated },
    t0: h.t0,
    t: h.t,
    tags: [],
    transaction_id: 0,
  };
}

function base(record: RunRecord, startedAt: string, runtime: number, testName: string, testVersion: string, input: string | null, testKeys: Json, helper: string | null): Json {
  return {
    annotations: { engine_name: 'tekser', engine_version: record.tekserVersion, platform: process.platform === 'darwin' ? 'macos' : process.platform === 'win32' ? 'windows' : 'linux' },
    data_format_version: '0.2.0',
    extensions: { dnst: 0, httpt: 0, netevents: 0, tcpconnect: 0, tlshandshake: 0 },
    input,
    measurement_start_time: ooniTime(startedAt),
    probe_asn: record.network.asn ?? 'AS0',
    probe_cc: record.network.country ?? 'ZZ',
    probe_ip: '127.0.0.1',
    probe_network_name: '',
    report_id: '',
    resolver_asn: 'AS0',
    resolver_ip: '',
    resolver_network_name: '',
    software_name: 'tekser',
    software_version: record.tekserVersion,
    test_helpers: helper ? { backend: { address: helper, type: 'https' } } : {},
    test_keys: testKeys,
    test_name: testName,
    test_runtime: runtime,
    test_start_time: ooniTime(record.startedAt),
    test_version: testVersion,
  };
}

function webConnectivity(r: WebResultJson, record: RunRecord): Json {
  const m = r.measurement;
  const v = r.verdict;
  const cmp = v.httpComparison;
  const helper = m.helper?.response as Json | null | undefined;
  const localFailure = m.dns.local.find((q) => q.failure && q.queryType !== 'AAAA')?.failure ?? null;
  const blocking = v.status === 'blocked' ? (OONI_BLOCKING[v.method ?? ''] ?? null) : v.status === 'accessible' || v.status === 'down' ? false : null;
  const accessible = v.status === 'accessible' ? true : v.status === 'blocked' || v.status === 'down' ? false : null;
  const finalHttp = m.http.at(-1);
  const keys: Json = {
    agent: 'redirect',
    client_resolver: null,
    retries: null,
    socksproxy: null,
    queries: [...queries(m.dns.local, ['classic']), ...queries(m.dns.control, ['control'])],
    tcp_connect: tcpConnect(m.tcp),
    tls_handshakes: m.tls.map(handshake),
    requests: [...m.http].reverse().map(request), // final response first, as the spec requires
    control: helper ?? {},
    control_failure: m.helper ? m.helper.failure : m.dns.control.some((q) => q.failure === null) ? null : (m.dns.control[0]?.failure ?? null),
    dns_experiment_failure: localFailure,
    dns_consistency: v.dnsConsistency === 'unknown' ? null : v.dnsConsistency,
    http_experiment_failure: finalHttp?.failure ?? null,
    body_length_match: cmp?.bodyLengthMatch ?? null,
    body_proportion: cmp?.bodyProportion ?? 0,
    headers_match: cmp?.headersMatch ?? null,
    status_code_match: cmp?.statusCodeMatch ?? null,
    title_match: cmp?.titleMatch ?? null,
    blocking,
    accessible,
    x_tekser_verdict: { status: v.status, method: v.method, reason: v.reason },
  };
  return base(record, m.startedAt, m.runtime, 'web_connectivity', '0.4.3', r.target.url, keys, m.helper?.url ?? null);
}

type Attempt = ServiceResultJson['measurement']['checks'][number]['attempts'][number];
function serviceEvents(r: ServiceResultJson): Json {
  const attempts: Attempt[] = r.measurement.checks.flatMap((c) => c.attempts);
  return {
    agent: 'redirect',
    queries: attempts.flatMap((a) => (a.dns ? queries(a.dns.local, []) : [])),
    tcp_connect: tcpConnect(attempts.flatMap((a) => a.tcp)),
    tls_handshakes: attempts.flatMap((a) => a.tls.map(handshake)),
    requests: attempts.flatMap((a) => (a.http ? [request(a.http)] : [])),
    network_events: [],
    socksproxy: null,
  };
}

function messenger(r: ServiceResultJson, record: RunRecord): Json {
  const v = r.verdict;
  const check = (id: string) => v.checks?.find((c) => c.id === id);
  const status = (id: string): string => (check(id)?.status === 'blocked' ? 'blocked' : 'ok');
  const failure = (id: string): string | null => check(id)?.endpoints.find((e) => e.status === 'blocked')?.failure ?? null;
  const events = serviceEvents(r);
  const m = r.measurement;
  switch (r.target.id) {
    case 'whatsapp': {
      const blocked = check('endpoints')?.endpoints.filter((e) => e.status === 'blocked').map((e) => e.endpoint) ?? [];
      return base(record, m.startedAt, m.runtime, 'whatsapp', '0.11.0', null, {
        ...events,
        registration_server_failure: failure('registration'),
        registration_server_status: status('registration'),
        whatsapp_endpoints_blocked: blocked,
        whatsapp_endpoints_dns_inconsistent: [],
        whatsapp_endpoints_status: check('endpoints')?.status === 'blocked' ? 'blocked' : 'ok',
        whatsapp_web_failure: failure('web'),
        whatsapp_web_status: status('web'),
      }, null);
    }
    case 'telegram': {
      const dc = check('datacenters');
      const tcpBlocked = dc?.status === 'blocked' && dc.method === 'tcp_ip';
      return base(record, m.startedAt, m.runtime, 'telegram', '0.3.1', null, {
        ...events,
        telegram_http_blocking: dc?.status === 'blocked',
        telegram_tcp_blocking: tcpBlocked,
        telegram_web_failure: failure('web'),
        telegram_web_status: status('web'),
      }, null);
    }
    case 'signal':
      return base(record, m.startedAt, m.runtime, 'signal', '0.2.5', null, {
        ...events,
        signal_backend_status: v.status === 'blocked' || v.status === 'partially blocked' ? 'blocked' : 'ok',
        signal_backend_failure: v.checks?.flatMap((c) => c.endpoints).find((e) => e.status === 'blocked')?.failure ?? null,
      }, null);
    case 'facebook-messenger':
      return base(record, m.startedAt, m.runtime, 'facebook_messenger', '0.2.1', null, {
        ...events,
        facebook_dns_blocking: check('dns')?.status === 'blocked' || check('dns')?.status === 'partially blocked',
        facebook_tcp_blocking: check('tcp')?.status === 'blocked' || check('tcp')?.status === 'partially blocked',
      }, null);
    default:
      // No OONI nettest matches an arbitrary service: an experimental test name, as the spec allows x_ data.
      return base(record, m.startedAt, m.runtime, 'x_tekser_service', '0.1.0', r.target.url, { ...events, x_tekser_verdict: { status: v.status, method: v.method, reason: v.reason, checks: v.checks ?? [] } }, null);
  }
}

export function toOoni(result: TargetResultJson, record: RunRecord): Json {
  return result.target.kind === 'web' ? webConnectivity(result as WebResultJson, record) : messenger(result as ServiceResultJson, record);
}

/** The run's ways out as OONI measurements (tor, stunreachability, dnscheck, echcheck, riseupvpn, openvpn; see ooni-ways.ts). */
export function waysOoni(record: RunRecord): Json[] {
  if (!record.ways) return [];
  const runtime = record.finishedAt ? (Date.parse(record.finishedAt) - Date.parse(record.startedAt)) / 1000 : 0;
  return waysToOoni(record.ways.ways, record.ways.verdicts).map((m) => base(record, record.startedAt, runtime, m.testName, m.testVersion, m.input, m.testKeys, null));
}
