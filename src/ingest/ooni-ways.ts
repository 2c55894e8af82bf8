import { splitHostPort } from '../net/endpoint.ts';
import { wayMeasurementSchema, type WayMeasurement, type WayProbe } from '../model/check.ts';
import { ooniFailure } from './ooni.ts';

/**
 * OONI's circumvention nettests read as ways out, so `tekser analyze` says what worked in them with
 * the same rules as a run: `tor` (ts-023: each target a probe of its protocol), `stunreachability`
 * (ts-025) and `dnscheck` (ts-028: each lookup a resolver probe). An obfs4 target OONI reached did a
 * full obfs4 handshake: it is read as a working bridge, not a port. Returns null for other nettests.
 */
type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const OONI_WAY_NETTESTS = ['tor', 'stunreachability', 'dnscheck'] as const;

function endpointOf(text: string): { ip: string; port: number } {
  const { host, port } = splitHostPort(text);
  return { ip: host, port: port ?? 0 };
}

function torProbe(key: string, t: Json): { probe: WayProbe; kind: WayMeasurement['kind'] } {
  const address = str(t.target_address) ?? key;
  const scrubbed = address.includes('[scrubbed]');
  const { ip, port } = scrubbed ? { ip: '[scrubbed]', port: 0 } : endpointOf(address);
  const base = { endpoint: scrubbed ? key : address, ip, port, transport: 'tcp' as const, failure: ooniFailure(t.failure), detail: `OONI tor target (${str(t.target_protocol) ?? 'unknown'})`, t0: 0, t: 0 };
  const protocol = str(t.target_protocol) ?? '';
  if (protocol === 'dir_port') return { probe: { check: 'tor_dir', ...base, status: null, bytes: 0 }, kind: 'tor' };
  if (protocol === 'or_port' || protocol === 'or_port_dirauth') return { probe: { check: 'tor_or', ...base, serverName: null, tlsVersion: null, certificate: null, chainTrusted: null }, kind: protocol === 'or_port' ? 'tor_bridge' : 'tor' };
  return { probe: { check: 'tcp', ...base }, kind: protocol === 'obfs4' ? 'tor_bridge' : 'tor' };
}

function torWays(keys: Json): WayMeasurement[] {
  const groups = new Map<string, WayMeasurement>();
  const titles: Record<string, string> = { dir_port: 'Tor (directory ports)', or_port_dirauth: "Tor (its directory authorities' OR ports)", or_port: 'Tor (relays and bridges)', obfs4: 'Tor through obfs4 bridges' };
  for (const [key, value] of Object.entries(obj(keys.targets) ?? {})) {
    const t = obj(value);
    if (!t) continue;
    const protocol = str(t.target_protocol) ?? 'tcp';
    const { probe, kind } = torProbe(key, t);
    const id = `ooni-tor-${protocol}`;
    const way = groups.get(id) ?? { id, kind, title: titles[protocol] ?? `Tor (${protocol})`, private: false, pluggableTransport: null, probes: [] };
    way.probes.push(probe);
    groups.set(id, way);
  }
  return [...groups.values()];
}

function stunWay(m: Json, keys: Json): WayMeasurement {
  const endpoint = str(keys.endpoint) ?? (str(m.input) ?? '').replace(/^stun:\/\//, '');
  const { ip, port } = endpointOf(endpoint);
  const failure = ooniFailure(keys.failure);
  const probe: WayProbe = { check: 'stun', endpoint, ip, port, transport: 'udp', failure, detail: failure ? null : 'OONI: a STUN Binding answer', mappedFamily: null, t0: 0, t: 0 };
  return { id: `ooni-stun-${endpoint}`, kind: 'snowflake', title: `STUN at ${endpoint}`, private: false, pluggableTransport: null, probes: [probe] };
}

const RESOLVER_OF: Record<string, 'udp' | 'tcp' | 'dot' | 'doh'> = { udp: 'udp', tcp: 'tcp', dot: 'dot', https: 'doh' };

function dnscheckWay(m: Json, keys: Json): WayMeasurement {
  const input = str(m.input) ?? '';
  const scheme = input.split(':')[0] ?? '';
  const resolver = RESOLVER_OF[scheme] ?? 'udp';
  const probes: WayProbe[] = Object.entries(obj(keys.lookups) ?? {}).map(([ip, value]) => {
    const l = obj(value) ?? {};
    const answers = (Array.isArray(l.answers) ? l.answers : []).map((a) => str(obj(a)?.ipv4) ?? str(obj(a)?.ipv6)).filter((a): a is string => a !== null);
    return { check: 'resolver', endpoint: input, ip, port: 0, transport: resolver === 'udp' ? 'udp' : 'tcp', failure: ooniFailure(l.failure), detail: null, resolver, query: str(keys.domain) ?? '', rcode: null, answers, chainTrusted: null, t0: 0, t: 0 };
  });
  const names: Record<string, string> = { doh: 'DNS over HTTPS', dot: 'DNS over TLS', udp: 'DNS over UDP', tcp: 'DNS over TCP' };
  return { id: `ooni-dnscheck-${input}`, kind: 'dns', title: `${names[resolver]} to ${input}`, private: false, pluggableTransport: null, probes };
}

/** The ways an OONI measurement tested, or null when it is not one of OONI_WAY_NETTESTS. */
export function ooniWays(value: unknown): WayMeasurement[] | null {
  const m = obj(value);
  const keys = obj(m?.test_keys);
  if (!m || !keys) return null;
  const name = str(m.test_name);
  const ways = name === 'tor' ? torWays(keys) : name === 'stunreachability' ? [stunWay(m, keys)] : name === 'dnscheck' ? [dnscheckWay(m, keys)] : null;
  return ways ? ways.filter((w) => w.probes.length > 0).map((w) => wayMeasurementSchema.parse(w)) : null;
}
