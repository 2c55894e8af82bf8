import { z } from 'zod';
import { messageSchema } from './message.ts';
import { failureSchema } from './observation.ts';

/**
 * "What still works": the ways out a person in a shutdown may try (Tor, its bridges, Snowflake,
 * encrypted DNS, a VPN, open ports), the probes that test each, what the probes saw, and the verdict
 * on each way. One definition, as for everything else in src/model.
 *
 * Privacy, at the source: a probe of a private way (a bridge or endpoint the user gave) records
 * `endpoint` as a hash label and `ip` as PRIVATE_ADDRESS, so reports, exports, history and the
 * evidence bundle cannot carry the address unless the user asked for it in clear. A STUN answer's
 * XOR-MAPPED-ADDRESS (the user's public address) is parsed and only its family is kept.
 */

/** What a probe does, one file each in src/net/checks/. */
export const WAY_CHECK_KINDS = ['tcp', 'tls', 'tor_or', 'tor_dir', 'stun', 'resolver', 'quic_ping', 'ech', 'openvpn', 'rendezvous', 'echo'] as const;
export type WayCheckKind = (typeof WAY_CHECK_KINDS)[number];

/** What kind of way out a way is, as the answer groups them. */
export const WAY_KINDS = ['tor', 'tor_bridge', 'snowflake', 'dns', 'vpn', 'proxy', 'ech', 'quic', 'port', 'signature'] as const;
export type WayKind = (typeof WAY_KINDS)[number];

export const TRANSPORTS = ['tcp', 'udp'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** Resolver transports a resolver probe may test (OONI dnscheck's udp://, tcp://, dot://, https://). */
export const RESOLVER_KINDS = ['udp', 'tcp', 'dot', 'doh'] as const;
export type ResolverKind = (typeof RESOLVER_KINDS)[number];

/** Variants of a probe that is one half of a pair: ECH vs none, a protocol's shape vs random bytes. */
export const PROBE_VARIANTS = ['control', 'grease_ech', 'wireguard', 'openvpn', 'random', 'plain'] as const;
export type ProbeVariant = (typeof PROBE_VARIANTS)[number];

/** Snowflake's ways to reach its broker. */
export const RENDEZVOUS_METHODS = ['domain_fronting', 'amp_cache', 'direct'] as const;

export { PRIVATE_ADDRESS } from './private.ts';

/** One probe to run: what the list (or the user's bridge line / --endpoint) asks for. */
export const wayProbePlanSchema = z.object({
  check: z.enum(WAY_CHECK_KINDS),
  /** A name or an IP literal; names are resolved by the system resolver before dialling. */
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  transport: z.enum(TRANSPORTS),
  /** SNI (tls, ech's outer name, a rendezvous front). */
  serverName: z.string().optional(),
  /** HTTP Host header (a fronted rendezvous: the broker behind the front). */
  hostHeader: z.string().optional(),
  /** HTTP path (tor_dir, rendezvous, doh). */
  path: z.string().optional(),
  /** resolver: the transport and the name to resolve through it. */
  resolver: z.enum(RESOLVER_KINDS).optional(),
  query: z.string().optional(),
  variant: z.enum(PROBE_VARIANTS).optional(),
  method: z.enum(RENDEZVOUS_METHODS).optional(),
  /** echo: bytes to send (a random twin matches its shaped partner's size). */
  size: z.number().int().min(1).max(1400).optional(),
});
export type WayProbePlan = z.infer<typeof wayProbePlanSchema>;

/** One way out, as a list or the user names it. */
export const wayPlanSchema = z.object({
  id: z.string(),
  kind: z.enum(WAY_KINDS),
  /** "Tor directory authorities", "the bridge on port 3785", "DNS over HTTPS to 1.1.1.1". */
  title: z.string(),
  /** Given by the user (a bridge line, --endpoint): its address is scrubbed everywhere it is recorded. */
  private: z.boolean(),
  /** A pluggable transport (obfs4, webtunnel…) checked only as far as its port: necessary, not sufficient. */
  pluggableTransport: z.string().nullable(),
  probes: z.array(wayProbePlanSchema).min(1),
});
export type WayPlan = z.infer<typeof wayPlanSchema>;

const probeBase = z.object({
  /** The endpoint as reports show it (`host:port`, or `private:<hash>` for a private way). */
  endpoint: z.string(),
  /** The address dialled (PRIVATE_ADDRESS for a private way; '' when none was dialled). */
  ip: z.string(),
  port: z.number(),
  transport: z.enum(TRANSPORTS),
  failure: failureSchema,
  /** One line: what came back (or why nothing was sent: "refused to dial a private address"). */
  detail: z.string().nullable(),
  t0: z.number(),
  t: z.number(),
});

const peerCertificateSchema = z.object({ sha256: z.string(), subject: z.string(), issuer: z.string() });

export const tcpProbeSchema = probeBase.extend({ check: z.literal('tcp') });
export const tlsProbeSchema = probeBase.extend({
  check: z.enum(['tls', 'tor_or']),
  serverName: z.string().nullable(),
  tlsVersion: z.string().nullable(),
  /** The certificate the server sent (a relay's is self-signed: recorded, not judged). */
  certificate: peerCertificateSchema.nullable(),
  /** Whether it chains to the trust store (tls only; null for a relay). */
  chainTrusted: z.boolean().nullable(),
  /** control: the other half of an SNI pair (same address, another name); never the way itself. */
  variant: z.enum(PROBE_VARIANTS).optional(),
});
export const torDirProbeSchema = probeBase.extend({ check: z.literal('tor_dir'), status: z.number().nullable(), bytes: z.number() });
export const stunProbeSchema = probeBase.extend({
  check: z.literal('stun'),
  /** The family of the XOR-MAPPED-ADDRESS in the answer; the address itself is never kept. */
  mappedFamily: z.enum(['ipv4', 'ipv6']).nullable(),
});
export const dnsResolverProbeSchema = probeBase.extend({
  check: z.literal('resolver'),
  resolver: z.enum(RESOLVER_KINDS),
  query: z.string(),
  rcode: z.string().nullable(),
  /** A and AAAA addresses of the (public, well-known) name asked for. */
  answers: z.array(z.string()),
  /** DoT/DoH: the resolver's certificate chained to the trust store for its name. */
  chainTrusted: z.boolean().nullable(),
});
export const quicPingProbeSchema = probeBase.extend({
  check: z.literal('quic_ping'),
  /** Versions the server's Version Negotiation listed. */
  versions: z.array(z.number()),
});
export const echProbeSchema = probeBase.extend({
  check: z.literal('ech'),
  variant: z.enum(PROBE_VARIANTS),
  /** The SNI in the (outer) ClientHello. */
  serverName: z.string(),
  /** What the server sent first: a ServerHello, an alert, or nothing. */
  reply: z.enum(['server_hello', 'alert', 'other', 'none']),
});
export const openvpnProbeSchema = probeBase.extend({ check: z.literal('openvpn'), serverSession: z.boolean() });
export const rendezvousProbeSchema = probeBase.extend({
  check: z.literal('rendezvous'),
  method: z.enum(RENDEZVOUS_METHODS),
  serverName: z.string().nullable(),
  hostHeader: z.string().nullable(),
  tlsVersion: z.string().nullable(),
  chainTrusted: z.boolean().nullable(),
  status: z.number().nullable(),
});
export const echoProbeSchema = probeBase.extend({
  check: z.literal('echo'),
  variant: z.enum(PROBE_VARIANTS),
  sent: z.number(),
  /** Bytes that came back identical to what was sent. */
  echoed: z.number(),
});

export const wayProbeSchema = z.discriminatedUnion('check', [
  tcpProbeSchema,
  tlsProbeSchema,
  torDirProbeSchema,
  stunProbeSchema,
  dnsResolverProbeSchema,
  quicPingProbeSchema,
  echProbeSchema,
  openvpnProbeSchema,
  rendezvousProbeSchema,
  echoProbeSchema,
]);
export type WayProbe = z.infer<typeof wayProbeSchema>;
export type TcpProbe = z.infer<typeof tcpProbeSchema>;
export type TlsProbe = z.infer<typeof tlsProbeSchema>;
export type TorDirProbe = z.infer<typeof torDirProbeSchema>;
export type StunProbe = z.infer<typeof stunProbeSchema>;
export type DnsResolverProbe = z.infer<typeof dnsResolverProbeSchema>;
export type QuicPingProbe = z.infer<typeof quicPingProbeSchema>;
export type EchProbe = z.infer<typeof echProbeSchema>;
export type OpenvpnProbe = z.infer<typeof openvpnProbeSchema>;
export type RendezvousProbe = z.infer<typeof rendezvousProbeSchema>;
export type EchoProbe = z.infer<typeof echoProbeSchema>;

/** One way, measured: the plan (addresses scrubbed when private) and what each probe saw. */
export const wayMeasurementSchema = wayPlanSchema.omit({ probes: true }).extend({ probes: z.array(wayProbeSchema) });
export type WayMeasurement = z.infer<typeof wayMeasurementSchema>;

/**
 * works: the protocol's own answer came back. blocked: interference proven (a pair where only the
 * shaped or ECH half is lost, a port the helper listens on that never answers while others do).
 * unreachable: no answer from here, the cause not proven (blocked, or the server is down).
 * inconclusive: nothing to judge (not dialled, interrupted, an answer that proves nothing).
 */
export const WAY_STATUSES = ['works', 'blocked', 'unreachable', 'inconclusive'] as const;
export type WayStatus = (typeof WAY_STATUSES)[number];

export const wayVerdictSchema = z.object({
  id: z.string(),
  kind: z.enum(WAY_KINDS),
  title: z.string(),
  status: z.enum(WAY_STATUSES),
  /** How it is blocked, in words ("by its packet signature", "ClientHellos with ECH are dropped"); null unless blocked. */
  how: z.string().nullable(),
  /** `how` as a catalogue message (src/i18n), for readers in another language. */
  howMessage: messageSchema.nullable().optional(),
  /** One plain line for the answer ("Tor through the bridge on port 3785: reachable"). */
  reason: z.string(),
  /** `reason` as a catalogue message (src/i18n), for readers in another language. */
  reasonMessage: messageSchema.optional(),
  /** The observations behind it, one per line. */
  evidence: z.array(z.string()),
  /** The rule that decided (src/analyze/ways/). */
  rule: z.string(),
  /** A reachable port is necessary, not sufficient (a pluggable transport's own handshake was not tried). */
  portOnly: z.boolean(),
});
export type WayVerdict = z.infer<typeof wayVerdictSchema>;

/**
 * A way as a list file writes it (the `ways:` section of a service list such as
 * test-lists/circumvention.yaml). Each probe names endpoints (`host:port`, `[v6]:port`; for
 * resolver and rendezvous a URL); src/lists/ways.ts expands them to probe plans.
 */
export const wayProbeEntrySchema = z.strictObject({
  check: z.enum(WAY_CHECK_KINDS),
  endpoints: z.array(z.string().min(1)).min(1),
  /** udp or tcp; default: udp for stun, quic_ping and openvpn, tcp otherwise. */
  transport: z.enum(TRANSPORTS).optional(),
  server_name: z.string().optional(),
  host_header: z.string().optional(),
  path: z.string().optional(),
  query: z.string().optional(),
  variant: z.enum(PROBE_VARIANTS).optional(),
  method: z.enum(RENDEZVOUS_METHODS).optional(),
  size: z.number().int().min(1).max(1400).optional(),
  /** ech: send the pair with each of these outer names (OONI's echcheck: cloudflare-ech.com, cloudflare.com). */
  outer_names: z.array(z.string()).optional(),
});
export type WayProbeEntry = z.infer<typeof wayProbeEntrySchema>;

export const wayEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case id (letters, digits, - and _)'),
  kind: z.enum(WAY_KINDS),
  title: z.string().min(1),
  /** The pluggable transport a bridge port belongs to (the report says: port reachable, transport not tried). */
  pluggable_transport: z.string().optional(),
  notes: z.string().optional(),
  probes: z.array(wayProbeEntrySchema).min(1),
});
export type WayEntry = z.infer<typeof wayEntrySchema>;

/** A run's ways out as stored and written (run document, summary line, history): what was measured and the verdicts. */
export const waysRecordSchema = z.object({
  ways: z.array(wayMeasurementSchema),
  verdicts: z.array(wayVerdictSchema),
});
export type WaysRecord = z.infer<typeof waysRecordSchema>;
