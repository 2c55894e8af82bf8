import { createHash } from 'node:crypto';
import { startClock, deadlineSignal, type Clock } from '../net/clock.ts';
import { isForbiddenDestination } from '../net/addresses.ts';
import { addressFamily, isIpLiteral, joinHostPort } from '../net/endpoint.ts';
import { lookupSystem } from '../net/dns.ts';
import { Semaphore } from '../net/semaphore.ts';
import type { TrustStore } from '../net/tls.ts';
import type { CheckOptions } from '../net/checks/common.ts';
import { dnsResolverProbe } from '../net/checks/dns-resolver.ts';
import { echProbe } from '../net/checks/ech.ts';
import { echoProbe } from '../net/checks/echo.ts';
import { openvpnResetProbe } from '../net/checks/openvpn-reset.ts';
import { quicPingProbe } from '../net/checks/quic-ping.ts';
import { rendezvousProbe } from '../net/checks/rendezvous.ts';
import { stunProbe } from '../net/checks/stun.ts';
import { tcpConnectProbe } from '../net/checks/tcp-connect.ts';
import { tlsHandshakeProbe } from '../net/checks/tls-handshake.ts';
import { torDirProbe } from '../net/checks/tor-dir.ts';
import { PRIVATE_ADDRESS } from '../model/private.ts';
import type { WayMeasurement, WayPlan, WayProbe, WayProbePlan } from '../model/check.ts';
import { FAILURES } from '../model/failure.ts';

/**
 * Runs the ways out: every probe of every way in parallel (bounded), each with its own deadline and
 * the run's signal, so a network that drops everything costs one timeout, not one per probe. Names
 * are resolved by the system resolver; an address that is this machine's or a private network's is
 * recorded and never dialled (net/addresses.ts isForbiddenDestination, as for redirects).
 */
export interface WaysContext {
  trust: TrustStore;
  /** Per probe (default 6 s). */
  timeoutMs?: number;
  /** Probes in flight at once (default 128: a probe is one socket; the shipped list fits in one round). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Loopback tests: dial this machine's addresses too. */
  dialLoopback?: boolean;
  /** Record private ways' addresses in clear (the user asked). */
  revealPrivate?: boolean;
  clock?: Clock;
  /** Name → addresses (default: the system resolver). */
  resolve?: (host: string, clock: Clock, timeoutMs: number, signal?: AbortSignal) => Promise<{ ips: string[]; failure: string | null }>;
}

export const WAYS_DEFAULTS = { timeoutMs: 6000, concurrency: 128 } as const;

async function systemResolve(host: string, clock: Clock, timeoutMs: number, signal?: AbortSignal): Promise<{ ips: string[]; failure: string | null }> {
  const o = await lookupSystem(host, { clock, timeoutMs, ...(signal ? { signal } : {}) });
  return { ips: o.answers.map((a) => a.value), failure: o.failure };
}

/** `bridge-1a2b3c4d`: how a private way is named wherever it is recorded (a hash of what the user gave, as OONI's ts-023 does). */
export function privateLabel(kind: string, secret: string): string {
  return `${kind}-${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`;
}

/** A probe that was never sent: its kind's fields, empty, and why. */
export function unsentProbe(plan: WayProbePlan, endpoint: string, ip: string, failure: string, detail: string): WayProbe {
  const b = { endpoint, ip, port: plan.port, transport: plan.transport, failure, detail, t0: 0, t: 0 };
  switch (plan.check) {
    case 'tcp':
      return { check: 'tcp', ...b };
    case 'tls':
    case 'tor_or':
      return { check: plan.check, ...b, serverName: plan.serverName ?? null, tlsVersion: null, certificate: null, chainTrusted: null, ...(plan.variant ? { variant: plan.variant } : {}) };
    case 'tor_dir':
      return { check: 'tor_dir', ...b, status: null, bytes: 0 };
    case 'stun':
      return { check: 'stun', ...b, mappedFamily: null };
    case 'resolver':
      return { check: 'resolver', ...b, resolver: plan.resolver ?? 'udp', query: plan.query ?? '', rcode: null, answers: [], chainTrusted: null };
    case 'quic_ping':
      return { check: 'quic_ping', ...b, versions: [] };
    case 'ech':
      return { check: 'ech', ...b, variant: plan.variant ?? 'control', serverName: plan.serverName ?? '', reply: 'none' };
    case 'openvpn':
      return { check: 'openvpn', ...b, serverSession: false };
    case 'rendezvous':
      return { check: 'rendezvous', ...b, method: plan.method ?? 'direct', serverName: plan.serverName ?? null, hostHeader: plan.hostHeader ?? null, tlsVersion: null, chainTrusted: null, status: null };
    case 'echo':
      return { check: 'echo', ...b, variant: plan.variant ?? 'plain', sent: 0, echoed: 0 };
  }
}

/** Sends one probe to `ip`. */
export function sendProbe(plan: WayProbePlan, ip: string, opts: CheckOptions & { trust: TrustStore }): Promise<WayProbe> {
  const { port } = plan;
  switch (plan.check) {
    case 'tcp':
      return tcpConnectProbe(ip, port, opts);
    case 'tls':
    case 'tor_or':
      return tlsHandshakeProbe(ip, port, plan.serverName ?? null, plan.check, { ...opts, ...(plan.variant === 'control' ? { variant: 'control' as const } : {}) });
    case 'tor_dir':
      return torDirProbe(ip, port, opts, plan.path);
    case 'stun':
      return stunProbe(ip, port, opts);
    case 'resolver':
      return dnsResolverProbe(ip, port, { kind: plan.resolver ?? 'udp', query: plan.query ?? 'example.org', ...(plan.serverName ? { serverName: plan.serverName } : {}), ...(plan.path ? { path: plan.path } : {}) }, opts);
    case 'quic_ping':
      return quicPingProbe(ip, port, opts);
    case 'ech':
      return echProbe(ip, port, plan.serverName ?? plan.host, plan.variant === 'grease_ech' ? 'grease_ech' : 'control', opts);
    case 'openvpn':
      return openvpnResetProbe(ip, port, plan.transport, opts);
    case 'rendezvous':
      return rendezvousProbe(ip, port, { method: plan.method ?? 'direct', serverName: plan.serverName ?? plan.host, hostHeader: plan.hostHeader ?? plan.serverName ?? plan.host, path: plan.path ?? '/' }, opts);
    case 'echo':
      return echoProbe(ip, port, plan.transport, plan.variant ?? 'plain', plan.size ?? 32, opts);
  }
}

/** Resolves the probe's host, refuses what must not be dialled, and sends it. */
async function runProbe(way: WayPlan, plan: WayProbePlan, ctx: WaysContext & { clock: Clock; timeoutMs: number }, signal: AbortSignal): Promise<WayProbe> {
  const hidden = way.private && !ctx.revealPrivate;
  const label = hidden ? `${way.id}:${plan.port}` : joinHostPort(plan.host, plan.port);
  let ip = plan.host;
  if (!isIpLiteral(plan.host)) {
    const r = await (ctx.resolve ?? systemResolve)(plan.host, ctx.clock, ctx.timeoutMs, signal);
    const pick = r.ips.find((a) => addressFamily(a) === 4) ?? r.ips[0];
    if (!pick) return unsentProbe(plan, label, '', r.failure ?? FAILURES.noAnswer, `${hidden ? 'the name' : plan.host} did not resolve`);
    ip = pick;
  }
  const shown = hidden ? PRIVATE_ADDRESS : ip;
  if (!ctx.dialLoopback && isForbiddenDestination(ip)) return unsentProbe(plan, label, shown, FAILURES.notDialled, 'not dialled: a local or private address');
  const probe = await sendProbe(plan, ip, { clock: ctx.clock, timeoutMs: ctx.timeoutMs, signal, label, private: hidden, trust: ctx.trust });
  return hidden ? scrubProbe(probe, [plan.host, ip, plan.serverName, plan.hostHeader]) : probe;
}

/**
 * A private way's probe with every name and address it was given replaced by PRIVATE_ADDRESS, in
 * every string field (SNI, Host, the detail line): what reaches a report cannot name the endpoint.
 */
export function scrubProbe(probe: WayProbe, secrets: ReadonlyArray<string | undefined>): WayProbe {
  const words = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 3))].sort((a, b) => b.length - a.length);
  const scrub = (v: string): string => words.reduce((text, w) => text.split(w).join(PRIVATE_ADDRESS), v);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(probe)) out[k] = typeof v === 'string' && k !== 'check' && k !== 'endpoint' ? scrub(v) : v;
  return out as WayProbe;
}

/** Measures every way; the result keeps the list's order. */
export async function measureWays(plans: readonly WayPlan[], ctx: WaysContext): Promise<WayMeasurement[]> {
  // One lookup per name per run: probes of one host (a front and its control) dial the same address.
  const lookups = new Map<string, Promise<{ ips: string[]; failure: string | null }>>();
  const resolve = ctx.resolve ?? systemResolve;
  const cached: NonNullable<WaysContext['resolve']> = (host, clock, timeoutMs, signal) => {
    let r = lookups.get(host);
    if (!r) lookups.set(host, (r = resolve(host, clock, timeoutMs, signal)));
    return r;
  };
  const full = { ...ctx, resolve: cached, clock: ctx.clock ?? startClock(), timeoutMs: ctx.timeoutMs ?? WAYS_DEFAULTS.timeoutMs };
  const slots = new Semaphore(ctx.concurrency ?? WAYS_DEFAULTS.concurrency);
  const one = async (way: WayPlan, plan: WayProbePlan): Promise<WayProbe> => {
    const label = way.private && !ctx.revealPrivate ? `${way.id}:${plan.port}` : joinHostPort(plan.host, plan.port);
    const release = await slots.acquire(ctx.signal);
    if (!release) return unsentProbe(plan, label, '', FAILURES.interrupted, 'the run ended first');
    // Resolution and the probe together within twice the probe timeout.
    const { signal, release: done } = deadlineSignal(full.timeoutMs * 2, ctx.signal);
    try {
      return await runProbe(way, plan, full, signal);
    } finally {
      done();
      release();
    }
  };
  return Promise.all(plans.map(async (way) => ({ id: way.id, kind: way.kind, title: way.title, private: way.private, pluggableTransport: way.pluggableTransport, probes: await Promise.all(way.probes.map((p) => one(way, p))) })));
}
