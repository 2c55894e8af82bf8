import { FAILURES, certFailureClassOfCode, isCertificateFailure, type CertFailureClass } from '../model/failure.ts';
import type { TlsHandshakeObservation } from '../model/observation.ts';

/**
 * The exact certificate failure class of a handshake: the measurement's own `certFailure` when it
 * has one, else derived from OpenSSL's `chainError` (the one mapping, certFailureClassOfCode), else
 * from the name check and the OONI failure string. Null when the handshake had no certificate or
 * protocol failure to classify.
 */
export function certFailureOf(t: Pick<TlsHandshakeObservation, 'failure' | 'certFailure' | 'chainError' | 'hostnameMatches' | 'chainTrusted'>): CertFailureClass | null {
  if (t.failure === null) return null;
  if (t.certFailure) return t.certFailure;
  const byCode = certFailureClassOfCode(t.chainError);
  if (byCode) return byCode;
  if (t.failure === FAILURES.invalidHostname || (t.chainTrusted === true && t.hostnameMatches === false)) return 'wrong_name';
  // ssl_unknown_authority with no code: a stored or OONI measurement. The chain was not trusted, and
  // nothing says more; counted as an incomplete chain (not evidence on its own), never as a root.
  if (t.failure === FAILURES.unknownAuthority) return 'incomplete_chain';
  if (isCertificateFailure(t.failure)) return 'other';
  return null;
}

/** Words for each class, as the reason text names them. */
export const CERT_CLASS_WORDS: Readonly<Record<CertFailureClass, string>> = {
  untrusted_root: 'a chain to a root that no trusted store holds',
  expired: 'an expired certificate',
  not_yet_valid: 'a certificate that is not valid yet',
  wrong_name: 'a certificate for another name',
  incomplete_chain: 'an incomplete chain (an issuer is missing)',
  self_signed: 'a self-signed certificate',
  weak_or_unsupported_protocol: 'a weak or unsupported TLS version or cipher',
  other: 'an invalid certificate',
};

/**
 * Whether a class is, on its own, evidence that something on the path replaced the certificate.
 * Only an untrusted root is (the house rule: "an untrusted chain" is evidence). An expired or
 * not-yet-valid leaf, a wrong name, an incomplete chain (an issuer missing, which a site that forgot
 * its intermediate also causes), a self-signed leaf or a protocol mismatch are what broken sites do
 * every day: they count only with a known interception CA in the chain or a control that sees a
 * valid chain where this network does not.
 */
export function isInterceptionEvidence(c: CertFailureClass | null): boolean {
  return c === 'untrusted_root';
}

/** "an expired certificate (CERT_HAS_EXPIRED, ssl_invalid_certificate)". */
export function describeCertFailure(t: Pick<TlsHandshakeObservation, 'failure' | 'certFailure' | 'chainError' | 'hostnameMatches' | 'chainTrusted'>): string {
  const c = certFailureOf(t);
  const codes = [t.chainError, t.failure].filter((x): x is string => Boolean(x));
  return `${c ? CERT_CLASS_WORDS[c] : 'a failed handshake'} (${[...new Set(codes)].join(', ')})`;
}
