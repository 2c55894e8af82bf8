/**
 * The one closed vocabulary of failure strings (OONI's df-007 / netxlite names), so that analysis,
 * reports and OONI export all speak the same words. Every failure string in tekser's code comes from
 * this table; a test (test/failure-vocabulary.test.ts) fails on a literal written anywhere else.
 * Failures read from elsewhere (an OONI measurement, a helper's answer) may carry other strings, so a
 * `Failure` stays `string | null`.
 */
export const FAILURES = {
  timeout: 'generic_timeout_error',
  refused: 'connection_refused',
  reset: 'connection_reset',
  aborted: 'connection_aborted',
  eof: 'eof_error',
  hostUnreachable: 'host_unreachable',
  networkUnreachable: 'network_unreachable',
  networkDown: 'network_down',
  addressNotAvailable: 'address_not_available',
  addressFamilyNotSupported: 'address_family_not_supported',
  permissionDenied: 'permission_denied',
  nxdomain: 'dns_nxdomain_error',
  noAnswer: 'dns_no_answer',
  servfail: 'dns_servfail_error',
  refusedDns: 'dns_refused_error',
  dnsMisbehaving: 'dns_server_misbehaving',
  dnsTemporary: 'dns_temporary_failure',
  dnsWrongId: 'dns_reply_with_wrong_query_id',
  unknownAuthority: 'ssl_unknown_authority',
  invalidHostname: 'ssl_invalid_hostname',
  invalidCertificate: 'ssl_invalid_certificate',
  failedHandshake: 'ssl_failed_handshake',
  httpRequestFailed: 'http_request_failed',
  jsonParse: 'json_parse_error',
  interrupted: 'interrupted',
  /** A control (DoH resolver, helper) given by name whose own name did not resolve: a control failure, never the target's. */
  controlBootstrap: 'control_bootstrap_failed',
  /** Something came back, but not the protocol's answer (a STUN, QUIC, OpenVPN or DNS reply that does not parse or match). */
  unexpectedAnswer: 'unexpected_answer',
  /** Not dialled: the address is this machine's or a private network's (a list or an answer pointed there). */
  notDialled: 'destination_not_dialled',
} as const;

/**
 * Failures of an IPv6 attempt that mean "this network has no IPv6 route" (no route, no address, the
 * family unsupported), not blocking: the analysis leaves such attempts out, as OONI does.
 */
export const NO_IPV6_ROUTE: ReadonlySet<string> = new Set<string>([FAILURES.networkUnreachable, FAILURES.hostUnreachable, FAILURES.addressNotAvailable, FAILURES.addressFamilyNotSupported]);

/** Every known failure string, as an `as const` array (for z.enum and membership tests). */
export const FAILURE_STRINGS = Object.values(FAILURES) as [KnownFailure, ...KnownFailure[]];
export type KnownFailure = (typeof FAILURES)[keyof typeof FAILURES];

/** The prefix of a failure nobody classified: `unknown_failure: <scrubbed message>`. */
export const UNKNOWN_FAILURE_PREFIX = 'unknown_failure: ';
/** The prefix shared by TLS failures (OONI's ssl_*). */
export const SSL_FAILURE_PREFIX = 'ssl_';

/** `unknown_failure: <detail>`: the only way to write a failure outside the table. */
export function unknownFailure(detail: string): string {
  return `${UNKNOWN_FAILURE_PREFIX}${detail}`;
}

export type Failure = string | null;

/** An answer the resolver stands behind: addresses, NXDOMAIN or an empty NOERROR (not a timeout or an error). */
export function isDefiniteAnswer(o: { failure: Failure }): boolean {
  return o.failure === null || o.failure === FAILURES.nxdomain || o.failure === FAILURES.noAnswer;
}

/** Failures that mean "the TLS chain or name did not check out" rather than "the connection broke". */
export function isCertificateFailure(failure: Failure): boolean {
  return failure === FAILURES.unknownAuthority || failure === FAILURES.invalidHostname || failure === FAILURES.invalidCertificate;
}

/** The exact certificate failure class of a TLS handshake (finer than ssl_invalid_certificate). */
export const CERT_FAILURE_CLASSES = [
  'untrusted_root',
  'expired',
  'not_yet_valid',
  'wrong_name',
  'incomplete_chain',
  'self_signed',
  'weak_or_unsupported_protocol',
  'other',
] as const;
export type CertFailureClass = (typeof CERT_FAILURE_CLASSES)[number];

/** The one table of certificate codes: OpenSSL verify codes (tlsSocket.authorizationError) and TLS error codes → certificate failure class. */
const CERT_CLASS_BY_CODE: Readonly<Record<string, CertFailureClass>> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not_yet_valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong_name',
  HOSTNAME_MISMATCH: 'wrong_name',
  // The issuer of a presented certificate is in no store: a site that forgot its intermediate, or an
  // interceptor that does not send its root. Either way not, on its own, evidence of interception.
  UNABLE_TO_GET_ISSUER_CERT: 'incomplete_chain',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'incomplete_chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'incomplete_chain',
  // The chain ends in a root the trust store does not hold: the interceptor's signature.
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted_root',
  CERT_UNTRUSTED: 'untrusted_root',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self_signed',
  CERT_REVOKED: 'other',
  CERT_SIGNATURE_FAILURE: 'other',
  INVALID_CA: 'other',
};

/** The OONI failure string each certificate failure class is reported as. */
export const FAILURE_OF_CERT_CLASS: Readonly<Record<CertFailureClass, KnownFailure>> = {
  untrusted_root: FAILURES.unknownAuthority,
  self_signed: FAILURES.unknownAuthority,
  incomplete_chain: FAILURES.unknownAuthority,
  wrong_name: FAILURES.invalidHostname,
  expired: FAILURES.invalidCertificate,
  not_yet_valid: FAILURES.invalidCertificate,
  other: FAILURES.invalidCertificate,
  weak_or_unsupported_protocol: FAILURES.failedHandshake,
};

/**
 * The OONI failure string of an OpenSSL verify code or TLS certificate error code named in the one
 * table above (CERT_HAS_EXPIRED → ssl_invalid_certificate); null for any other code. The network
 * layer's error classifier reads certificate codes through this, not a table of its own.
 */
export function certificateFailureOfCode(code: string): KnownFailure | null {
  const c = CERT_CLASS_BY_CODE[code];
  return c ? FAILURE_OF_CERT_CLASS[c] : null;
}

/** TLS errors that say the two ends share no acceptable protocol version or cipher. */
const WEAK_PROTOCOL = /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|VERSION_TOO_LOW|NO_SHARED_CIPHER|NO_CIPHERS_AVAILABLE|NO_SUITABLE|INSUFFICIENT_SECURITY|CA_MD_TOO_WEAK|EE_KEY_TOO_SMALL|CA_KEY_TOO_SMALL|UNSAFE_LEGACY_RENEGOTIATION/;

/**
 * The one mapping from an OpenSSL verify code or TLS error code to a certificate failure class (the
 * measurement fills TlsHandshakeObservation.certFailure with it; the analysis derives it the same way
 * from chainError when a stored or OONI measurement lacks the field). Null when the code is neither.
 */
export function certFailureClassOfCode(code: string | null | undefined): CertFailureClass | null {
  if (!code) return null;
  const byCode = CERT_CLASS_BY_CODE[code];
  if (byCode) return byCode;
  if (WEAK_PROTOCOL.test(code)) return 'weak_or_unsupported_protocol';
  if (code.startsWith('ERR_SSL_') || /^(CERT_|INVALID_|UNABLE_TO_|X509_)/.test(code)) return 'other';
  return null;
}
