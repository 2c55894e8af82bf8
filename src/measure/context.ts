import type { Agent, Dispatcher } from 'undici';
import { createControlDispatcher, type ControlDispatcher } from '../net/dispatcher.ts';
import type { ResolverSpec } from '../net/dns.ts';
import type { TrustStore } from '../net/tls.ts';
import { bareHost } from '../net/endpoint.ts';
import type { InterceptionCa } from '../model/verdict.ts';
import type { RttTracker } from '../net/rtt.ts';
import type { DnsObservation, TlsHandshakeObservation } from '../model/observation.ts';

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
  /** More control helpers, tried in order when the first fails or is slow (repeatable --control-helper). */
  helperUrls?: readonly string[];
  /**
   * Per-target: aborted at the whole-target deadline. Every primitive listens to it, so a
   * timed-out target's sockets close and its slot is free only once its work has stopped.
   */
  signal?: AbortSignal;
  /** Run-wide connect times, for the adaptive connect timeout (absent: always the configured one). */
  rtt?: RttTracker;
  /** Start the next connect attempt when the previous one has not answered within this (default 1 s). */
  hedgeDelayMs?: number;
  /** The bootstrap lookups of controls given by name (for the run's control check). */
  controlBootstraps?: () => DnsObservation[];
  /** DoH: the recorded handshake with the control's server (from controlDispatcher). */
  handshakeFor?: (url: string) => TlsHandshakeObservation | undefined;
}

/** The dispatcher for DoH control resolvers and helpers (see controlConnections for the recorded evidence). */
export function controlDispatcher(trust: TrustStore, timeouts: Timeouts, controlResolvers: readonly ResolverSpec[] = []): Agent {
  return controlConnections(trust, timeouts, controlResolvers).dispatcher;
}

/**
 * Control connections made with tekser's own primitives: each handshake with a control is
 * recorded (DnsObservation.tls), and a control given by name is resolved once, through the system
 * resolver, unless its address was given with it (`https://dns.google/dns-query#8.8.8.8`).
 */
export function controlConnections(trust: TrustStore, timeouts: Timeouts, controlResolvers: readonly ResolverSpec[] = []): ControlDispatcher {
  const pinned = new Map<string, string>();
  for (const r of controlResolvers) if (r.kind === 'doh' && r.ip) pinned.set(bareHost(new URL(r.url).hostname).toLowerCase(), r.ip);
  return createControlDispatcher({ trust, connectTimeoutMs: timeouts.tcpMs, tlsTimeoutMs: timeouts.tlsMs, requestTimeoutMs: timeouts.helperMs, pinned });
}
