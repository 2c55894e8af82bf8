import { z } from 'zod';
import { BLOCKING_METHODS } from '../analyze/verdict.ts';

/**
 * The machine-readable output of `tekser run` (--format json / jsonl), versioned. Consumers should
 * check `schema` and tolerate fields added in later minor versions.
 */
export const RUN_SCHEMA_ID = 'tekser/run/v1';

const failure = z.string().nullable();
const t = { t0: z.number(), t: z.number() };

export const dnsObservationSchema = z.object({
  engine: z.enum(['getaddrinfo', 'udp', 'tcp', 'doh']),
  resolver: z.string(),
  hostname: z.string(),
  queryType: z.enum(['A', 'AAAA', 'ANY']),
  answers: z.array(z.object({ type: z.enum(['A', 'AAAA', 'CNAME']), value: z.string(), ttl: z.number().nullable() })),
  rcode: z.string().nullable(),
  failure,
  lateAnswers: z.array(z.array(z.object({ type: z.string(), value: z.string(), ttl: z.number().nullable() }))).optional(),
  strayReplies: z.number().optional(),
  retriedOverTcp: z.boolean().optional(),
  ...t,
});

export const certificateSchema = z.object({
  der: z.string(),
  sha256: z.string(),
  spkiSha256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  isCA: z.boolean(),
});

export const tlsObservationSchema = z.object({
  ip: z.string(),
  port: z.number(),
  serverName: z.string().nullable(),
  failure,
  tlsVersion: z.string().nullable(),
  cipherSuite: z.string().nullable(),
  alpn: z.string().nullable(),
  peerCertificates: z.array(certificateSchema),
  chainTrusted: z.boolean().nullable(),
  chainError: z.string().nullable(),
  hostnameMatches: z.boolean().nullable(),
  ...t,
});

export const httpObservationSchema = z.object({
  url: z.string(),
  method: z.enum(['GET', 'POST']),
  ip: z.string(),
  port: z.number(),
  failure,
  failedOperation: z.enum(['connect', 'tls_handshake', 'http_round_trip']).nullable(),
  status: z.number().nullable(),
  headers: z.record(z.string(), z.string()),
  bodyLength: z.number(),
  bodyTruncated: z.boolean(),
  bodySha256: z.string().nullable(),
  /** Only with --include-bodies: a page may echo the prober's own IP address. */
  body: z.string().optional(),
  title: z.string().nullable(),
  tls: tlsObservationSchema.nullable(),
  responseAt: z.number().nullable(),
  ...t,
});

export const verdictSchema = z.object({
  status: z.enum(['accessible', 'blocked', 'partially blocked', 'down', 'inconclusive']),
  method: z.enum(BLOCKING_METHODS).nullable(),
  reason: z.string(),
  evidence: z.array(z.string()),
  dnsConsistency: z.enum(['consistent', 'inconsistent', 'unknown']).nullable(),
  blockpage: z.object({ fingerprint: z.string(), source: z.string(), generic: z.boolean() }).nullable(),
  httpComparison: z
    .object({
      statusCodeMatch: z.boolean().nullable(),
      bodyProportion: z.number().nullable(),
      bodyLengthMatch: z.boolean().nullable(),
      headersMatch: z.boolean().nullable(),
      titleMatch: z.boolean().nullable(),
      samePage: z.boolean().nullable(),
    })
    .nullable(),
  untrustedIssuer: z.string().nullable(),
  interceptionCa: z.object({ ca: z.string(), country: z.string(), matchedBy: z.enum(['sha256', 'spki', 'signature', 'name']), certificate: z.string() }).nullable(),
  sniProof: z.enum(['proven', 'not-proven']).nullable(),
  /** Services only: each check's verdict, endpoint by endpoint. */
  checks: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(['accessible', 'blocked', 'partially blocked', 'down', 'inconclusive']),
        method: z.enum(BLOCKING_METHODS).nullable(),
        endpoints: z.array(
          z.object({
            endpoint: z.string(),
            status: z.enum(['ok', 'blocked', 'down', 'inconclusive']),
            step: z.enum(['dns', 'tcp', 'tls', 'http']).nullable(),
            failure: z.string().nullable(),
            failedPorts: z.array(z.number()),
          }),
        ),
      }),
    )
    .optional(),
});

export const webResultSchema = z.object({
  schema: z.literal(RUN_SCHEMA_ID),
  target: z.object({ kind: z.literal('web'), url: z.string(), category: z.string().nullable(), source: z.string() }),
  verdict: verdictSchema,
  measurement: z.object({
    startedAt: z.string(),
    runtime: z.number(),
    hostname: z.string(),
    port: z.number(),
    localResolver: z.string(),
    dns: z.object({ local: z.array(dnsObservationSchema), control: z.array(dnsObservationSchema) }),
    addresses: z.array(z.object({ ip: z.string(), sources: z.array(z.enum(['local', 'control', 'helper'])), skipped: z.enum(['loopback']).nullable() })),
    tcp: z.array(z.object({ ip: z.string(), port: z.number(), failure, ...t })),
    tls: z.array(tlsObservationSchema),
    http: z.array(httpObservationSchema),
    redirectDns: z.array(dnsObservationSchema),
    helper: z.object({ url: z.string(), response: z.unknown().nullable(), failure }).nullable(),
    controlRecheck: z.array(dnsObservationSchema),
    sniProbes: z.array(z.object({ kind: z.enum(['same-ip-harmless-sni', 'same-ip-no-sni', 'neutral-host-target-sni', 'neutral-host-harmless-sni']), handshake: tlsObservationSchema })),
    deadlineExceeded: z.boolean(),
  }),
});

export const serviceResultSchema = z.object({
  schema: z.literal(RUN_SCHEMA_ID),
  target: z.object({
    kind: z.literal('service'),
    url: z.string(),
    id: z.string(),
    name: z.string(),
    serviceKind: z.enum(['messenger', 'circumvention', 'other']),
    source: z.string(),
  }),
  verdict: verdictSchema,
  measurement: z.object({
    startedAt: z.string(),
    runtime: z.number(),
    localResolver: z.string(),
    controlAnswered: z.boolean().nullable(),
    deadlineExceeded: z.boolean(),
    checks: z.array(
      z.object({
        checkId: z.string(),
        attempts: z.array(
          z.object({
            label: z.string(),
            host: z.string(),
            port: z.number().nullable(),
            dns: z.object({ local: z.array(dnsObservationSchema), control: z.array(dnsObservationSchema) }).nullable(),
            tcp: z.array(z.object({ ip: z.string(), port: z.number(), failure, ...t })),
            tls: z.array(tlsObservationSchema),
            http: httpObservationSchema.nullable(),
          }),
        ),
      }),
    ),
  }),
});

/** One line of --format jsonl: a web target or a service. */
export const targetResultSchema = z.union([webResultSchema, serviceResultSchema]);

export const runSummarySchema = z.object({
  total: z.number(),
  accessible: z.number(),
  blocked: z.number(),
  partiallyBlocked: z.number(),
  down: z.number(),
  inconclusive: z.number(),
});

export const findingSchema = z.object({
  kind: z.enum(['no-connectivity', 'allow-list', 'collateral', 'sni-filtering', 'state-mitm', 'suspected-mitm', 'throttling']),
  title: z.string(),
  details: z.array(z.string()),
  targets: z.array(z.string()),
});

/** The last line of --format jsonl: the run's summary and findings. */
export const runSummaryLineSchema = z.object({
  schema: z.literal(RUN_SCHEMA_ID),
  type: z.literal('run-summary'),
  startedAt: z.string(),
  finishedAt: z.string(),
  summary: z.lazy(() => runSummarySchema),
  findings: z.array(findingSchema),
});

export const runDocumentSchema = z.object({
  schema: z.literal(RUN_SCHEMA_ID),
  tekser: z.object({ version: z.string(), node: z.string(), openssl: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  settings: z.object({
    localResolver: z.string(),
    controlResolvers: z.array(z.string()),
    controlHelper: z.string().nullable(),
    trustStore: z.string(),
    concurrency: z.number(),
    lists: z.array(z.string()),
  }),
  summary: runSummarySchema,
  findings: z.array(findingSchema),
  results: z.array(targetResultSchema),
});

export type TargetResultJson = z.infer<typeof targetResultSchema>;
export type WebResultJson = z.infer<typeof webResultSchema>;
export type ServiceResultJson = z.infer<typeof serviceResultSchema>;
export type RunDocument = z.infer<typeof runDocumentSchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;
export type FindingJson = z.infer<typeof findingSchema>;
