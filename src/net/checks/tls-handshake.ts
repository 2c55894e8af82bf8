import type { TlsProbe } from '../../model/check.ts';
import type { TlsHandshakeObservation } from '../../model/observation.ts';
import { tlsHandshake, type TrustStore } from '../tls.ts';
import { recordedEndpoint, type CheckOptions } from './common.ts';

/**
 * A TLS handshake to a bridge port, a VPN gateway or a proxy (`tls`), or to a Tor relay's OR port
 * (`tor_or`, as OONI's tor experiment). A relay's certificate is self-signed with a random name: the
 * handshake completing is the evidence, the certificate is recorded and not judged. For `tls` the
 * chain is recorded against the trust store too.
 */
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
  return {
    check,
    ...recordedEndpoint(ip, port, 'tcp', opts),
    // The chain's verdict is kept apart: a completed handshake is what reachability means here.
    failure: completed ? null : o.failure,
    detail: describe(o, check),
    serverName: check === 'tor_or' ? null : serverName,
    tlsVersion: o.tlsVersion,
    // A private way's certificate could name its operator: only its hash is kept.
    certificate: leaf ? { sha256: leaf.sha256, subject: opts.private ? '' : leaf.subject, issuer: opts.private ? '' : leaf.issuer } : null,
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
