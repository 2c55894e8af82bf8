import { queryHelpers } from '../helper/client.ts';
import { startClock, type Clock } from '../net/clock.ts';
import { addressesOf, resolveHost, resolverLabel, type DnsOptions, type ResolverSpec } from '../net/dns.ts';
import type { DnsObservation, HttpObservation, TcpConnectObservation, TlsHandshakeObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import { destroyOnAbort, tcpConnect } from '../net/tcp.ts';
import { tlsHandshake } from '../net/tls.ts';
import { hedgedAttempts } from '../net/hedge.ts';
import type { ReusedConnection } from '../net/http.ts';
import type { MeasureContext } from './context.ts';
import { fetchFollowingRedirects } from '../net/fetch.ts';
import type { AddressInfo, SniProbe, ThroughputProbe, WebMeasurement } from '../model/measurement.ts';
import { lookedSlow, proveThroughput } from './throughput.ts';
import type { WebTarget } from '../model/target.ts';
import { FAILURES, isCertificateFailure } from '../model/failure.ts';
import { isIpLiteral, joinHostPort, splitHostPort, urlEndpoint } from '../net/endpoint.ts';
import { isSelfAddress } from '../net/addresses.ts';


/** At most this many addresses per target are dialled: enough to see IP blocking, bounded for big CDNs. */
const MAX_ADDRESSES = 6;

/** Resolves with the control resolvers in order: a fallback is tried only when a resolver gives nothing definite. */
export async function resolveControl(hostname: string, ctx: MeasureContext, clock: Clock): Promise<DnsObservation[]> {
  const all: DnsObservation[] = [];
  for (const resolver of ctx.controlResolvers) {
    if (ctx.signal?.aborted) break;
    const obs = await resolveHost(resolver, hostname, {
      clock,
      timeoutMs: ctx.timeouts.dnsMs,
      dispatcher: ctx.dispatcher,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.handshakeFor ? { handshakeFor: ctx.handshakeFor } : {}),
    });
    all.push(...obs);
    if (obs.some(isDefiniteAnswer)) break;
  }
  return all;
}

/** One dial attempt: TCP, then TLS for https (the socket kept open for the fetch). */
interface DialAttempt {
  tcp: TcpConnectObservation;
  tls: TlsHandshakeObservation | null;
  connection: ReusedConnection | null;
}

/** The connect timeout for this run now: adaptive when the run keeps round-trip times. */
export function connectTimeoutFor(ctx: MeasureContext): number {
  return ctx.rtt ? ctx.rtt.connectTimeoutMs(ctx.timeouts.tcpMs) : ctx.timeouts.tcpMs;
}

export const DEFAULT_HEDGE_DELAY_MS = 1000;

/** One web measurement under way: what every step reads, and the connections kept for the fetch. */
interface WebRun {
  target: WebTarget;
  ctx: MeasureContext;
  clock: Clock;
  hostname: string;
  port: number;
  https: boolean;
  /** The URL names an IP address: no DNS, no SNI. */
  literal: boolean;
  /** The SNI sent to the target (none for an IP literal). */
  sni: string | null;
  sig: { signal?: AbortSignal };
  dnsOpts: DnsOptions;
  /** Late (injected) DNS replies are listened for in the background; the measurement waits for them at the end. */
  lingering: Promise<void>[];
  /** Connections kept for the fetch; whatever is left is closed before returning. */
  kept: Map<string, ReusedConnection>;
}

/** What dialling the addresses gave: every attempt, which addresses answered, where the handshake failed. */
interface Dialled {
  tcp: TcpConnectObservation[];
  tls: TlsHandshakeObservation[];
  reachable: string[];
  sniFailedAt: string[];
}

export async function measureWeb(target: WebTarget, ctx: MeasureContext): Promise<WebMeasurement> {
  const run = startWebRun(target, ctx);
  try {
    const { local, control } = await resolveTarget(run);
    const addresses = listAddresses(run, local, control);
    const dialable = addresses.filter((a) => !a.skipped).slice(0, MAX_ADDRESSES);
    const helperPromise = askHelpers(run, dialable);
    const dialled = await dialAddresses(run, dialable);
    const sniProbes = await proveSniFiltering(run, dialled.sniFailedAt);
    const controlRecheck = await recheckControl(run, dialled.reachable.length < dialable.length);
    const { http, redirectDns } = await fetchPage(run, dialable.find((a) => dialled.reachable.includes(a.ip))?.ip);
    const helper = await helperPromise;
    const throughput = await proveByName(run, http, helper);
    // The late-reply windows end here at the latest; their evidence is part of the measurement.
    await Promise.all(run.lingering);
    const order = (x: { ip: string }, y: { ip: string }): number => addresses.findIndex((a) => a.ip === x.ip) - addresses.findIndex((a) => a.ip === y.ip);
    return {
      target,
      startedAt: run.clock.startedAt,
      runtime: run.clock.now(),
      hostname: run.hostname,
      port: run.port,
      localResolver: resolverLabel(ctx.localResolver as ResolverSpec),
      dns: { local, control },
      addresses,
      tcp: dialled.tcp.sort(order),
      tls: dialled.tls.sort(order),
      http,
      redirectDns,
      helper,
      controlRecheck,
      sniProbes,
      deadlineExceeded: false,
      ...(throughput ? { throughput } : {}),
    };
  } finally {
    for (const c of run.kept.values()) c.socket.destroy();
  }
}

function startWebRun(target: WebTarget, ctx: MeasureContext): WebRun {
  const clock = startClock();
  const sig = ctx.signal ? { signal: ctx.signal } : {};
  const url = new URL(target.url);
  const { host: hostname, port } = urlEndpoint(url);
  const literal = isIpLiteral(hostname);
  const lingering: Promise<void>[] = [];
  const dnsOpts = { clock, timeoutMs: ctx.timeouts.dnsMs, dispatcher: ctx.dispatcher, lingerMs: ctx.dnsLingerMs, background: (p: Promise<void>) => lingering.push(p), ...sig };
  return { target, ctx, clock, hostname, port, https: url.protocol === 'https:', literal, sni: literal ? null : hostname, sig, dnsOpts, lingering, kept: new Map() };
}

/** The resolver under test and the control, side by side (neither for an IP literal). */
async function resolveTarget(run: WebRun): Promise<{ local: DnsObservation[]; control: DnsObservation[] }> {
  if (run.literal) return { local: [], control: [] };
  const [local, control] = await Promise.all([resolveHost(run.ctx.localResolver, run.hostname, run.dnsOpts), resolveControl(run.hostname, run.ctx, run.clock)]);
  return { local, control };
}

/** Every address either resolver gave (the literal itself for an IP URL), with its sources; this machine's own are skipped. */
function listAddresses(run: WebRun, local: DnsObservation[], control: DnsObservation[]): AddressInfo[] {
  const addresses: AddressInfo[] = [];
  const byIp = new Map<string, AddressInfo>();
  const note = (ip: string, source: AddressInfo['sources'][number]): void => {
    let a = byIp.get(ip);
    if (!a) {
      a = { ip, sources: [], skipped: !run.literal && !run.ctx.dialLoopback && isSelfAddress(ip) ? 'loopback' : null };
      byIp.set(ip, a);
      addresses.push(a);
    }
    if (!a.sources.includes(source)) a.sources.push(source);
  };
  (run.literal ? [run.hostname] : addressesOf(local)).forEach((ip) => note(ip, 'local'));
  addressesOf(control).forEach((ip) => note(ip, 'control'));
  return addresses;
}

/** The control helpers, asked in the background while we dial: the same URL and endpoints from outside. */
function askHelpers(run: WebRun, dialable: AddressInfo[]): Promise<WebMeasurement['helper']> {
  const { ctx } = run;
  const helperUrls = ctx.helperUrls?.length ? ctx.helperUrls : ctx.helperUrl ? [ctx.helperUrl] : [];
  if (!helperUrls.length) return Promise.resolve(null);
  const endpoints = dialable.map((a) => joinHostPort(a.ip, run.port));
  return queryHelpers(helperUrls, run.target.url, endpoints, { timeoutMs: ctx.timeouts.helperMs, dispatcher: ctx.dispatcher, clock: run.clock, ...run.sig });
}

/** Dials every address at once; for an http target, an address the control did not give is validated by TLS on 443 (OONI's E001). */
async function dialAddresses(run: WebRun, dialable: AddressInfo[]): Promise<Dialled> {
  const dialled: Dialled = { tcp: [], tls: [], reachable: [], sniFailedAt: [] };
  await Promise.all(
    dialable.map(async (a) => {
      if (await dial(run, a.ip, dialled)) dialled.reachable.push(a.ip);
      if (!run.https && !run.literal && !a.sources.includes('control') && dialled.reachable.includes(a.ip)) {
        const hs = await tlsHandshake(a.ip, 443, run.hostname, { clock: run.clock, timeoutMs: run.ctx.timeouts.tlsMs, trust: run.ctx.trust, ...run.sig, connectTimeoutMs: connectTimeoutFor(run.ctx) });
        dialled.tls.push(hs.observation);
      }
    }),
  );
  return dialled;
}

/**
 * TCP (+ TLS for https) to one address; a failure is retried on fresh connections before it
 * stands. The attempts are hedged: the next starts when the previous has not connected within
 * a second, so a blackholed address costs one connect timeout, not one per attempt.
 */
async function dial(run: WebRun, ip: string, dialled: Dialled): Promise<boolean> {
  const { ctx, clock, port } = run;
  const connectTimeoutMs = connectTimeoutFor(ctx);
  const tlsOpts = { clock, timeoutMs: ctx.timeouts.tlsMs, trust: ctx.trust, ...run.sig };
  const { completed, winner } = await hedgedAttempts<DialAttempt>({
    attempts: ctx.retries + 1,
    hedgeDelayMs: ctx.hedgeDelayMs ?? DEFAULT_HEDGE_DELAY_MS,
    ...run.sig,
    run: async (_i, control) => {
      const c = await tcpConnect(ip, port, { clock, timeoutMs: connectTimeoutMs, signal: control.signal, onConnected: control.answered, recordTimeout: true });
      if (!c.socket) return { tcp: c.observation, tls: null, connection: null };
      ctx.rtt?.record((c.observation.t - c.observation.t0) * 1000);
      if (!run.https) return { tcp: c.observation, tls: null, connection: { socket: c.socket, tls: null } };
      const hs = await tlsHandshake(ip, port, run.sni, { ...tlsOpts, signal: control.signal, socket: c.socket, alpn: ['http/1.1'], keepOpen: true, ...(run.literal ? { verifyName: run.hostname } : {}) });
      return { tcp: c.observation, tls: hs.observation, connection: hs.socket ? { socket: hs.socket, tls: hs.observation } : null };
    },
    // A certificate answer is an answer: retrying would only get the same certificate.
    outcome: (r) => (r.connection ? 'ok' : r.tls && isCertificateFailure(r.tls.failure) ? 'final' : 'retry'),
    discard: (r) => r.connection?.socket.destroy(),
  });
  for (const r of completed) {
    dialled.tcp.push(r.tcp);
    if (r.tls) dialled.tls.push(r.tls);
    if (r !== winner) r.connection?.socket.destroy();
  }
  if (winner?.connection) {
    run.kept.set(ip, winner.connection);
    if (ctx.signal) destroyOnAbort(winner.connection.socket, ctx.signal);
    return true;
  }
  const last = completed.at(-1);
  if (!winner && run.sni && last?.tls && last.tls.failure !== null) dialled.sniFailedAt.push(ip);
  return false;
}

/** Proof of SNI filtering: does the same address complete a handshake for a harmless name, or none? And a neutral host for the target's name? */
async function proveSniFiltering(run: WebRun, sniFailedAt: string[]): Promise<SniProbe[]> {
  const { ctx, sni, port } = run;
  const ip = sniFailedAt[0];
  if (!sni || ip === undefined) return [];
  const anyHandshake = { clock: run.clock, timeoutMs: ctx.timeouts.tlsMs, trust: ctx.trust, connectTimeoutMs: connectTimeoutFor(ctx), ...run.sig };
  const [harmless, none] = await Promise.all([tlsHandshake(ip, port, ctx.harmlessSni, anyHandshake), tlsHandshake(ip, port, null, anyHandshake)]);
  const probes: SniProbe[] = [{ kind: 'same-ip-harmless-sni', handshake: harmless.observation }, { kind: 'same-ip-no-sni', handshake: none.observation }];
  if (!ctx.sniProbeHost) return probes;
  const { host: probeHost, port: probePort } = splitHostPort(ctx.sniProbeHost);
  const probeIp = isIpLiteral(probeHost) ? probeHost : addressesOf(await resolveControl(probeHost, ctx, run.clock))[0];
  if (!probeIp) return probes;
  const p = probePort ?? 443;
  const [target, control] = await Promise.all([tlsHandshake(probeIp, p, sni, anyHandshake), tlsHandshake(probeIp, p, ctx.harmlessSni, anyHandshake)]);
  probes.push({ kind: 'neutral-host-target-sni', handshake: target.observation }, { kind: 'neutral-host-harmless-sni', handshake: control.observation });
  return probes;
}

/**
 * A page that came slowly or stalled, with a control helper: the helper's throughput reference with
 * the target's name and with a harmless one (src/measure/throughput.ts). Null when not asked for.
 */
async function proveByName(run: WebRun, http: HttpObservation[], helper: WebMeasurement['helper']): Promise<ThroughputProbe | null> {
  const { ctx } = run;
  const helperUrl = (helper?.response ? helper.url : null) ?? ctx.helperUrls?.[0] ?? ctx.helperUrl;
  if (!helperUrl || !run.https || !run.sni || !lookedSlow(http) || ctx.signal?.aborted) return null;
  const addressOf = async (host: string): Promise<string | null> => addressesOf(await resolveControl(host, ctx, run.clock))[0] ?? null;
  return proveThroughput({ helperUrl, sni: run.sni, harmlessSni: ctx.harmlessSni, clock: run.clock, addressOf, ...run.sig });
}

/** Right after a failure, ask the control again: if it fails now, the network broke, not the site. */
async function recheckControl(run: WebRun, failedSomewhere: boolean): Promise<DnsObservation[]> {
  return failedSomewhere && !run.literal ? resolveControl(run.hostname, run.ctx, run.clock) : [];
}

/**
 * Fetches from the resolver-under-test's address when one works, so block pages behind DNS are
 * seen, over the connection whose handshake was measured (one handshake per target). The other
 * kept connections are closed first.
 */
async function fetchPage(run: WebRun, first: string | undefined): Promise<{ http: HttpObservation[]; redirectDns: DnsObservation[] }> {
  const { ctx, kept } = run;
  for (const [ip, c] of kept) {
    if (ip !== first) {
      c.socket.destroy();
      kept.delete(ip);
    }
  }
  if (!first) return { http: [], redirectDns: [] };
  const reuse = kept.get(first);
  kept.delete(first);
  const httpOpts = {
    clock: run.clock,
    connectTimeoutMs: connectTimeoutFor(ctx),
    tlsTimeoutMs: ctx.timeouts.tlsMs,
    httpTimeoutMs: ctx.timeouts.httpMs,
    trust: ctx.trust,
    bodyLimit: ctx.bodyLimit,
    ...(ctx.dialLoopback ? { dialLoopbackAnswers: true } : {}),
    ...run.sig,
  };
  const resolveHop = async (h: string) => {
    const observations = await resolveHost(ctx.localResolver, h, run.dnsOpts);
    // Every answer goes back: the redirect check refuses (and records) local and reserved addresses.
    return { observations, addresses: addressesOf(observations) };
  };
  // A kept connection the server has closed meanwhile (idle timeout) is not evidence: dial afresh.
  const usable = reuse && !reuse.socket.destroyed && reuse.socket.writable && reuse.socket.readable ? reuse : undefined;
  if (reuse && !usable) reuse.socket.destroy();
  let fetched = await fetchFollowingRedirects(run.target.url, first, resolveHop, { ...httpOpts, ...(usable ? { firstConnection: usable } : {}) });
  const firstHop = fetched.hops[0];
  if (usable && firstHop && firstHop.status === null && firstHop.failure === FAILURES.eof && !ctx.signal?.aborted) {
    // The server dropped the idle connection as the request went out: what a fresh connection
    // gets is the evidence (as before, when every fetch dialled its own).
    fetched = await fetchFollowingRedirects(run.target.url, first, resolveHop, httpOpts);
  }
  return { http: fetched.hops, redirectDns: fetched.redirectDns };
}
