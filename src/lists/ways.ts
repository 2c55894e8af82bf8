import { splitHostPort } from '../net/endpoint.ts';
import { isIpLiteral } from '../net/endpoint.ts';
import type { Transport, WayEntry, WayPlan, WayProbeEntry, WayProbePlan } from '../model/check.ts';

/**
 * A list's `ways:` entries → way plans (one probe per endpoint, an ECH pair per outer name), and the
 * checks `tekser lint` makes on them beyond the schema. Pure.
 */

const UDP_BY_DEFAULT = new Set(['stun', 'quic_ping', 'openvpn']);

export function defaultTransport(check: WayProbeEntry['check']): Transport {
  return UDP_BY_DEFAULT.has(check) ? 'udp' : 'tcp';
}

/** A URL endpoint (resolver, rendezvous): `https://name/path#IP`, `dot://name:853#IP`, `udp://IP:53`, `tcp://IP:53`. */
export function urlEndpoint(text: string): { scheme: string; host: string; port: number; name: string | null; path: string } | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const scheme = url.protocol.slice(0, -1);
  const defaults: Record<string, number> = { https: 443, dot: 853, udp: 53, tcp: 53 };
  const port = url.port ? Number(url.port) : defaults[scheme];
  if (!port) return null;
  const name = splitHostPort(url.host).host;
  const pin = url.hash.slice(1);
  const host = pin ? splitHostPort(decodeURIComponent(pin)).host : name;
  return { scheme, host, port, name: isIpLiteral(name) ? null : name, path: url.pathname === '/' && scheme !== 'https' ? '' : url.pathname };
}

const RESOLVER_BY_SCHEME = { https: 'doh', dot: 'dot', udp: 'udp', tcp: 'tcp' } as const;

function urlProbe(entry: WayProbeEntry, text: string): WayProbePlan | null {
  const u = urlEndpoint(text);
  if (!u) return null;
  if (entry.check === 'resolver') {
    const resolver = RESOLVER_BY_SCHEME[u.scheme as keyof typeof RESOLVER_BY_SCHEME];
    if (!resolver) return null;
    const named = u.name ? { serverName: u.name } : {};
    return { check: 'resolver', host: u.host, port: u.port, transport: resolver === 'udp' ? 'udp' : 'tcp', resolver, query: entry.query ?? 'example.org', ...named, ...(resolver === 'doh' ? { path: u.path || '/dns-query' } : {}) };
  }
  const serverName = entry.server_name ?? u.name ?? u.host;
  return { check: 'rendezvous', host: u.host === u.name ? serverName : u.host, port: u.port, transport: 'tcp', method: entry.method ?? 'direct', serverName, hostHeader: entry.host_header ?? u.name ?? serverName, path: entry.path ?? (u.path || '/') };
}

/** The probe plans of one list entry's probe (one per endpoint; ech: a pair per outer name). */
export function expandProbe(entry: WayProbeEntry): { plans: WayProbePlan[]; bad: string[] } {
  const plans: WayProbePlan[] = [];
  const bad: string[] = [];
  for (const text of entry.endpoints) {
    if (entry.check === 'resolver' || entry.check === 'rendezvous') {
      const p = urlProbe(entry, text);
      if (p) plans.push(p);
      else bad.push(text);
      continue;
    }
    const { host, port } = splitHostPort(text);
    if (!host || port === null || port < 1 || port > 65535) {
      bad.push(text);
      continue;
    }
    const common: WayProbePlan = { check: entry.check, host, port, transport: entry.transport ?? defaultTransport(entry.check) };
    const opt = { ...(entry.server_name ? { serverName: entry.server_name } : {}), ...(entry.path ? { path: entry.path } : {}), ...(entry.variant ? { variant: entry.variant } : {}), ...(entry.size ? { size: entry.size } : {}) };
    if (entry.check === 'ech') {
      for (const name of entry.outer_names ?? [entry.server_name ?? host]) for (const variant of ['control', 'grease_ech'] as const) plans.push({ ...common, serverName: name, variant });
    } else plans.push({ ...common, ...opt });
  }
  return { plans, bad };
}

/** A list's ways as plans (bad endpoints are lint's business: here they are left out). */
export function waysFromEntries(entries: readonly WayEntry[]): WayPlan[] {
  return entries
    .map((e) => ({ id: e.id, kind: e.kind, title: e.title, private: false, pluggableTransport: e.pluggable_transport ?? null, probes: e.probes.flatMap((p) => expandProbe(p).plans) }))
    .filter((w) => w.probes.length > 0);
}

/** Lint: what the schema cannot say about the `ways:` entries, each with the path of the YAML node it is about. */
export function wayEntryProblems(entries: readonly WayEntry[]): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  const ids = new Set<string>();
  entries.forEach((entry, wi) => {
    if (ids.has(entry.id)) out.push({ path: ['ways', wi, 'id'], message: `duplicate way id "${entry.id}"` });
    ids.add(entry.id);
    entry.probes.forEach((p, i) => {
      for (const message of probeProblems(p)) out.push({ path: ['ways', wi, 'probes', i], message });
    });
  });
  return out;
}

function probeProblems(p: WayProbeEntry): string[] {
  const out: string[] = [];
  const form = p.check === 'resolver' ? 'a resolver URL (https://name/path#IP, dot://name#IP, udp://IP, tcp://IP)' : p.check === 'rendezvous' ? 'an https:// URL' : 'host:port';
  for (const text of expandProbe(p).bad) out.push(`${p.check}: "${text}" is not ${form}`);
  if (p.check === 'ech' && !p.server_name && !p.outer_names) out.push('ech: give the outer name(s) (server_name or outer_names)');
  if (p.check === 'rendezvous' && p.method === 'domain_fronting' && !p.host_header) out.push('rendezvous: domain fronting needs host_header (the broker behind the front)');
  if (p.check === 'echo') out.push("echo: the helper's echo ports come from --echo-ports, not from a list");
  if ((p.check === 'stun' || p.check === 'quic_ping') && p.transport === 'tcp') out.push(`${p.check} runs over UDP only`);
  if (p.check === 'tls' && p.variant === 'control' && !p.server_name) out.push('tls: a control handshake needs its own server_name (another name at the same address)');
  return out;
}

/** A port of the helper's echo service: `tcp:179`, `udp:3478`. */
export interface EchoPort {
  transport: Transport;
  port: number;
}

/** `tcp:179,3785 udp:3478` (or comma/space separated `tcp:179`, `udp:3478`) → ports; null when it does not parse. */
export function parseEchoPorts(text: string): EchoPort[] | null {
  const out: EchoPort[] = [];
  let transport: Transport | null = null;
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(?:(tcp|udp):)?(\d{1,5})$/.exec(token);
    if (!m) return null;
    transport = (m[1] as Transport | undefined) ?? transport;
    const port = Number(m[2]);
    if (!transport || port < 1 || port > 65535) return null;
    out.push({ transport, port });
  }
  return out.length ? out : null;
}

const SIGNATURES = [
  { variant: 'wireguard', name: 'WireGuard', transports: ['udp'], size: { udp: 148, tcp: 148 } },
  { variant: 'openvpn', name: 'OpenVPN', transports: ['udp', 'tcp'], size: { udp: 14, tcp: 16 } },
] as const;

/**
 * Ways that need the control helper's echo service at `host`: each port alone ("TCP 179"), and on
 * each port a protocol's first packet beside random bytes of the same size (WireGuard on UDP, OpenVPN
 * on UDP and TCP) to tell "the port is closed" from "the protocol is dropped by its signature".
 */
export function echoWays(host: string, ports: readonly EchoPort[]): WayPlan[] {
  const ways: WayPlan[] = ports.map((p) => ({ id: `port-${p.transport}-${p.port}`, kind: 'port', title: `${p.transport.toUpperCase()} ${p.port}`, private: false, pluggableTransport: null, probes: [{ check: 'echo', host, port: p.port, transport: p.transport, variant: 'plain', size: 32 }] }));
  for (const sig of SIGNATURES) {
    for (const p of ports.filter((x) => (sig.transports as readonly string[]).includes(x.transport))) {
      const size = sig.size[p.transport];
      const probe = (variant: 'wireguard' | 'openvpn' | 'random'): WayProbePlan => ({ check: 'echo', host, port: p.port, transport: p.transport, variant, size });
      ways.push({ id: `${sig.variant}-${p.transport}-${p.port}`, kind: 'signature', title: `${sig.name} on ${p.transport.toUpperCase()} ${p.port}`, private: false, pluggableTransport: null, probes: [probe(sig.variant), probe('random')] });
    }
  }
  return ways;
}
