import type { EchProbe, WayMeasurement, WayProbe, WayVerdict } from '../model/check.ts';
import { joinHostPort } from '../net/endpoint.ts';

/**
 * The ways out in OONI's data format, where OONI has a nettest for them: Tor's relays, directories
 * and bridges as one `tor` measurement (ts-023), each STUN server as `stunreachability` (ts-025),
 * each resolver as `dnscheck` (ts-028), each ECH pair as `echcheck` (ts-039), RiseupVPN as
 * `riseupvpn` (ts-026), OpenVPN as `openvpn` (ts-040); anything else as `x_tekser_way`. Private ways
 * keep their hash ids and scrubbed addresses (as ts-023 does for private bridges). The envelope
 * (probe_cc, times, software) is the caller's (report/ooni.ts).
 */
type Json = Record<string, unknown>;

export interface OoniWayMeasurement {
  testName: string;
  testVersion: string;
  input: string | null;
  testKeys: Json;
}

const verdictKeys = (v: WayVerdict | undefined): Json => (v ? { x_tekser_verdict: { status: v.status, how: v.how, reason: v.reason, rule: v.rule } } : {});

function tcpConnect(p: WayProbe): Json {
  return { ip: p.ip, port: p.port, status: { failure: p.failure, success: p.failure === null, blocked: null }, t0: p.t0, t: p.t, tags: [], transaction_id: 0 };
}

/** ts-023 target protocol: what OONI calls the check; a port-only check of a transport is a plain TCP connect. */
function torProtocol(way: WayMeasurement, p: WayProbe): string {
  if (p.check === 'tor_dir') return 'dir_port';
  if (p.check === 'tor_or') return way.kind === 'tor' ? 'or_port_dirauth' : 'or_port';
  return 'tcp';
}

function torTarget(way: WayMeasurement, p: WayProbe): Json {
  const protocol = torProtocol(way, p);
  return {
    agent: 'redirect',
    failure: p.failure,
    network_events: [],
    queries: [],
    requests: [],
    summary: { connect: { failure: p.failure } },
    target_address: way.private ? '[scrubbed]' : joinHostPort(p.ip, p.port),
    target_name: way.private ? '' : way.title,
    target_protocol: protocol,
    target_source: way.private ? 'user' : 'bridgedb',
    tcp_connect: [tcpConnect(p)],
    tls_handshakes: p.check === 'tor_or' ? [{ address: joinHostPort(p.ip, p.port), failure: p.failure, tls_version: 'tlsVersion' in p ? (p.tlsVersion ?? '') : '', server_name: '', no_tls_verify: true, peer_certificates: [], t0: p.t0, t: p.t, tags: [], transaction_id: 0 }] : [],
  };
}

/** One `tor` measurement for every Tor way: the per-protocol counts OONI's Explorer shows ("0/15 OK"). */
export function torMeasurement(ways: readonly WayMeasurement[]): OoniWayMeasurement | null {
  const tor = ways.filter((w) => w.kind === 'tor' || w.kind === 'tor_bridge');
  if (tor.length === 0) return null;
  const targets: Json = {};
  const counts: Record<string, { total: number; accessible: number }> = {};
  for (const way of tor) {
    way.probes.forEach((p, i) => {
      const key = way.private ? `${way.id}-${i}` : `${way.id}:${joinHostPort(p.ip, p.port)}`;
      targets[key] = torTarget(way, p);
      const c = (counts[torProtocol(way, p)] ??= { total: 0, accessible: 0 });
      c.total++;
      if (p.failure === null) c.accessible++;
    });
  }
  const n = (k: string, f: 'total' | 'accessible'): number => counts[k]?.[f] ?? 0;
  return {
    testName: 'tor',
    testVersion: '0.4.0',
    input: null,
    testKeys: {
      dir_port_total: n('dir_port', 'total'),
      dir_port_accessible: n('dir_port', 'accessible'),
      obfs4_total: 0,
      obfs4_accessible: 0,
      or_port_dirauth_total: n('or_port_dirauth', 'total'),
      or_port_dirauth_accessible: n('or_port_dirauth', 'accessible'),
      or_port_total: n('or_port', 'total'),
      or_port_accessible: n('or_port', 'accessible'),
      targets,
    },
  };
}

function resolverInput(p: Extract<WayProbe, { check: 'resolver' }>): string {
  const scheme = { udp: 'udp', tcp: 'tcp', dot: 'dot', doh: 'https' }[p.resolver];
  return `${scheme}://${p.endpoint}`;
}

function echHandshake(p: EchProbe | undefined): Json | null {
  if (!p) return null;
  return { address: joinHostPort(p.ip, p.port), server_name: p.serverName, outer_server_name: p.serverName, echconfig: p.variant === 'grease_ech' ? 'GREASE' : '', failure: p.failure, t0: p.t0, t: p.t, tags: [], transaction_id: 0 };
}

/** The OONI measurements of one way (none for Tor's: see torMeasurement). */
function wayMeasurements(way: WayMeasurement, v: WayVerdict | undefined): OoniWayMeasurement[] {
  if (way.kind === 'tor' || way.kind === 'tor_bridge') return [];
  const out: OoniWayMeasurement[] = [];
  for (const p of way.probes) {
    if (p.check === 'stun') out.push({ testName: 'stunreachability', testVersion: '0.4.0', input: `stun://${p.endpoint}`, testKeys: { endpoint: p.endpoint, failure: p.failure, network_events: [], queries: [], ...verdictKeys(v) } });
    if (p.check === 'resolver') {
      const lookup = { failure: p.failure, answers: p.answers.map((a) => ({ answer_type: a.includes(':') ? 'AAAA' : 'A', [a.includes(':') ? 'ipv6' : 'ipv4']: a })), engine: p.resolver, resolver_address: p.endpoint, hostname: p.query, t0: p.t0, t: p.t };
      out.push({ testName: 'dnscheck', testVersion: '0.9.3', input: resolverInput(p), testKeys: { domain: p.query, bootstrap: null, bootstrap_failure: null, lookups: { [p.ip]: lookup }, ...verdictKeys(v) } });
    }
    if (p.check === 'openvpn') out.push({ testName: 'openvpn', testVersion: '0.1.0', input: `openvpn://${way.id}/?address=${p.endpoint}&transport=${p.transport}`, testKeys: { success: p.failure === null, failure: p.failure, ...verdictKeys(v) } });
  }
  const echs = way.probes.filter((p): p is EchProbe => p.check === 'ech');
  if (echs.length) out.push({ testName: 'echcheck', testVersion: '0.3.0', input: `https://${echs[0]?.serverName ?? ''}/cdn-cgi/trace`, testKeys: { control: echHandshake(echs.find((p) => p.variant === 'control')), target: echHandshake(echs.find((p) => p.variant === 'grease_ech')), ...verdictKeys(v) } });
  if (way.id.startsWith('riseupvpn')) out.push({ testName: 'riseupvpn', testVersion: '0.3.0', input: null, testKeys: { api_failures: way.probes.filter((p) => p.failure).map((p) => p.failure), api_status: way.probes.every((p) => p.failure === null) ? 'ok' : 'blocked', failing_gateways: [], ...verdictKeys(v) } });
  if (out.length === 0) out.push({ testName: 'x_tekser_way', testVersion: '0.1.0', input: way.private ? way.id : way.title, testKeys: { way: { id: way.id, kind: way.kind, title: way.title }, probes: way.probes, ...verdictKeys(v) } });
  return out;
}

/** Every OONI measurement the ways make, Tor's first. */
export function waysToOoni(ways: readonly WayMeasurement[], verdicts: readonly WayVerdict[]): OoniWayMeasurement[] {
  const tor = torMeasurement(ways);
  return [...(tor ? [tor] : []), ...ways.flatMap((w) => wayMeasurements(w, verdicts.find((v) => v.id === w.id)))];
}
