import { createHash } from 'node:crypto';
import { splitHostPort } from '../net/endpoint.ts';
import type { WayPlan, WayProbePlan } from '../model/check.ts';

/**
 * The user's own ways out: bridge lines as Tor Browser takes them (`--bridge LINE`, `--bridges FILE`)
 * and `--endpoint proto://host:port` for a VPN or a proxy. They are private: each way is named by a
 * hash of what the user gave (as OONI's ts-023 does for private bridges) and its title says only the
 * transport and the port, so no report, export, history or evidence bundle carries the address,
 * unless the user asks for it in clear (`reveal`).
 */

export interface BridgeLine {
  /** obfs4, webtunnel, snowflake, meek_lite…; null for a plain (vanilla) bridge. */
  transport: string | null;
  host: string;
  port: number;
  fingerprint: string | null;
  params: Record<string, string>;
}

/** Parses one bridge line (`Bridge` prefix allowed); null when it is not one. */
export function parseBridgeLine(line: string): BridgeLine | null {
  const words = line.trim().replace(/^bridge\s+/i, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const transport = /^[a-z][a-z0-9_]*$/i.test(words[0] ?? '') && !(words[0] ?? '').includes(':') ? (words.shift() ?? null) : null;
  const { host, port } = splitHostPort(words.shift() ?? '');
  if (!host || port === null || port < 1 || port > 65535) return null;
  const fingerprint = words[0] && /^[0-9A-F]{40}$/i.test(words[0]) ? (words.shift() ?? null) : null;
  const params: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) return null;
    params[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return { transport, host, port, fingerprint, params };
}

/** `bridge-1a2b3c4d`: the name a private way is recorded under (a hash of what the user gave). */
export function privateId(kind: string, secret: string): string {
  return `${kind}-${createHash('sha256').update(secret.trim()).digest('hex').slice(0, 8)}`;
}

function urlHostPort(text: string | undefined): { host: string; port: number; path: string } | null {
  if (!text) return null;
  try {
    const u = new URL(text);
    return { host: splitHostPort(u.host).host, port: u.port ? Number(u.port) : 443, path: u.pathname || '/' };
  } catch {
    return null;
  }
}

/** Snowflake's line: its rendezvous (fronted, or the AMP cache) and its STUN servers (`ice=stun:host:port,…`). */
function snowflakeProbes(b: BridgeLine): WayProbePlan[] {
  const probes: WayProbePlan[] = [];
  const broker = urlHostPort(b.params.url);
  const fronts = (b.params.fronts ?? b.params.front ?? '').split(',').filter(Boolean);
  if (broker) for (const front of fronts) probes.push({ check: 'rendezvous', host: front, port: 443, transport: 'tcp', method: 'domain_fronting', serverName: front, hostHeader: broker.host, path: '/' });
  const amp = urlHostPort(b.params['ampcache']);
  if (amp && broker) probes.push({ check: 'rendezvous', host: amp.host, port: amp.port, transport: 'tcp', method: 'amp_cache', serverName: amp.host, hostHeader: amp.host, path: `/c/s/${broker.host}/` });
  for (const ice of (b.params.ice ?? '').split(',').filter((s) => s.startsWith('stun:'))) {
    const { host, port } = splitHostPort(ice.slice('stun:'.length));
    if (host) probes.push({ check: 'stun', host, port: port ?? 3478, transport: 'udp' });
  }
  return probes;
}

/** What a bridge line is checked with: a plain bridge's OR port (TLS), a transport's port (TCP), Snowflake's rendezvous and STUN, a webtunnel's or meek's HTTPS server. */
export function bridgeProbes(b: BridgeLine): WayProbePlan[] {
  if (b.transport === null) return [{ check: 'tor_or', host: b.host, port: b.port, transport: 'tcp' }];
  if (b.transport === 'snowflake') return snowflakeProbes(b);
  const url = urlHostPort(b.params.url);
  if ((b.transport === 'webtunnel' || b.transport === 'meek_lite') && url) {
    const front = b.params.front ?? url.host;
    return [{ check: 'rendezvous', host: front, port: url.port, transport: 'tcp', method: front === url.host ? 'direct' : 'domain_fronting', serverName: front, hostHeader: url.host, path: url.path }];
  }
  return [{ check: 'tcp', host: b.host, port: b.port, transport: 'tcp' }];
}

/** One bridge line → a private way. The title names the transport and the port only. */
export function bridgeWay(line: string, opts: { reveal?: boolean } = {}): WayPlan | null {
  const b = parseBridgeLine(line);
  if (!b) return null;
  const probes = bridgeProbes(b);
  if (probes.length === 0) return null;
  const what = b.transport ? `the ${b.transport} bridge` : 'the bridge';
  const where = opts.reveal ? ` at ${splitHostPort(line.trim().split(/\s+/).find((w) => w.includes(':')) ?? '').host}:${b.port}` : ` on port ${b.port}`;
  const portOnly = b.transport !== null && !['snowflake', 'webtunnel', 'meek_lite'].includes(b.transport);
  return { id: privateId('bridge', line), kind: b.transport === 'snowflake' ? 'snowflake' : 'tor_bridge', title: `Tor through ${what}${b.transport === 'snowflake' ? '' : where}`, private: !opts.reveal, pluggableTransport: portOnly ? b.transport : null, probes };
}

/** A bridges file: one line each; blank lines and # comments skipped. Bad lines come back with their numbers. */
export function bridgesFromText(text: string, opts: { reveal?: boolean } = {}): { ways: WayPlan[]; bad: number[] } {
  const ways: WayPlan[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const way = bridgeWay(line, opts);
    if (way) ways.push(way);
    else bad.push(i + 1);
  });
  return { ways, bad };
}

const ENDPOINT_SCHEMES: Readonly<Record<string, { check: WayProbePlan['check']; transport: 'tcp' | 'udp'; name: string; kind: WayPlan['kind'] }>> = {
  tcp: { check: 'tcp', transport: 'tcp', name: 'TCP endpoint', kind: 'proxy' },
  tls: { check: 'tls', transport: 'tcp', name: 'TLS endpoint', kind: 'proxy' },
  https: { check: 'rendezvous', transport: 'tcp', name: 'HTTPS endpoint', kind: 'proxy' },
  stun: { check: 'stun', transport: 'udp', name: 'STUN server', kind: 'proxy' },
  quic: { check: 'quic_ping', transport: 'udp', name: 'QUIC endpoint', kind: 'vpn' },
  openvpn: { check: 'openvpn', transport: 'udp', name: 'OpenVPN server (UDP)', kind: 'vpn' },
  'openvpn+tcp': { check: 'openvpn', transport: 'tcp', name: 'OpenVPN server (TCP)', kind: 'vpn' },
};

export const ENDPOINT_SCHEME_NAMES = Object.keys(ENDPOINT_SCHEMES);

/** `--endpoint proto://host:port` → a private way; null when the scheme or the address does not parse. */
export function endpointWay(spec: string, opts: { reveal?: boolean } = {}): WayPlan | null {
  const m = /^([a-z+]+):\/\/(.+)$/.exec(spec.trim());
  const scheme = m ? ENDPOINT_SCHEMES[m[1] ?? ''] : undefined;
  if (!m || !scheme) return null;
  const rest = m[2] ?? '';
  const authority = rest.split('/')[0] ?? '';
  const { host, port } = splitHostPort(authority);
  const p = port ?? (scheme.check === 'rendezvous' || scheme.check === 'tls' ? 443 : null);
  if (!host || p === null || p < 1 || p > 65535) return null;
  const path = rest.slice(authority.length) || '/';
  const probe: WayProbePlan = { check: scheme.check, host, port: p, transport: scheme.transport, ...(scheme.check === 'tls' || scheme.check === 'rendezvous' ? { serverName: host } : {}), ...(scheme.check === 'rendezvous' ? { method: 'direct' as const, hostHeader: host, path } : {}) };
  const where = opts.reveal ? `${authority}` : `port ${p}`;
  return { id: privateId('endpoint', spec), kind: scheme.kind, title: `your ${scheme.name} on ${where}`, private: !opts.reveal, pluggableTransport: null, probes: [probe] };
}

/** What a run's ways come from: the lists' `ways:` plans, the user's bridges and endpoints, the helper's echo ways. */
export interface WaysInput {
  listWays: readonly WayPlan[];
  /** `--bridge LINE`, repeatable. */
  bridges: readonly string[];
  /** `--bridges FILE`, read: its text and its name (for messages). */
  bridgeFiles: ReadonlyArray<{ file: string; text: string }>;
  /** `--endpoint proto://host:port`, repeatable. */
  endpoints: readonly string[];
  /** Ways through the helper's echo service (lists/ways.ts echoWays), when asked for. */
  echoWays: readonly WayPlan[];
  /** Keep private addresses in clear (the user asked). */
  reveal: boolean;
}

/** Every way of a run, the user's own first; bad input comes back as one message each (no address in it). */
export function planWays(input: WaysInput): { plans: WayPlan[]; problems: string[] } {
  const problems: string[] = [];
  const opts = { reveal: input.reveal };
  const mine: WayPlan[] = [];
  input.bridges.forEach((line, i) => {
    const w = bridgeWay(line, opts);
    if (w) mine.push(w);
    else problems.push(`--bridge #${i + 1} is not a bridge line (transport, host:port, fingerprint, key=value…)`);
  });
  for (const f of input.bridgeFiles) {
    const r = bridgesFromText(f.text, opts);
    mine.push(...r.ways);
    for (const line of r.bad) problems.push(`${f.file}:${line}: not a bridge line`);
  }
  input.endpoints.forEach((spec, i) => {
    const w = endpointWay(spec, opts);
    if (w) mine.push(w);
    else problems.push(`--endpoint #${i + 1} is not proto://host:port with proto one of ${ENDPOINT_SCHEME_NAMES.join(', ')}`);
  });
  return { plans: [...mine, ...input.echoWays, ...input.listWays], problems };
}
