import { Agent, type Dispatcher } from 'undici';
import type { ResolverSpec } from '../net/dns.ts';
import { secureContextFor, type TrustStore } from '../net/tls.ts';
import type { InterceptionCa } from '../model/verdict.ts';

export interface Timeouts {
  dnsMs: number;
  tcpMs: number;
  tlsMs: number;
  httpMs: number;
  /** Whole-target deadline: a target never takes longer than this. */
  targetMs: number;
  helperMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { dnsMs: 4000, tcpMs: 10_000, tlsMs: 10_000, httpMs: 10_000, targetMs: 60_000, helperMs: 30_000 };

/** Everything a measurement needs from outside; built once per run by the caller. */
export interface MeasureContext {
  localResolver: ResolverSpec;
  /** DoH resolvers reached by IP literal; the first that answers is the control, the rest are fallbacks. */
  controlResolvers: ResolverSpec[];
  trust: TrustStore;
  /** Extra roots the user trusts (--ca-file), also used for the control and helper connections. */
  extraCaPems: readonly string[];
  timeouts: Timeouts;
  helperUrl: string | null;
  /** Used for DoH and helper calls (carries the trust store). */
  dispatcher: Dispatcher;
  bodyLimit: number;
  /** UDP DNS: how long to wait for late (injected) duplicate replies. */
  dnsLingerMs: number;
  /** Loopback answers are never dialled in real runs (they would probe this machine); loopback tests turn this on. */
  dialLoopback?: boolean;
  /** Extra attempts, each on a fresh connection, before a failing TCP or TLS step counts. */
  retries: number;
  /** SNI sent to prove SNI filtering: a handshake with it on the same IP should pass the filter. */
  harmlessSni: string;
  /** A neutral TLS server (host[:port]) to which the target's SNI is sent: does the filter follow the name? */
  sniProbeHost: string | null;
  /** Known interception CAs (built in + --interception-cas), for naming the CA behind a chain. */
  interceptionCas: readonly InterceptionCa[];
}

export function controlDispatcher(trust: TrustStore, timeouts: Timeouts): Agent {
  return new Agent({
    connect: { secureContext: secureContextFor(trust), timeout: timeouts.tcpMs + timeouts.tlsMs, maxCachedSessions: 0 },
    headersTimeout: timeouts.helperMs,
    bodyTimeout: timeouts.helperMs,
    allowH2: false,
  });
}
