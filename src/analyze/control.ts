import { CERT_FAILURE_CLASSES, isCertificateFailure } from '../model/failure.ts';
import type { DnsObservation } from '../model/observation.ts';
import type { ControlInterception } from '../model/finding.ts';
import type { InterceptionCa } from '../model/verdict.ts';
import { certFailureOf } from './certificate.ts';
import { matchInterceptionCa } from './interception.ts';

export type { ControlInterception };

/** Expired / not yet valid say this machine's clock may be wrong, not that the path changed the chain. */
const CLOCK_CLASSES = new Set<(typeof CERT_FAILURE_CLASSES)[number]>(['expired', 'not_yet_valid']);

/**
 * Pure: whether a DoH control's handshake was intercepted. A public DoH resolver's certificate that
 * does not verify (unknown authority, wrong name, untrusted or incomplete chain) means something on
 * the path answered in its place; a clock problem (expired, not yet valid) is not counted.
 */
export function controlInterception(observations: readonly DnsObservation[], table: readonly InterceptionCa[]): ControlInterception | null {
  for (const o of observations) {
    if (o.engine !== 'doh') continue;
    const t = o.tls;
    const chainBad = t ? t.chainTrusted === false || isCertificateFailure(t.failure) : false;
    if (!chainBad && !isCertificateFailure(o.failure)) continue;
    const cls = t ? certFailureOf({ ...t, failure: t.failure ?? o.failure }) : null;
    if (cls && CLOCK_CLASSES.has(cls)) continue;
    const chain = t?.peerCertificates ?? [];
    return { resolver: o.resolver, failure: o.failure ?? t?.failure ?? null, issuer: chain.at(-1)?.issuer ?? null, match: chain.length ? matchInterceptionCa(chain, table) : null };
  }
  return null;
}

/** "by "Qaznet Trust Network" (KZ)" / "by a certificate issued by "CN=Corp"" / "(ssl_unknown_authority)". */
export function describeControlInterception(c: ControlInterception): string {
  if (c.match) return `by "${c.match.ca}" (${c.match.country}), a known interception CA`;
  if (c.issuer) return `by a certificate issued by "${c.issuer}"`;
  return `(${c.failure ?? 'certificate not trusted'}; no chain recorded)`;
}
