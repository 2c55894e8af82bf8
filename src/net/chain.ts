import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';

/**
 * The chain of a finished handshake as Node's `getPeerCertificate(true)` describes it, assembled
 * from `getPeerX509Certificate()` instead. The detailed call converts every certificate into a
 * large object (fingerprints, key, names) and looks the last issuer up in the trust store each
 * time: ~0.4 ms per handshake, the largest single cost of a target. The X509 objects cost ~15 µs.
 *
 * The order is Node's (src/crypto/crypto_common.cc, GetPeerCert): the leaf; then, repeatedly, the
 * first certificate the peer sent that issued the previous one (OpenSSL's X509_check_issued, which
 * is `checkIssued`); then, while the last is not self-issued, its issuer from the trust store
 * (X509_STORE_CTX_get1_issuer: among the store's certificates that issued it, the first currently
 * valid one, else the one valid longest). Stops at a repeat. tls.test.ts checks the result equals
 * getPeerCertificate(true) on every kind of chain the tests serve.
 */
export function assembleChain(peerSent: readonly X509Certificate[], storeIssuers: (cert: X509Certificate) => readonly X509Certificate[]): X509Certificate[] {
  const [leaf, ...rest] = peerSent;
  if (!leaf) return [];
  const chain = [leaf];
  const seen = new Set([leaf.fingerprint256]);
  let cert = leaf;
  for (;;) {
    const i = rest.findIndex((ca) => cert.checkIssued(ca));
    if (i < 0) break;
    cert = rest.splice(i, 1)[0] as X509Certificate;
    if (seen.has(cert.fingerprint256)) return chain;
    seen.add(cert.fingerprint256);
    chain.push(cert);
  }
  for (const ca of storeIssuers(cert)) {
    if (seen.has(ca.fingerprint256)) break;
    seen.add(ca.fingerprint256);
    chain.push(ca);
  }
  return chain;
}

/** The certificates a trust store adds after `cert` (its issuer, that one's issuer, … up to a self-issued one). */
export function storeTail(cert: X509Certificate, store: readonly X509Certificate[], now = Date.now()): X509Certificate[] {
  const tail: X509Certificate[] = [];
  let current = cert;
  while (!current.checkIssued(current) && tail.length < 16) {
    const ca = storeIssuer(current, store, now);
    if (!ca) break;
    tail.push(ca);
    if (ca.fingerprint256 === current.fingerprint256) break;
    current = ca;
  }
  return tail;
}

function storeIssuer(cert: X509Certificate, store: readonly X509Certificate[], now: number): X509Certificate | null {
  let best: X509Certificate | null = null;
  for (const ca of store) {
    if (!cert.checkIssued(ca)) continue;
    if (Date.parse(ca.validFrom) <= now && now <= Date.parse(ca.validTo)) return ca;
    if (!best || Date.parse(ca.validTo) > Date.parse(best.validTo)) best = ca;
  }
  return best;
}

/** What Node's checkServerIdentity reads of a certificate (the same objects getPeerCertificate gives). */
export type IdentityFields = Pick<PeerCertificate, 'subject' | 'subjectaltname'>;

/**
 * The fields of `cert` the name check reads, in Node's own legacy form: the SAN string (the same
 * string getPeerCertificate gives), and the subject, built (~0.1 ms) only if the check reads it, which
 * it does only for a certificate with no DNS name in its SAN.
 */
export function identityFields(cert: X509Certificate): IdentityFields {
  let subject: PeerCertificate['subject'] | undefined;
  return {
    subjectaltname: cert.subjectAltName as string,
    get subject() {
      subject ??= cert.toLegacyObject().subject;
      return subject;
    },
  };
}

/**
 * The peer's certificates as sent, leaf first, from `socket.getPeerX509Certificate()`. In Node 20 a
 * client socket gives its peer chain away to that call (later getPeerCertificate calls find none):
 * call it once, after the handshake; the observation is the record.
 */
export function peerSentCertificates(first: X509Certificate | undefined): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (let c = first; c && out.length < 64; c = c.issuerCertificate) out.push(c);
  return out;
}
