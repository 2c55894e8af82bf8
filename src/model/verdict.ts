import { z } from 'zod';
import { STEPS } from './service-list.ts';
import { messageSchema } from './message.ts';
import { throughputTransferSchema } from './measurement.ts';

/**
 * `refused by site`: the site itself refused this network's visitors (a 451, a geo-block, a bot
 * challenge) over HTTPS with a certificate valid for it: neither blocked (the network could not have
 * written the page) nor accessible (the user did not get the site).
 */
export const VERDICT_STATUSES = ['accessible', 'blocked', 'partially blocked', 'down', 'inconclusive', 'refused by site'] as const;
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
  /** One line a person can act on, in English (what scripts and older readers see). */
  reason: z.string(),
  /** The same line as a catalogue message: what a reader in another language is shown (src/i18n). */
  reasonMessage: messageSchema.optional(),
  /** The observations behind the verdict, one per line, in English. */
  evidence: z.array(z.string()),
  /** The same lines as catalogue messages, one per evidence line when present. */
  evidenceMessages: z.array(messageSchema).optional(),
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

// What the analysis decides about a target beside its verdict, once, for the run-level findings.
// Never stored (a run's JSON holds the verdict only): the findings read these instead of going back
// to the observations.

/** The control resolver's own TLS connection, intercepted: who did it, as far as its chain tells. */
export const controlInterceptionSchema = z.object({
  /** The control resolver (DoH URL). */
  resolver: z.string(),
  failure: z.string().nullable(),
  /** Issuer at the top of the chain the control was shown, when it was recorded. */
  issuer: z.string().nullable(),
  /** A known interception CA in that chain. */
  match: interceptionMatchSchema.nullable(),
});
export type ControlInterception = z.infer<typeof controlInterceptionSchema>;

/** The control resolvers as one target's own lookups saw them (its control lookups and the re-check after a failure). */
export const targetControlSchema = z.object({
  /** The control could not be reached (no definite answer), nothing else stood in for it, and it was not intercepted. */
  failed: z.boolean(),
  /** Why, when it failed. */
  failure: z.string().nullable(),
  interception: controlInterceptionSchema.nullable(),
  /**
   * The control answered but misbehaves (a DoH answer that is not DNS, a helper answer that is not its
   * JSON): why, in words. Its transport worked, so this is never "no connectivity". Absent otherwise.
   */
  misbehaving: z.string().optional(),
});
export type TargetControl = z.infer<typeof targetControlSchema>;

/** The run's own check of the control resolvers: `ok` (a definite answer, or intercepted), `failed` (none), `none` (not made). */
export const CONTROL_CHECK_STATES = ['ok', 'failed', 'none'] as const;
export const runControlSchema = z.object({
  state: z.enum(CONTROL_CHECK_STATES),
  /** Why, when it failed. */
  failure: z.string().nullable(),
  interception: controlInterceptionSchema.nullable(),
  /** The control check failed because the control answered wrongly (transport worked): why. Absent otherwise. */
  misbehaving: z.string().optional(),
});
export type RunControl = z.infer<typeof runControlSchema>;

/**
 * How a failing target failed, for the allow-list decision: `untargeted` (no connection at all: no
 * route, timeouts, refusals, a resolver that does not answer), `targeted` (a method a censor aims at
 * a name: DNS tampering, a handshake or request broken after connecting, a block page, interception),
 * `none` (it worked) or `other` (gone for everyone, undecided).
 */
export const FAILURE_KINDS = ['none', 'untargeted', 'targeted', 'other'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const HELPER_STATUSES = ['none', 'ok', 'failed'] as const;

/** The facts the analysis decided about one target beside its verdict (src/analyze/facts.ts decides them). */
export const verdictFactsSchema = z.object({
  /** Web targets: the URL's host. */
  hostname: z.string().nullable(),
  failureKind: z.enum(FAILURE_KINDS),
  /** Web: TCP attempts that failed here (IPv6 "no route" on a network without IPv6 left out). */
  tcpFailed: z.array(z.object({ ip: z.string(), port: z.number(), failure: z.string() })),
  /** Web: addresses a TCP connection succeeded to. */
  tcpOk: z.array(z.string()),
  /** SNI probe: the target's name fails on a neutral server too (the filter follows the name). */
  sniFollowsName: z.boolean(),
  /** An HTTPS page loaded through a valid chain. */
  validTls: z.boolean(),
  /** The last hop's body transfer: bytes, seconds (from the response headers), rate (bytes/s; from the ~250 ms samples when there are enough). */
  transfer: z.object({ bytes: z.number(), seconds: z.number(), rate: z.number(), sampled: z.boolean() }).nullable(),
  /** A `refused by site` verdict: the kind of refusal and the fingerprint (src/data/site-refusals.json). Absent otherwise. */
  refusal: z.object({ kind: z.string(), fingerprint: z.string() }).optional(),
  /**
   * The throughput proof's transfers (the reference from the control helper's address, with the
   * target's name and with a harmless one): what the throttling finding compares. Absent without one.
   */
  throughput: z
    .object({
      sni: z.string(),
      expected: z.number(),
      stallSeconds: z.number(),
      transfers: z.array(throughputTransferSchema.pick({ kind: true, bytes: true, seconds: true, stalledAt: true, failure: true })),
    })
    .optional(),
  control: targetControlSchema,
  helper: z.object({
    status: z.enum(HELPER_STATUSES),
    url: z.string().nullable(),
    failure: z.string().nullable(),
    attempts: z.number(),
  }),
});
export type VerdictFacts = z.infer<typeof verdictFactsSchema>;
