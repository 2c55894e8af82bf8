import { FAILURES, certFailureClassOfCode, isCertificateFailure, type CertFailureClass } from '../model/failure.ts';
import { msg, render } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';
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

/** Words for each class, as the reason text names them (`web.cert.<class>`): "an expired certificate". */
export const certClassWords = (c: CertFailureClass): Message => msg(`web.cert.${c}`);

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

/** "an expired certificate (CERT_HAS_EXPIRED, ssl_invalid_certificate)", as a message. */
export function certFailureMessage(t: Pick<TlsHandshakeObservation, 'failure' | 'certFailure' | 'chainError' | 'hostnameMatches' | 'chainTrusted'>): Message {
  const c = certFailureOf(t);
  const codes = [t.chainError, t.failure].filter((x): x is string => Boolean(x));
  return msg('web.cert.described', { what: c ? certClassWords(c) : msg('web.cert.failed-handshake'), codes: [...new Set(codes)].join(', ') });
}

/** The same in English. */
export const describeCertFailure = (t: Parameters<typeof certFailureMessage>[0]): string => render('en', certFailureMessage(t));
