import type { CertFailureClass, Failure } from './failure.ts';

/**
 * What the network primitives return: what was tried, when (seconds relative to the target's
 * measurement start, like OONI's t0/t), and one normalised failure string. Never a verdict.
 */

export type DnsEngine = 'getaddrinfo' | 'udp' | 'tcp' | 'doh';
export type QueryType = 'A' | 'AAAA' | 'ANY';

export interface DnsAnswer {
  type: 'A' | 'AAAA' | 'CNAME';
  value: string;
  ttl: number | null;
}

export interface DnsObservation {
  engine: DnsEngine;
  /** "" for the system resolver, "IP:port" for udp/tcp, the URL for DoH. */
  resolver: string;
  hostname: string;
  queryType: QueryType;
  answers: DnsAnswer[];
  rcode: string | null;
  failure: Failure;
  t0: number;
  t: number;
  /** UDP: replies that arrived after the accepted one (an injector usually answers first). */
  lateAnswers?: DnsAnswer[][];
  /** UDP: datagrams that did not match our query id/question. */
  strayReplies?: number;
  /** UDP: the reply was truncated and the query was retried over TCP. */
  retriedOverTcp?: boolean;
  /** DoH: the handshake with the DoH server (its chain is evidence: an intercepted control says so). */
  tls?: TlsHandshakeObservation;
  /** System resolver: ms spent waiting for a free lookup thread before the lookup started. */
  queuedMs?: number;
}

export interface TcpConnectObservation {
  ip: string;
  port: number;
  failure: Failure;
  /** The connect timeout used (adaptive: derived from this run's round-trip times, never below 4 s). */
  timeoutMs?: number;
  t0: number;
  t: number;
}

export interface CertificateInfo {
  /** DER, base64. */
  der: string;
  sha256: string;
  /** SHA-256 of the SubjectPublicKeyInfo (DER), hex: survives re-issuing with the same key. */
  spkiSha256: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  isCA: boolean;
}

export interface TlsHandshakeObservation {
  ip: string;
  port: number;
  /** The SNI sent; null when none was sent. */
  serverName: string | null;
  failure: Failure;
  tlsVersion: string | null;
  cipherSuite: string | null;
  alpn: string | null;
  /** Leaf first, as the peer sent it. */
  peerCertificates: CertificateInfo[];
  /** Whether the chain validated against the trust store used (public roots + --ca-file + pinned). */
  chainTrusted: boolean | null;
  /** OpenSSL's reason when it did not (UNABLE_TO_GET_ISSUER_CERT_LOCALLY, ...). */
  chainError: string | null;
  /** Hostname check done separately, so a bad chain does not hide a wrong name. */
  hostnameMatches: boolean | null;
  /** Which kind of certificate or protocol failure, when there was one (from OpenSSL's codes). */
  certFailure?: CertFailureClass;
  t0: number;
  t: number;
}

export interface HttpObservation {
  url: string;
  method: 'GET' | 'POST';
  ip: string;
  port: number;
  failure: Failure;
  /** Which step failed: connect, tls_handshake or http_round_trip. */
  failedOperation: 'connect' | 'tls_handshake' | 'http_round_trip' | null;
  status: number | null;
  headers: Record<string, string>;
  /** Body bytes read (capped). */
  bodyLength: number;
  bodyTruncated: boolean;
  /** Body text, decoded as UTF-8; kept for analysis, trimmed in reports. */
  body: string;
  title: string | null;
  tls: TlsHandshakeObservation | null;
  /** When the response headers arrived: the body's transfer time is t - responseAt. */
  responseAt: number | null;
  /** Throughput samples over the body transfer: cumulative bytes at t (seconds), about every 250 ms. */
  samples?: { t: number; bytes: number }[];
  /** A 3xx whose Location was not followed because it pointed at this machine or its networks. */
  refusedRedirect?: { url: string; ip: string | null; reason: string };
  t0: number;
  t: number;
}
