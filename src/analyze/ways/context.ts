import type { WayMeasurement, WayProbe, WayStatus, WayVerdict } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';

/** What the run as a whole shows, that a single way cannot: read once, before the rules. */
export interface WaysRunContext {
  /** Evidence that something on this network answers connections itself (a TLS handshake with a relay's address came back without a relay's certificate); null when none. */
  transparentProxy: string | null;
}

export const NO_RUN_CONTEXT: WaysRunContext = { transparentProxy: null };

/** One rule of the way-out verdict: it decides (a verdict) or passes (null). Pure. */
export interface WayRule {
  id: string;
  /** What it decides and on what evidence, in words (docs print them). */
  description: string;
  apply: (way: WayMeasurement, run: WaysRunContext) => WayVerdict | null;
}

/** The run context: a relay's address that completed TLS with a certificate not shaped like Tor's. */
export function waysRunContext(ways: readonly WayMeasurement[]): WaysRunContext {
  const probe = ways.flatMap((w) => w.probes).find((p) => p.check === 'tor_or' && p.failure === FAILURES.unexpectedAnswer && 'tlsVersion' in p && p.tlsVersion !== null);
  return { transparentProxy: probe ? `${probe.endpoint}: ${probe.detail ?? 'a TLS handshake without a relay certificate'}` : null };
}

/** Failures that mean nothing was tried: the probe cannot speak for the network. */
export function notTried(p: WayProbe): boolean {
  return p.failure === FAILURES.notDialled || p.failure === FAILURES.interrupted;
}

/** The probe's protocol answer came back. */
export function answered(p: WayProbe): boolean {
  return p.failure === null;
}

/** "tor_or 128.31.0.39:9201 (tcp): ok — TLSv1.3 handshake completed…", one line of evidence per probe. */
export function evidenceLine(p: WayProbe): string {
  const variant = 'variant' in p ? ` [${p.variant}]` : '';
  const result = p.failure ?? 'ok';
  return `${p.check}${variant} ${p.endpoint} (${p.transport}): ${result}${p.detail ? ` — ${p.detail}` : ''}`;
}

/** "TCP 3785", "UDP 3478": how the answer names a port. */
export function portName(p: Pick<WayProbe, 'transport' | 'port'>): string {
  return `${p.transport.toUpperCase()} ${p.port}`;
}

/** Builds the verdict of `way` as `rule` decided it. */
export function verdict(way: WayMeasurement, rule: string, status: WayStatus, reason: string, how: string | null = null, probes: readonly WayProbe[] = way.probes): WayVerdict {
  return {
    id: way.id,
    kind: way.kind,
    title: way.title,
    status,
    how: status === 'blocked' ? how : null,
    reason,
    evidence: probes.map(evidenceLine),
    rule,
    portOnly: way.pluggableTransport !== null,
  };
}
