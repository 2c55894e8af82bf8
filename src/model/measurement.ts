import { z } from 'zod';
import { helperObservationSchema } from './control.ts';
import { dnsObservationSchema, httpObservationSchema, storedHttpObservationSchema, tcpObservationSchema, tlsObservationSchema } from './observation.ts';
import { serviceTargetSchema, webTargetSchema } from './target.ts';

/** Where an address came from. */
export const ADDRESS_SOURCES = ['local', 'control', 'helper'] as const;
export type AddressSource = (typeof ADDRESS_SOURCES)[number];

export const addressInfoSchema = z.object({
  ip: z.string(),
  sources: z.array(z.enum(ADDRESS_SOURCES)),
  /** Loopback/unspecified answers are never dialled (they would probe this machine). */
  skipped: z.enum(['loopback']).nullable(),
});
export type AddressInfo = z.infer<typeof addressInfoSchema>;

export const SNI_PROBE_KINDS = ['same-ip-harmless-sni', 'same-ip-no-sni', 'neutral-host-target-sni', 'neutral-host-harmless-sni'] as const;
export type SniProbeKind = (typeof SNI_PROBE_KINDS)[number];

export const sniProbeSchema = z.object({ kind: z.enum(SNI_PROBE_KINDS), handshake: tlsObservationSchema });
export type SniProbe = z.infer<typeof sniProbeSchema>;

/** Which name a throughput-reference transfer sent: the target's, or the harmless one. */
export const THROUGHPUT_SNI_KINDS = ['target-sni', 'harmless-sni'] as const;
export type ThroughputSniKind = (typeof THROUGHPUT_SNI_KINDS)[number];

/** One download of the control helper's throughput reference over TLS, with one name as SNI. */
export const throughputTransferSchema = z.object({
  kind: z.enum(THROUGHPUT_SNI_KINDS),
  /** The SNI sent (and the Host asked for). */
  sni: z.string(),
  ip: z.string(),
  port: z.number(),
  /** Body bytes received. */
  bytes: z.number(),
  /** From the request written to the last byte received (the handshake is not counted). */
  seconds: z.number(),
  /**
   * When no byte came for `stallSeconds`: the bytes received on the wire by then (TLS records, the
   * handshake included, as a censor counts them); null when it never stalled.
   */
  stalledAt: z.number().nullable(),
  /** How it ended early (a timeout at the per-transfer cap, a reset); null when the whole body came. */
  failure: z.string().nullable(),
  t0: z.number(),
  t: z.number(),
});
export type ThroughputTransfer = z.infer<typeof throughputTransferSchema>;

/**
 * The throughput proof: the same reference body from the control helper's address, downloaded with the
 * target's name as SNI and with a harmless one, alternately (the method of the 2021 study of Twitter's
 * throttling in Russia: the same path, only the name differs).
 */
export const throughputProbeSchema = z.object({
  /** The control helper whose reference was downloaded. */
  helper: z.string(),
  /** The size the reference serves (bytes). */
  expected: z.number(),
  /** No progress for this long counts as a stall. */
  stallSeconds: z.number(),
  transfers: z.array(throughputTransferSchema),
  /** Why no transfer was made (the helper has no reference, it did not answer); null otherwise. */
  failure: z.string().nullable(),
});
export type ThroughputProbe = z.infer<typeof throughputProbeSchema>;

const dnsPairSchema = z.object({ local: z.array(dnsObservationSchema), control: z.array(dnsObservationSchema) });

/** Everything measured for one web target; the analysis reads only this. */
export const webMeasurementSchema = z.object({
  target: webTargetSchema,
  startedAt: z.string(),
  runtime: z.number(),
  hostname: z.string(),
  port: z.number(),
  localResolver: z.string(),
  dns: dnsPairSchema,
  addresses: z.array(addressInfoSchema),
  tcp: z.array(tcpObservationSchema),
  /** Handshakes to every address (https targets, and on 443 to validate unknown addresses of http targets). */
  tls: z.array(tlsObservationSchema),
  /** The fetch, hop by hop (first request first). */
  http: z.array(httpObservationSchema),
  /** DNS done for redirect hops to other hosts. */
  redirectDns: z.array(dnsObservationSchema),
  helper: helperObservationSchema.nullable(),
  /** Control lookups repeated right after a failure: a control that fails now says the network, not the site, broke. */
  controlRecheck: z.array(dnsObservationSchema),
  /**
   * After a handshake with the target's SNI failed: the same address with a harmless SNI and with none,
   * and (with --sni-probe-host) the target's SNI sent to a neutral server, plus the harmless SNI there.
   */
  sniProbes: z.array(sniProbeSchema),
  /** Set when the whole-target deadline cut the measurement short. */
  deadlineExceeded: z.boolean(),
  /**
   * What the probe that made the measurement decided about DNS (OONI's `dns_consistency`, from AS
   * data tekser may lack): evidence when neither side's AS is known. Absent for tekser's own runs.
   */
  probeDnsConsistency: z.enum(['consistent', 'inconsistent']).optional(),
  /** A page that came slowly or stalled, with a control helper that serves a reference: the throughput proof. Absent otherwise (and in older runs). */
  throughput: throughputProbeSchema.optional(),
});
export type WebMeasurement = z.infer<typeof webMeasurementSchema>;

/** A web measurement as a stored run writes it: the target beside it, bodies replaced by hashes. */
export const storedWebMeasurementSchema = webMeasurementSchema.omit({ target: true }).extend({ http: z.array(storedHttpObservationSchema) });
export type StoredWebMeasurement = z.infer<typeof storedWebMeasurementSchema>;

/** One attempt at one endpoint: a host on one port, a URL, or a name to resolve. */
export const endpointAttemptSchema = z.object({
  /** The endpoint as the list names it (host, host:port, URL): attempts with the same label are one endpoint. */
  label: z.string(),
  host: z.string(),
  port: z.number().nullable(),
  dns: dnsPairSchema.nullable(),
  tcp: z.array(tcpObservationSchema),
  tls: z.array(tlsObservationSchema),
  http: httpObservationSchema.nullable(),
});
export type EndpointAttempt = z.infer<typeof endpointAttemptSchema>;

export const checkMeasurementSchema = z.object({
  checkId: z.string(),
  attempts: z.array(endpointAttemptSchema),
});
export type CheckMeasurement = z.infer<typeof checkMeasurementSchema>;

export const serviceMeasurementSchema = z.object({
  target: serviceTargetSchema,
  startedAt: z.string(),
  runtime: z.number(),
  localResolver: z.string(),
  checks: z.array(checkMeasurementSchema),
  /** Whether the control resolver answered anything; null when the service needed no DNS. */
  controlAnswered: z.boolean().nullable(),
  deadlineExceeded: z.boolean(),
});
export type ServiceMeasurement = z.infer<typeof serviceMeasurementSchema>;

/** A service measurement as a stored run writes it (the target is written beside it, flattened). */
export const storedServiceMeasurementSchema = serviceMeasurementSchema.omit({ target: true }).extend({
  checks: z.array(
    checkMeasurementSchema.extend({
      attempts: z.array(endpointAttemptSchema.extend({ http: storedHttpObservationSchema.nullable() })),
    }),
  ),
});
export type StoredServiceMeasurement = z.infer<typeof storedServiceMeasurementSchema>;
