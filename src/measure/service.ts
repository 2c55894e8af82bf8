import type { ServiceCheck } from '../model/service-list.ts';
import { isIpLiteral, splitHostPort, urlEndpoint } from '../net/endpoint.ts';
import { startClock, type Clock } from '../net/clock.ts';
import { addressesOf, resolveHost, resolverLabel } from '../net/dns.ts';
import type { DnsObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import { httpRequest } from '../net/http.ts';
import { tcpConnect } from '../net/tcp.ts';
import { pinnedTrustStore, tlsHandshake, type TrustStore } from '../net/tls.ts';
import type { MeasureContext } from './context.ts';
import type { CheckMeasurement, EndpointAttempt, ServiceMeasurement } from '../model/measurement.ts';
import type { ServiceTarget } from '../model/target.ts';
import { connectTimeoutFor, resolveControl } from './web.ts';
import { isSelfAddress } from '../net/addresses.ts';

/** Addresses tried per host: enough to see IP blocking without hammering a big service. */
const MAX_ADDRESSES = 2;

interface Resolved {
  local: DnsObservation[];
  control: DnsObservation[];
}

function trustFor(check: ServiceCheck, cas: Record<string, string> | undefined, ctx: MeasureContext): TrustStore {
  const pins = (check.pinned_cas ?? []).map((n) => cas?.[n]).filter((p): p is string => Boolean(p));
  return pins.length ? pinnedTrustStore(pins, check.public_roots, ctx.extraCaPems) : ctx.trust;
}

/** What one check's endpoints expand to: [label, host, port, url?] per attempt. */
interface PlannedAttempt {
  label: string;
  host: string;
  port: number | null;
  url: string | null;
}

function plan(check: ServiceCheck): PlannedAttempt[] {
  return check.endpoints.flatMap((ep): PlannedAttempt[] => {
    if (check.protocol === 'https' || check.protocol === 'http-post') {
      const { host, port } = urlEndpoint(new URL(ep));
      return [{ label: ep, host, port, url: ep }];
    }
    const { host, port } = splitHostPort(ep);
    if (check.protocol === 'dns') return [{ label: ep, host, port: null, url: null }];
    const ports = port !== null ? [port] : (check.ports ?? []);
    return ports.map((p) => ({ label: ep, host, port: p, url: null }));
  });
}

/** One service measurement under way: what every check reads, and the DNS shared between its checks. */
interface ServiceRun {
  ctx: MeasureContext;
  clock: Clock;
  sig: { signal?: AbortSignal };
  /** Each host is resolved once, however many checks name it. */
  resolveOnce: (host: string) => Promise<Resolved>;
  dnsCache: Map<string, Promise<Resolved>>;
  /** Late (injected) DNS replies are listened for in the background, off the critical path. */
  lingering: Promise<void>[];
}

/** Measures every check of a service with the engine's primitives; verdicts come from analyzeService. */
export async function measureService(target: ServiceTarget, ctx: MeasureContext): Promise<ServiceMeasurement> {
  const run = startServiceRun(ctx);
  const svc = target.service;
  const checks: CheckMeasurement[] = await Promise.all(
    svc.checks.map(async (check) => {
      const trust = trustFor(check, svc.cas, ctx);
      const attempts = await Promise.all(plan(check).map((planned) => measureAttempt(run, check, trust, planned)));
      return { checkId: check.id, attempts };
    }),
  );
  await Promise.all(run.lingering);
  const controlAnswered = [...run.dnsCache.values()].length
    ? (await Promise.all(run.dnsCache.values())).some((r) => r.control.some(isDefiniteAnswer))
    : null;
  return {
    target,
    startedAt: run.clock.startedAt,
    runtime: run.clock.now(),
    localResolver: resolverLabel(ctx.localResolver),
    checks,
    controlAnswered,
    deadlineExceeded: false,
  };
}

function startServiceRun(ctx: MeasureContext): ServiceRun {
  const clock = startClock();
  const sig = ctx.signal ? { signal: ctx.signal } : {};
  const dnsCache = new Map<string, Promise<Resolved>>();
  const lingering: Promise<void>[] = [];
  const resolveOnce = (host: string): Promise<Resolved> => {
    let p = dnsCache.get(host);
    if (!p) {
      const opts = { clock, timeoutMs: ctx.timeouts.dnsMs, dispatcher: ctx.dispatcher, lingerMs: ctx.dnsLingerMs, background: (p: Promise<void>) => lingering.push(p), ...sig };
      p = Promise.all([resolveHost(ctx.localResolver, host, opts), resolveControl(host, ctx, clock)]).then(([local, control]) => ({ local, control }));
      dnsCache.set(host, p);
    }
    return p;
  };
  return { ctx, clock, sig, resolveOnce, dnsCache, lingering };
}

/** One endpoint of a check: its DNS (for a name), then the request (https, http-post) or the connections (tcp, tls). */
async function measureAttempt(run: ServiceRun, check: ServiceCheck, trust: TrustStore, { label, host, port, url }: PlannedAttempt): Promise<EndpointAttempt> {
  const { ctx, clock } = run;
  const attempt: EndpointAttempt = { label, host, port, dns: null, tcp: [], tls: [], http: null };
  let addresses = [host];
  if (!isIpLiteral(host)) {
    attempt.dns = await run.resolveOnce(host);
    addresses = addressesOf(attempt.dns.local)
      .filter((ip) => ctx.dialLoopback || !isSelfAddress(ip))
      .slice(0, MAX_ADDRESSES);
  }
  if (check.protocol === 'dns' || port === null || addresses.length === 0) return attempt;

  if (check.protocol === 'https' || check.protocol === 'http-post') {
    const first = addresses[0] as string;
    attempt.http = await httpRequest(
      { url: url as string, ip: first, method: check.protocol === 'http-post' ? 'POST' : 'GET' },
      { clock, connectTimeoutMs: connectTimeoutFor(ctx), tlsTimeoutMs: ctx.timeouts.tlsMs, httpTimeoutMs: ctx.timeouts.httpMs, trust, bodyLimit: 64 * 1024, ...run.sig },
    );
    return attempt;
  }
  await Promise.all(addresses.map((ip) => connectTo(run, check, trust, attempt, ip, port)));
  return attempt;
}

/** TCP to one address of an endpoint, and the TLS handshake for a tls check; the observations go on the attempt. */
async function connectTo(run: ServiceRun, check: ServiceCheck, trust: TrustStore, attempt: EndpointAttempt, ip: string, port: number): Promise<void> {
  const { ctx, clock } = run;
  const c = await tcpConnect(ip, port, { clock, timeoutMs: connectTimeoutFor(ctx), recordTimeout: true, ...run.sig });
  if (c.socket) ctx.rtt?.record((c.observation.t - c.observation.t0) * 1000);
  attempt.tcp.push(c.observation);
  if (!c.socket) return;
  if (check.protocol !== 'tls') {
    c.socket.destroy();
    return;
  }
  const host = attempt.host;
  const sni = isIpLiteral(host) ? null : host;
  const hs = await tlsHandshake(ip, port, sni, { clock, timeoutMs: ctx.timeouts.tlsMs, trust, socket: c.socket, ...(sni ? {} : { verifyName: host }), ...run.sig });
  attempt.tls.push(hs.observation);
}
