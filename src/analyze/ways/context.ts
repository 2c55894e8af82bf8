import type { WayMeasurement, WayProbe, WayStatus, WayVerdict } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';

/** One rule of the way-out verdict: it decides (a verdict) or passes (null). Pure. */
export interface WayRule {
  id: string;
  /** What it decides and on what evidence, in words (docs print them). */
  description: string;
  apply: (way: WayMeasurement) => WayVerdict | null;
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
