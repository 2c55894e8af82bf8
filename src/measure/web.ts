import { isIP } from 'node:net';
import { queryHelper } from '../helper/client.ts';
import { startClock, type Clock } from '../net/clock.ts';
import { addressesOf, resolveHost, resolverLabel, type ResolverSpec } from '../net/dns.ts';
import { isDefiniteAnswer, type DnsObservation, type HttpObservation, type TcpConnectObservation, type TlsHandshakeObservation } from '../model/observation.ts';
import { tcpConnect } from '../net/tcp.ts';
import { tlsHandshake } from '../net/tls.ts';
import type { MeasureContext } from './context.ts';
import { fetchFollowingRedirects } from '../net/fetch.ts';
import type { AddressInfo, SniProbe, WebMeasurement } from '../model/measurement.ts';
import type { WebTarget } from '../model/target.ts';
import { isCertificateFailure } from '../model/failure.ts';
import { splitHostPort } from '../lists/services.ts';
import { isSelfAddress } from '../net/addresses.ts';


/** At most this many addresses per target are dialled: enough to see IP blocking, bounded for big CDNs. */
const MAX_ADDRESSES = 6;

/** Resolves with the control resolvers in order: a fallback is tried only when a resolver gives nothing definite. */
export async function resolveControl(hostname: string, ctx: MeasureContext, clock: Clock): Promise<DnsObservation[]> {
  const all: DnsObservation[] = [];
  for (const resolver of ctx.controlResolvers) {
    const obs = await resolveHost(resolver, hostname, { clock, timeoutMs: ctx.timeouts.dnsMs, dispatcher: ctx.dispatcher });
    all.push(...obs);
    if (obs.some(isDefiniteAnswer)) break;
  }
  return all;
}


export async function measureWeb(target: WebTarget, ctx: MeasureContext): Promise<WebMeasurement> {
  const clock = startClock();
  const url = new URL(target.url);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const https = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : https ? 443 : 80;
  const literal = isIP(hostname) !== 0;
  const dnsOpts = { clock, timeoutMs: ctx.timeouts.dnsMs, dispatcher: ctx.dispatcher, lingerMs: ctx.dnsLingerMs };

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
  const helperPromise = ctx.helperUrl
    ? queryHelper(ctx.helperUrl, target.url, dialable.map((a) => endpointKey(a.ip)), { timeoutMs: ctx.timeouts.helperMs, dispatcher: ctx.dispatcher })
    : Promise.resolve(null);

  const tcp: TcpConnectObservation[] = [];
  const tls: TlsHandshakeObservation[] = [];
  const tlsOpts = { clock, timeoutMs: ctx.timeouts.tlsMs, trust: ctx.trust };
  const sni = literal ? null : hostname;
  const reachable: string[] = [];
  const sniFailedAt: string[] = [];
  /** TCP (+ TLS for https) to one address; a failure is retried on fresh connections before it stands. */
  const dial = async (ip: string): Promise<boolean> => {
    for (let attempt = 0; attempt <= ctx.retries; attempt++) {
      const c = await tcpConnect(ip, port, { clock, timeoutMs: ctx.timeouts.tcpMs });
      tcp.push(c.observation);
      if (!c.socket) continue;
      if (!https) {
        c.socket.destroy();
        return true;
      }
      const hs = await tlsHandshake(ip, port, sni, { ...tlsOpts, socket: c.socket, ...(literal ? { verifyName: hostname } : {}) });
      tls.push(hs.observation);
      if (hs.observation.failure === null) return true;
      // A certificate answer is an answer: retrying would only get the same certificate.
      if (isCertificateFailure(hs.observation.failure)) return false;
      if (attempt === ctx.retries && sni) sniFailedAt.push(ip);
    }
    return false;
  };
  await Promise.all(
    dialable.map(async (a) => {
      if (await dial(a.ip)) reachable.push(a.ip);
      // OONI's E001: an http target's address the control did not give is validated by a TLS handshake on 443.
      if (!https && !literal && !a.sources.includes('control') && reachable.includes(a.ip)) {
        const hs = await tlsHandshake(a.ip, 443, hostname, tlsOpts);
        tls.push(hs.observation);
      }
    }),
  );

  // Proof of SNI filtering: does the same address complete a handshake for a harmless name, or none?
  const sniProbes: SniProbe[] = [];
  const anyHandshake = { clock, timeoutMs: ctx.timeouts.tlsMs, trust: ctx.trust };
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

  // Fetch from the resolver-under-test's address when one works, so block pages behind DNS are seen.
  let http: HttpObservation[] = [];
  let redirectDns: DnsObservation[] = [];
  const first = dialable.find((a) => reachable.includes(a.ip))?.ip;
  if (first) {
    const fetched = await fetchFollowingRedirects(
      target.url,
      first,
      async (h) => {
        const observations = await resolveHost(ctx.localResolver, h, dnsOpts);
        return { observations, addresses: addressesOf(observations).filter((ip) => ctx.dialLoopback || !isSelfAddress(ip)) };
      },
      { clock, connectTimeoutMs: ctx.timeouts.tcpMs, tlsTimeoutMs: ctx.timeouts.tlsMs, httpTimeoutMs: ctx.timeouts.httpMs, trust: ctx.trust, bodyLimit: ctx.bodyLimit },
    );
    http = fetched.hops;
    redirectDns = fetched.redirectDns;
  }

  const helper = await helperPromise;
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
}
