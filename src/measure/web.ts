import { isIP } from 'node:net';
import { queryHelpers } from '../helper/client.ts';
import { startClock, type Clock } from '../net/clock.ts';
import { addressesOf, resolveHost, resolverLabel, type ResolverSpec } from '../net/dns.ts';
import type { DnsObservation, HttpObservation, TcpConnectObservation, TlsHandshakeObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import { destroyOnAbort, tcpConnect } from '../net/tcp.ts';
import { tlsHandshake } from '../net/tls.ts';
import { hedgedAttempts } from '../net/hedge.ts';
import type { ReusedConnection } from '../net/http.ts';
import type { MeasureContext } from './context.ts';
import { fetchFollowingRedirects } from '../net/fetch.ts';
import type { AddressInfo, SniProbe, WebMeasurement } from '../model/measurement.ts';
import type { WebTarget } from '../model/target.ts';
import { FAILURES, isCertificateFailure } from '../model/failure.ts';
import { splitHostPort } from '../net/endpoint.ts';
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

export async function measureWeb(target: WebTarget, ctx: MeasureContext): Promise<WebMeasurement> {
  const clock = startClock();
  const signal = ctx.signal;
  const sig = signal ? { signal } : {};
  const url = new URL(target.url);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const https = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : https ? 443 : 80;
  const literal = isIP(hostname) !== 0;
  // Late (injected) DNS replies are listened for in the background; the measurement waits for them at the end.
  const lingering: Promise<void>[] = [];
  const dnsOpts = { clock, timeoutMs: ctx.timeouts.dnsMs, dispatcher: ctx.dispatcher, lingerMs: ctx.dnsLingerMs, background: (p: Promise<void>) => lingering.push(p), ...sig };
  /** Connections kept for the fetch; whatever is left is closed before returning. */
  const kept = new Map<string, ReusedConnection>();
  try {
    const [local, control] = literal
      ? [[], []]
      : await Promise.all([resolveHost(ctx.localResolver, hostname, dnsOpts), resolveControl(hostname, ctx, clock)]);
    const localAddrs = literal ? [hostname] : addressesOf(local);
    const controlAddrs = addressesOf(control);

    const addresses: AddressInfo[] = [];
    const byIp = new Map<string, AddressInfo>();
    const note = (ip: string, source: AddressInfo['sources'][number]): void => {
      let a = byIp.get(ip);
      if (!a) {
        a = { ip, sources: [], skipped: !literal && !ctx.dialLoopback && isSelfAddress(ip) ? 'loopback' : null };
        byIp.set(ip, a);
        addresses.push(a);
      }
      if (!a.sources.includes(source)) a.sources.push(source);
    };
    localAddrs.forEach((ip) => note(ip, 'local'));
    controlAddrs.forEach((ip) => note(ip, 'control'));

    const endpointKey = (ip: string): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
    const dialable = addresses.filter((a) => !a.skipped).slice(0, MAX_ADDRESSES);
    const helperUrls = ctx.helperUrls?.length ? ctx.helperUrls : ctx.helperUrl ? [ctx.helperUrl] : [];
    const helperPromise = helperUrls.length
      ? queryHelpers(helperUrls, target.url, dialable.map((a) => endpointKey(a.ip)), { timeoutMs: ctx.timeouts.helperMs, dispatcher: ctx.dispatcher, clock, ...sig })
      : Promise.resolve(null);

    const tcp: TcpConnectObservation[] = [];
    const tls: TlsHandshakeObservation[] = [];
    const tlsOpts = { clock, timeoutMs: ctx.timeouts.tlsMs, trust: ctx.trust, ...sig };
    const sni = literal ? null : hostname;
    const reachable: string[] = [];
    const sniFailedAt: string[] = [];
    /**
     * TCP (+ TLS for https) to one address; a failure is retried on fresh connections before it
     * stands. The attempts are hedged: the next starts when the previous has not connected within
     * a second, so a blackholed address costs one connect timeout, not one per attempt.
     */
    const dial = async (ip: string): Promise<boolean> => {
      const connectTimeoutMs = connectTimeoutFor(ctx);
      const { completed, winner } = await hedgedAttempts<DialAttempt>({
        attempts: ctx.retries + 1,
        hedgeDelayMs: ctx.hedgeDelayMs ?? DEFAULT_HEDGE_DELAY_MS,
        ...sig,
        run: async (_i, control) => {
          const c = await tcpConnect(ip, port, { clock, timeoutMs: connectTimeoutMs, signal: control.signal, onConnected: control.answered, recordTimeout: true });
          if (!c.socket) return { tcp: c.observation, tls: null, connection: null };
          ctx.rtt?.record((c.observation.t - c.observation.t0) * 1000);
          if (!https) return { tcp: c.observation, tls: null, connection: { socket: c.socket, tls: null } };
          const hs = await tlsHandshake(ip, port, sni, { ...tlsOpts, signal: control.signal, socket: c.socket, alpn: ['http/1.1'], keepOpen: true, ...(literal ? { verifyName: hostname } : {}) });
          return { tcp: c.observation, tls: hs.observation, connection: hs.socket ? { socket: hs.socket, tls: hs.observation } : null };
        },
        // A certificate answer is an answer: retrying would only get the same certificate.
        outcome: (r) => (r.connection ? 'ok' : r.tls && isCertificateFailure(r.tls.failure) ? 'final' : 'retry'),
        discard: (r) => r.connection?.socket.destroy(),
      });
      for (const r of completed) {
        tcp.push(r.tcp);
        if (r.tls) tls.push(r.tls);
        if (r !== winner) r.connection?.socket.destroy();
      }
      if (winner?.connection) {
        kept.set(ip, winner.connection);
        if (signal) destroyOnAbort(winner.connection.socket, signal);
        return true;
      }
      const last = completed.at(-1);
      if (!winner && sni && last?.tls && last.tls.failure !== null) sniFailedAt.push(ip);
      return false;
    };
    await Promise.all(
      dialable.map(async (a) => {
        if (await dial(a.ip)) reachable.push(a.ip);
        // OONI's E001: an http target's address the control did not give is validated by a TLS handshake on 443.
        if (!https && !literal && !a.sources.includes('control') && reachable.includes(a.ip)) {
          const hs = await tlsHandshake(a.ip, 443, hostname, { ...tlsOpts, connectTimeoutMs: connectTimeoutFor(ctx) });
          tls.push(hs.observation);
        }
      }),
    );

    // Proof of SNI filtering: does the same address complete a handshake for a harmless name, or none?
    const sniProbes: SniProbe[] = [];
    const anyHandshake = { clock, timeoutMs: ctx.timeouts.tlsMs, trust: ctx.trust, connectTimeoutMs: connectTimeoutFor(ctx), ...sig };
    if (sni && sniFailedAt.length) {
      const ip = sniFailedAt[0] as string;
      const [harmless, none] = await Promise.all([tlsHandshake(ip, port, ctx.harmlessSni, anyHandshake), tlsHandshake(ip, port, null, anyHandshake)]);
      sniProbes.push({ kind: 'same-ip-harmless-sni', handshake: harmless.observation }, { kind: 'same-ip-no-sni', handshake: none.observation });
      if (ctx.sniProbeHost) {
        const { host: probeHost, port: probePort } = splitHostPort(ctx.sniProbeHost);
        const probeIp = isIP(probeHost) ? probeHost : addressesOf(await resolveControl(probeHost, ctx, clock))[0];
        if (probeIp) {
          const p = probePort ?? 443;
          const [target, control] = await Promise.all([tlsHandshake(probeIp, p, sni, anyHandshake), tlsHandshake(probeIp, p, ctx.harmlessSni, anyHandshake)]);
          sniProbes.push({ kind: 'neutral-host-target-sni', handshake: target.observation }, { kind: 'neutral-host-harmless-sni', handshake: control.observation });
        }
      }
    }

    // Right after a failure, ask the control again: if it fails now, the network broke, not the site.
    const failedSomewhere = reachable.length < dialable.length;
    const controlRecheck = failedSomewhere && !literal ? await resolveControl(hostname, ctx, clock) : [];

    // Fetch from the resolver-under-test's address when one works, so block pages behind DNS are seen,
    // over the connection whose handshake was measured (one handshake per target).
    let http: HttpObservation[] = [];
    let redirectDns: DnsObservation[] = [];
    const first = dialable.find((a) => reachable.includes(a.ip))?.ip;
    for (const [ip, c] of kept) {
      if (ip !== first) {
        c.socket.destroy();
        kept.delete(ip);
      }
    }
    if (first) {
      const reuse = kept.get(first);
      kept.delete(first);
      const httpOpts = {
        clock,
        connectTimeoutMs: connectTimeoutFor(ctx),
        tlsTimeoutMs: ctx.timeouts.tlsMs,
        httpTimeoutMs: ctx.timeouts.httpMs,
        trust: ctx.trust,
        bodyLimit: ctx.bodyLimit,
        ...(ctx.dialLoopback ? { dialLoopbackAnswers: true } : {}),
        ...sig,
      };
      const resolveHop = async (h: string) => {
        const observations = await resolveHost(ctx.localResolver, h, dnsOpts);
        // Every answer goes back: the redirect check refuses (and records) local and reserved addresses.
        return { observations, addresses: addressesOf(observations) };
      };
      // A kept connection the server has closed meanwhile (idle timeout) is not evidence: dial afresh.
      const usable = reuse && !reuse.socket.destroyed && reuse.socket.writable && reuse.socket.readable ? reuse : undefined;
      if (reuse && !usable) reuse.socket.destroy();
      let fetched = await fetchFollowingRedirects(target.url, first, resolveHop, { ...httpOpts, ...(usable ? { firstConnection: usable } : {}) });
      const firstHop = fetched.hops[0];
      if (usable && firstHop && firstHop.status === null && firstHop.failure === FAILURES.eof && !signal?.aborted) {
        // The server dropped the idle connection as the request went out: what a fresh connection
        // gets is the evidence (as before, when every fetch dialled its own).
        fetched = await fetchFollowingRedirects(target.url, first, resolveHop, httpOpts);
      }
      http = fetched.hops;
      redirectDns = fetched.redirectDns;
    }

    const helper = await helperPromise;
    // The late-reply windows end here at the latest; their evidence is part of the measurement.
    await Promise.all(lingering);
    const order = (x: { ip: string }, y: { ip: string }): number => addresses.findIndex((a) => a.ip === x.ip) - addresses.findIndex((a) => a.ip === y.ip);
    return {
      target,
      startedAt: clock.startedAt,
      runtime: clock.now(),
      hostname,
      port,
      localResolver: resolverLabel(ctx.localResolver as ResolverSpec),
      dns: { local, control },
      addresses,
      tcp: tcp.sort(order),
      tls: tls.sort(order),
      http,
      redirectDns,
      helper,
      controlRecheck,
      sniProbes,
      deadlineExceeded: false,
    };
  } finally {
    for (const c of kept.values()) c.socket.destroy();
  }
}
