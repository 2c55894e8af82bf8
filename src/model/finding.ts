import { z } from 'zod';
import { WEB_TARGET_ROLES } from './target.ts';
import { BLOCKING_METHODS, VERDICT_STATUSES, interceptionMatchSchema } from './verdict.ts';

export const FINDING_KINDS = ['ways-out', 'no-connectivity', 'control-interception', 'allow-list', 'collateral', 'sni-filtering', 'state-mitm', 'suspected-mitm', 'throttling', 'helper-unavailable'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A statement about the run as a whole, with the evidence behind it. */
export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  /** One line, in words an activist can act on. */
  title: z.string(),
  details: z.array(z.string()),
  /** Labels (URLs or service names) of the targets involved. */
  targets: z.array(z.string()),
});
export type Finding = z.infer<typeof findingSchema>;
/** The same type under the name the stored-run code has used (a finding is stored as it is). */
export type FindingJson = Finding;

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

/**
 * How a failing target failed, for the allow-list decision: `untargeted` (no connection at all: no
 * route, timeouts, refusals, a resolver that does not answer), `targeted` (a method a censor aims at
 * a name: DNS tampering, a handshake or request broken after connecting, a block page, interception),
 * `none` (it worked) or `other` (gone for everyone, undecided).
 */
export const FAILURE_KINDS = ['none', 'untargeted', 'targeted', 'other'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const HELPER_STATUSES = ['none', 'ok', 'failed'] as const;

/**
 * What the run-level findings read of one result: a slim record (a few hundred bytes) that a
 * streaming pipeline keeps instead of the measurement. `slimResult` (src/findings/slim.ts) makes it.
 */
export const findingInputSchema = z.object({
  label: z.string(),
  url: z.string(),
  kind: z.enum(['web', 'service']),
  role: z.enum(WEB_TARGET_ROLES),
  /** Web targets: the URL's host. */
  hostname: z.string().nullable(),
  verdict: z.object({
    status: z.enum(VERDICT_STATUSES),
    method: z.enum(BLOCKING_METHODS).nullable(),
    reason: z.string(),
    interceptionCa: interceptionMatchSchema.nullable(),
    untrustedIssuer: z.string().nullable(),
    sniProof: z.enum(['proven', 'not-proven']).nullable(),
  }),
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
  control: z.object({
    /** The control could not be reached (no definite answer), and nothing else stood in for it. */
    failed: z.boolean(),
    /** Why, when it failed. */
    failure: z.string().nullable(),
    interception: controlInterceptionSchema.nullable(),
  }),
  helper: z.object({
    status: z.enum(HELPER_STATUSES),
    url: z.string().nullable(),
    failure: z.string().nullable(),
    attempts: z.number(),
  }),
});
export type FindingInput = z.infer<typeof findingInputSchema>;
