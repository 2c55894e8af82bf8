import { z } from 'zod';
import { CERT_FAILURE_CLASSES } from './failure.ts';

/**
 * What the network primitives return: what was tried, when (seconds relative to the target's
 * measurement start, like OONI's t0/t), and one normalised failure string. Never a verdict.
 */

export const failureSchema = z.string().nullable();
const timing = { t0: z.number(), t: z.number() };

export const DNS_ENGINES = ['getaddrinfo', 'udp', 'tcp', 'doh'] as const;
export type DnsEngine = (typeof DNS_ENGINES)[number];
export const QUERY_TYPES = ['A', 'AAAA', 'ANY'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];
export const DNS_ANSWER_TYPES = ['A', 'AAAA', 'CNAME'] as const;

export const dnsAnswerSchema = z.object({
  type: z.enum(DNS_ANSWER_TYPES),
  value: z.string(),
  ttl: z.number().nullable(),
  /** The AS the measurement says this address is in (OONI's answers carry it); absent when unknown. */
  asn: z.number().optional(),
});
export type DnsAnswer = z.infer<typeof dnsAnswerSchema>;

export const certificateSchema = z.object({
  /** DER, base64. */
  der: z.string(),
  sha256: z.string(),
  /** SHA-256 of the SubjectPublicKeyInfo (DER), hex: survives re-issuing with the same key. */
  spkiSha256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  isCA: z.boolean(),
});
export type CertificateInfo = z.infer<typeof certificateSchema>;

export const tlsObservationSchema = z.object({
  ip: z.string(),
  port: z.number(),
  /** The SNI sent; null when none was sent. */
  serverName: z.string().nullable(),
  failure: failureSchema,
  tlsVersion: z.string().nullable(),
  cipherSuite: z.string().nullable(),
  alpn: z.string().nullable(),
  /** Leaf first, as the peer sent it. */
  peerCertificates: z.array(certificateSchema),
  /** Whether the chain validated against the trust store used (public roots + --ca-file + pinned). */
  chainTrusted: z.boolean().nullable(),
  /** OpenSSL's reason when it did not (UNABLE_TO_GET_ISSUER_CERT_LOCALLY, ...). */
  chainError: z.string().nullable(),
  /** The exact certificate failure class (from chainError and the name check); null when the chain and name are fine. */
  certFailure: z.enum(CERT_FAILURE_CLASSES).nullable().optional(),
  /** Hostname check done separately, so a bad chain does not hide a wrong name. */
  hostnameMatches: z.boolean().nullable(),
  ...timing,
});
export type TlsHandshakeObservation = z.infer<typeof tlsObservationSchema>;

export const dnsObservationSchema = z.object({
  engine: z.enum(DNS_ENGINES),
  /** "" for the system resolver, "IP:port" for udp/tcp, the URL for DoH. */
  resolver: z.string(),
  hostname: z.string(),
  queryType: z.enum(QUERY_TYPES),
  answers: z.array(dnsAnswerSchema),
  rcode: z.string().nullable(),
  failure: failureSchema,
  /** UDP: replies that arrived after the accepted one (an injector usually answers first). */
  lateAnswers: z.array(z.array(dnsAnswerSchema)).optional(),
  /** UDP: datagrams that did not match our query id/question. */
  strayReplies: z.number().optional(),
  /** UDP: the reply was truncated and the query was retried over TCP. */
  retriedOverTcp: z.boolean().optional(),
  /** DoH: the handshake with the DoH server (its chain), so that an intercepted control can be named. */
  tls: tlsObservationSchema.optional(),
  /** System resolver: ms spent waiting for a free lookup thread before getaddrinfo started. */
  queuedMs: z.number().optional(),
  ...timing,
});
export type DnsObservation = z.infer<typeof dnsObservationSchema>;

export const tcpObservationSchema = z.object({
  ip: z.string(),
  port: z.number(),
  failure: failureSchema,
  /** The connect timeout used (adaptive: from this run's observed connect times, never below 4 s). */
  timeoutMs: z.number().optional(),
  ...timing,
});
export type TcpConnectObservation = z.infer<typeof tcpObservationSchema>;

export const HTTP_METHODS = ['GET', 'POST'] as const;
export const FAILED_OPERATIONS = ['connect', 'tls_handshake', 'http_round_trip'] as const;
export type FailedOperation = (typeof FAILED_OPERATIONS)[number];

export const httpSampleSchema = z.object({ t: z.number(), bytes: z.number() });

/** Fields an HTTP observation has in memory and in a stored run alike. */
const httpObservationBase = z.object({
  url: z.string(),
  method: z.enum(HTTP_METHODS),
  ip: z.string(),
  port: z.number(),
  failure: failureSchema,
  /** Which step failed: connect, tls_handshake or http_round_trip. */
  failedOperation: z.enum(FAILED_OPERATIONS).nullable(),
  status: z.number().nullable(),
  headers: z.record(z.string(), z.string()),
  /** Body bytes read (capped). */
  bodyLength: z.number(),
  bodyTruncated: z.boolean(),
  title: z.string().nullable(),
  tls: tlsObservationSchema.nullable(),
  /** When the response headers arrived: the body's transfer time is t - responseAt. */
  responseAt: z.number().nullable(),
  /** Cumulative body bytes at time t (seconds, same clock as t0/t), sampled about every 250 ms, for throttling analysis. */
  samples: z.array(httpSampleSchema).optional(),
  /** A 3xx whose Location was not followed: it pointed at this machine or its networks (never dialled). */
  refusedRedirect: z.object({ url: z.string(), ip: z.string().nullable(), reason: z.string() }).optional(),
  /** Set only on a response read from a measurement that did not record its body (an OONI one): its length and title are unknown, not empty. */
  bodyMissing: z.literal(true).optional(),
  ...timing,
});

export const httpObservationSchema = httpObservationBase.extend({
  /** Body text, decoded as UTF-8; kept for analysis, trimmed in reports. */
  body: z.string(),
});
export type HttpObservation = z.infer<typeof httpObservationSchema>;

/** An HTTP observation as a stored run / --format json writes it: a hash instead of the body. */
export const storedHttpObservationSchema = httpObservationBase.extend({
  bodySha256: z.string().nullable(),
  /** Only with --include-bodies: a page may echo the prober's own IP address. */
  body: z.string().optional(),
});
export type StoredHttpObservation = z.infer<typeof storedHttpObservationSchema>;

/** Kept for importers of the schema module; defined in failure.ts (it reads only the failure). */
