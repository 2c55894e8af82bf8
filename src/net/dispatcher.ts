import type { Socket } from 'node:net';
import { bareHost, defaultPort, isIpLiteral, joinHostPort, urlPort } from './endpoint.ts';
import type { Agent, buildConnector } from 'undici';
import { undiciNow } from './undici.ts';
import { startClock, type Clock } from './clock.ts';
import { lookupSystem } from './dns.ts';
import { FAILURES } from '../model/failure.ts';
import type { DnsObservation, TlsHandshakeObservation } from '../model/observation.ts';
import { tcpConnect } from './tcp.ts';
import { tlsHandshake, type TrustStore } from './tls.ts';
import { ConnectError } from '../errors.ts';

export interface ControlDispatcherOptions {
  trust: TrustStore;
  connectTimeoutMs: number;
  tlsTimeoutMs: number;
  /** Headers/body timeout of requests through it (DoH answers, helper calls). */
  requestTimeoutMs: number;
  /** Addresses given with a control URL (`https://dns.google/dns-query#8.8.8.8`): host → IP, no lookup. */
  pinned?: ReadonlyMap<string, string>;
  /** How a control host name is resolved once, when no address was given (default: the system resolver). */
  bootstrap?: (hostname: string, clock: Clock) => Promise<DnsObservation>;
}

/** Everything the control connections did that is evidence: handshakes and name bootstraps. */
export interface ControlDispatcher {
  dispatcher: Agent;
  /** The latest handshake with the server behind a URL (its chain names an interceptor, if any). */
  handshakeFor(url: string): TlsHandshakeObservation | undefined;
  /** The one lookup of each control host name given by name (on the dispatcher's clock). */
  bootstraps(): DnsObservation[];
}

/** A connect failure undici passes back unchanged: classifyError reads `failure` first. */
const connectError = (failure: string, message: string): Error => new ConnectError(failure, message);

/** The key of a control server's handshake: its host (lower case) and port. */
const keyOf = (host: string, port: number): string => joinHostPort(host.toLowerCase(), port);

/**
 * The dispatcher for control traffic (DoH control resolvers, control helpers). Its connections are
 * tekser's own primitives, so that (1) every TLS handshake with a control is recorded, chain
 * included — an intercepted control is then evidence, not "no connectivity" — and (2) a control
 * given by name is resolved once, separately (or not at all when its address is given), and a
 * failure to do so is a control failure (`control_bootstrap_failed`), never the target's NXDOMAIN.
 */
export function createControlDispatcher(opts: ControlDispatcherOptions): ControlDispatcher {
  const clock = startClock();
  const handshakes = new Map<string, TlsHandshakeObservation>();
  const settled: DnsObservation[] = [];
  const connect = controlConnector(opts, clock, controlAddresses(opts, clock, settled), handshakes);
  // The Agent is built on first use: a run's context exists before undici is loaded (net/undici.ts),
  // and the first use is a request through undici, which has loaded it by then.
  let agent: Agent | undefined;
  const real = (): Agent => (agent ??= new (undiciNow().Agent)({ connect, headersTimeout: opts.requestTimeoutMs, bodyTimeout: opts.requestTimeoutMs, allowH2: false }));
  const dispatcher = new Proxy({} as Agent, {
    get(_t, key) {
      // Closing an Agent never built needs no undici.
      if (!agent && (key === 'close' || key === 'destroy')) return () => Promise.resolve();
      const a = real();
      const v: unknown = Reflect.get(a, key, a);
      return typeof v === 'function' ? v.bind(a) : v;
    },
  });
  return {
    dispatcher,
    handshakeFor(url: string): TlsHandshakeObservation | undefined {
      try {
        const u = new URL(url);
        return handshakes.get(keyOf(u.hostname, urlPort(u)));
      } catch {
        return undefined;
      }
    },
    bootstraps(): DnsObservation[] {
      return [...settled];
    },
  };
}

/** A control's address: its IP literal, the address given with it, or one bootstrap lookup per name (kept in `settled`). */
function controlAddresses(opts: ControlDispatcherOptions, clock: Clock, settled: DnsObservation[]): (host: string) => Promise<string | null> {
  const boots = new Map<string, Promise<{ ip: string | null; observation: DnsObservation }>>();
  const bootstrap = opts.bootstrap ?? ((h: string, c: Clock) => lookupSystem(h, { clock: c, timeoutMs: opts.connectTimeoutMs }));
  return (host) => {
    const bare = bareHost(host);
    if (isIpLiteral(bare)) return Promise.resolve(bare);
    const pinned = opts.pinned?.get(bare.toLowerCase());
    if (pinned) return Promise.resolve(pinned);
    let p = boots.get(bare.toLowerCase());
    if (!p) {
      p = bootstrap(bare, clock).then((observation) => {
        settled.push(observation);
        return { ip: observation.answers.find((a) => a.type === 'A' || a.type === 'AAAA')?.value ?? null, observation };
      });
      boots.set(bare.toLowerCase(), p);
    }
    return p.then((b) => b.ip);
  };
}

/** undici's connector for control traffic: TCP then TLS with tekser's primitives, each handshake recorded. */
function controlConnector(
  opts: ControlDispatcherOptions,
  clock: Clock,
  addressOf: (host: string) => Promise<string | null>,
  handshakes: Map<string, TlsHandshakeObservation>,
): buildConnector.connector {
  return (o, cb) => {
    const https = o.protocol === 'https:';
    const port = Number(o.port) || defaultPort(o.protocol);
    const host = o.hostname;
    void (async () => {
      const ip = await addressOf(host);
      if (!ip) return cb(connectError(FAILURES.controlBootstrap, `the control's name ${host} did not resolve`), null);
      const tcp = await tcpConnect(ip, port, { clock, timeoutMs: opts.connectTimeoutMs });
      if (!tcp.socket) return cb(connectError(tcp.observation.failure ?? FAILURES.timeout, `connect to control ${host}`), null);
      if (!https) return cb(null, tcp.socket as Socket);
      const bare = bareHost(host);
      const sni = o.servername || (isIpLiteral(bare) ? null : bare);
      const hs = await tlsHandshake(ip, port, sni, { clock, timeoutMs: opts.tlsTimeoutMs, trust: opts.trust, alpn: ['http/1.1'], keepOpen: true, socket: tcp.socket, ...(sni ? {} : { verifyName: bare }) });
      handshakes.set(keyOf(host, port), hs.observation);
      if (!hs.socket) return cb(connectError(hs.observation.failure ?? FAILURES.failedHandshake, `TLS with control ${host}`), null);
      cb(null, hs.socket);
    })().catch((err: unknown) => cb(err as Error, null));
  };
}
