import { z } from 'zod';
import { STEPS } from './service-list.ts';

export const VERDICT_STATUSES = ['accessible', 'blocked', 'partially blocked', 'down', 'inconclusive'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export const BLOCKING_METHODS = ['dns', 'tcp_ip', 'tls', 'mitm', 'http-failure', 'http-diff'] as const;
export type BlockingMethod = (typeof BLOCKING_METHODS)[number];

export const DNS_CONSISTENCIES = ['consistent', 'inconsistent', 'unknown'] as const;
export type DnsConsistency = (typeof DNS_CONSISTENCIES)[number];

export const ENDPOINT_STATUSES = ['ok', 'blocked', 'down', 'inconclusive'] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

export const BLOCKPAGE_SOURCES = ['censoredplanet', 'citizenlab', 'tekser'] as const;

export const blockpageMatchSchema = z.object({
  fingerprint: z.string(),
  source: z.enum(BLOCKPAGE_SOURCES),
  /** Censored Planet's f_gen_* are generic words ("access denied"): evidence, not proof. */
  generic: z.boolean(),
});
export type BlockpageMatch = z.infer<typeof blockpageMatchSchema>;

export const httpComparisonSchema = z.object({
  statusCodeMatch: z.boolean().nullable(),
  bodyProportion: z.number().nullable(),
  bodyLengthMatch: z.boolean().nullable(),
  headersMatch: z.boolean().nullable(),
  titleMatch: z.boolean().nullable(),
  /** OONI's rule: same page when status matches and any one of body length, headers or title does. */
  samePage: z.boolean().nullable(),
});
export type HttpComparison = z.infer<typeof httpComparisonSchema>;

export const INTERCEPTION_MATCHED_BY = ['sha256', 'spki', 'signature', 'name'] as const;

export const interceptionMatchSchema = z.object({
  ca: z.string(),
  country: z.string(),
  matchedBy: z.enum(INTERCEPTION_MATCHED_BY),
  /** Subject of the certificate in the chain that matched. */
  certificate: z.string(),
});
export type InterceptionMatch = z.infer<typeof interceptionMatchSchema>;

/** One known interception CA. Matching order: certificate fingerprint, SPKI, signature (with a PEM), then name. */
export const interceptionCaSchema = z.object({
  name: z.string(),
  country: z.string(),
  notes: z.string(),
  /** SHA-256 of the DER certificate, lower-case hex. */
  sha256: z.array(z.string()),
  /** SHA-256 of the SubjectPublicKeyInfo: survives re-issuing the CA with the same key. */
  spkiSha256: z.array(z.string()),
  /** Distinguished-name fragments, as Node prints them ("C=KZ, CN=Security Certificate"). */
  names: z.array(z.string()),
  /** The CA certificate itself, when known: lets a chain that omits the root be matched by signature. */
  pem: z.string().optional(),
});
export type InterceptionCa = z.infer<typeof interceptionCaSchema>;

export const endpointVerdictSchema = z.object({
  endpoint: z.string(),
  status: z.enum(ENDPOINT_STATUSES),
  step: z.enum(STEPS).nullable(),
  failure: z.string().nullable(),
  /** Ports that failed on an endpoint that still counts as reachable (e.g. 5222 only). */
  failedPorts: z.array(z.number()),
});
export type EndpointVerdict = z.infer<typeof endpointVerdictSchema>;

export const checkVerdictSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(VERDICT_STATUSES),
  method: z.enum(BLOCKING_METHODS).nullable(),
  endpoints: z.array(endpointVerdictSchema),
});
export type CheckVerdict = z.infer<typeof checkVerdictSchema>;

export const verdictSchema = z.object({
  status: z.enum(VERDICT_STATUSES),
  method: z.enum(BLOCKING_METHODS).nullable(),
  /** One line a person can act on. */
  reason: z.string(),
  /** The observations behind the verdict, one per line. */
  evidence: z.array(z.string()),
  dnsConsistency: z.enum(DNS_CONSISTENCIES).nullable(),
  blockpage: blockpageMatchSchema.nullable(),
  httpComparison: httpComparisonSchema.nullable(),
  /** For interception: the issuer of the chain that public roots do not trust. */
  untrustedIssuer: z.string().nullable(),
  /** A known interception CA found in the chain. */
  interceptionCa: interceptionMatchSchema.nullable(),
  /** SNI filtering: proven when the same address accepts a harmless SNI (or none) but not the target's. */
  sniProof: z.enum(['proven', 'not-proven']).nullable(),
  /** Services only: the verdict of each check, endpoint by endpoint. */
  checks: z.array(checkVerdictSchema).optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;
