import type { TlsProbe } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';
import type { TlsHandshakeObservation } from '../../model/observation.ts';
import { tlsHandshake, type TrustStore } from '../tls.ts';
import { recordedEndpoint, type CheckOptions } from './common.ts';

/**
 * A TLS handshake to a bridge port, a VPN gateway or a proxy (`tls`), or to a Tor relay's OR port
 * (`tor_or`, as OONI's tor experiment). A relay's link certificate is not from any CA: tor makes it
 * with random names, subject CN www.<8–20 random>.net, issued by www.<random>.com (tortls). A
 * handshake that completes with any other certificate came from something else (a transparent proxy
 * answers every address): unexpected_answer, the certificate recorded. For `tls` the chain is
 * recorded against the trust store.
 */
const RELAY_SUBJECT = /^www\.[a-z0-9]{8,20}\.net$/;
const RELAY_ISSUER = /^www\.[a-z0-9]{8,20}\.(?:com|net)$/;

/** Whether a certificate's subject and issuer ("CN=www.abcdefgh.net") have the shape of a Tor link certificate. */
export function isRelayShaped(subject: string, issuer: string): boolean {
  const cn = (dn: string): string => /(?:^|[,\n/]\s*)CN=([^,\n/]+)/.exec(dn)?.[1]?.trim() ?? '';
  return RELAY_SUBJECT.test(cn(subject)) && RELAY_ISSUER.test(cn(issuer));
}
export async function tlsHandshakeProbe(ip: string, port: number, serverName: string | null, check: 'tls' | 'tor_or', opts: CheckOptions & { trust: TrustStore; variant?: 'control' }): Promise<TlsProbe> {
  const t0 = opts.clock.now();
  const { observation: o } = await tlsHandshake(ip, port, check === 'tor_or' ? null : serverName, {
    clock: opts.clock,
    timeoutMs: opts.timeoutMs,
    trust: opts.trust,
    alpn: [],
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const completed = o.tlsVersion !== null;
  const leaf = o.peerCertificates[0];
  const notARelay = check === 'tor_or' && completed && !(leaf && isRelayShaped(leaf.subject, leaf.issuer));
  return {
    check,
    ...recordedEndpoint(ip, port, 'tcp', opts),
    // The chain's verdict is kept apart: a completed handshake is what reachability means here.
    failure: notARelay ? FAILURES.unexpectedAnswer : completed ? null : o.failure,
    detail: notARelay ? `TLS completed, but with a certificate that is not a Tor relay's${opts.private ? '' : ` (${leaf?.subject ?? 'none'})`}: something else answered` : describe(o, check),
    serverName: check === 'tor_or' ? null : serverName,
    tlsVersion: o.tlsVersion,
    // A private way's certificate identifies it (its hash can be looked up in internet-wide scans): not kept.
    certificate: leaf && !opts.private ? { sha256: leaf.sha256, subject: leaf.subject, issuer: leaf.issuer } : null,
    chainTrusted: check === 'tor_or' ? null : o.chainTrusted,
    ...(opts.variant ? { variant: opts.variant } : {}),
    t0,
    t: opts.clock.now(),
  };
}

function describe(o: TlsHandshakeObservation, check: 'tls' | 'tor_or'): string | null {
  if (o.tlsVersion === null) return null;
  if (check === 'tor_or') return `${o.tlsVersion} handshake completed (a relay's self-signed certificate, recorded)`;
  return `${o.tlsVersion} handshake completed; the chain ${o.chainTrusted ? 'is trusted' : `is not trusted (${o.chainError ?? 'unknown reason'})`}`;
}
