import type { WayMeasurement, WayProbe } from '../../model/check.ts';
import { answered, portName, verdict, type WayRule } from './context.ts';

/** What "it works" means for each check, in words. */
const WORKS: Readonly<Record<WayProbe['check'], string>> = {
  tcp: 'the port accepts connections',
  tls: 'the TLS handshake completes',
  tor_or: 'the relay completes a TLS handshake',
  tor_dir: 'the directory serves the consensus',
  stun: 'STUN answers over UDP',
  resolver: 'the resolver answers',
  quic_ping: 'QUIC reaches the server',
  ech: 'the ClientHello gets through',
  openvpn: 'the OpenVPN server answers',
  rendezvous: 'the server answers over HTTPS',
  echo: 'reaches outside',
};

function worksReason(way: WayMeasurement, ok: readonly WayProbe[]): string {
  const first = ok[0]!;
  const count = way.probes.length > 1 ? ` (${ok.length} of ${way.probes.length} answer)` : '';
  if (way.kind === 'port') return `${portName(first)} reaches outside`;
  if (way.kind === 'tor_bridge') {
    const pt = way.pluggableTransport ? `; a reachable port is necessary, not sufficient: ${way.pluggableTransport}'s own handshake was not tried` : '';
    return `${way.title}: reachable${pt}`;
  }
  if (way.kind === 'dns' && first.check === 'resolver') {
    const encrypted = first.resolver === 'dot' || first.resolver === 'doh';
    return encrypted ? `${way.title} works: use it to get around DNS blocking` : `${way.title} works (unencrypted: its answers can still be tampered with on the way)`;
  }
  return `${way.title}: works, ${WORKS[first.check]}${count}`;
}

function isPairHalf(p: WayProbe): boolean {
  return 'variant' in p && (p.variant === 'control' || p.variant === 'random') && p.check !== 'ech';
}

/** 5. At least one probe got its protocol's own answer → works. The answer is the evidence. */
export const answeredRule: WayRule = {
  id: 'answered',
  description: "A probe got its protocol's own answer (STUN success, Version Negotiation, a ServerHello, a server reset, a DNS answer, a 200, an echo) → works.",
  apply: (way) => {
    // The control half of a pair (another SNI, a random twin) working says nothing of the way itself.
    const ok = way.probes.filter((p) => answered(p) && !isPairHalf(p));
    if (ok.length === 0) return null;
    return verdict(way, 'answered', 'works', worksReason(way, ok));
  },
};
