import { z } from 'zod';
import { waysRecordSchema } from './check.ts';
import { findingSchema } from './finding.ts';
import { serviceMeasurementSchema, storedServiceMeasurementSchema, storedWebMeasurementSchema, webMeasurementSchema } from './measurement.ts';
import { dnsObservationSchema } from './observation.ts';
import { SERVICE_KINDS } from './service-list.ts';
import { serviceTargetSchema, webTargetSchema } from './target.ts';
import { verdictSchema } from './verdict.ts';

import { RUN_RECORD_SCHEMA_ID, RUN_SCHEMA_ID } from './values.ts';

export { RUN_RECORD_SCHEMA_ID, RUN_SCHEMA_ID } from './values.ts';

// In memory: a measured and analysed target.

export const analyzedWebSchema = z.object({ target: webTargetSchema, verdict: verdictSchema, measurement: webMeasurementSchema });
export type WebResult = z.infer<typeof analyzedWebSchema>;
export const analyzedServiceSchema = z.object({ target: serviceTargetSchema, verdict: verdictSchema, measurement: serviceMeasurementSchema });
export type ServiceResult = z.infer<typeof analyzedServiceSchema>;
export type TargetResult = WebResult | ServiceResult;

// Written: one result of --format json/jsonl and of a stored run's measurements.jsonl.

export const webResultSchema = z.object({
  schema: z.literal(RUN_SCHEMA_ID),
  target: webTargetSchema,
  verdict: verdictSchema,
  measurement: storedWebMeasurementSchema,
});

export const serviceResultSchema = z.object({
  schema: z.literal(RUN_SCHEMA_ID),
  target: z.object({
    kind: z.literal('service'),
    url: z.string(),
    id: z.string(),
    name: z.string(),
    serviceKind: z.enum(SERVICE_KINDS),
    source: z.string(),
  }),
  verdict: verdictSchema,
  measurement: storedServiceMeasurementSchema,
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
  /**
   * Targets whose verdict is `refused by site`: the site itself refused this network's visitors (a 451,
   * a geo-block, a bot challenge over HTTPS with a certificate valid for it), neither blocked nor
   * accessible, and not inconclusive. Absent in runs made before tekser counted it apart (they counted
   * such targets as inconclusive).
   */
  refusedBySite: z.number().optional(),
});

/** The control resolvers' own health check: their observations (with the DoH handshake), so that a run can tell no connectivity and an intercepted control apart. */
export const controlCheckSchema = z.array(dnsObservationSchema).optional();

/** The last line of --format jsonl: the run's summary and findings. */
/** Why a run ended before its last target: a signal (Ctrl-C, SIGTERM) or --max-runtime. */
export const STOP_REASONS = ['interrupted', 'deadline'] as const;
/** A run that stopped early: why, and how many of its planned targets finished. Absent when the run completed. */
export const stoppedSchema = z.object({ reason: z.enum(STOP_REASONS), finished: z.number(), planned: z.number() }).optional();
export type Stopped = NonNullable<z.infer<typeof stoppedSchema>>;

export const runSummaryLineSchema = z.object({
  schema: z.literal(RUN_SCHEMA_ID),
  type: z.literal('run-summary'),
  startedAt: z.string(),
  finishedAt: z.string(),
  summary: z.lazy(() => runSummarySchema),
  findings: z.array(findingSchema),
  /** The control resolvers' own health check (see runDocumentSchema.controlCheck). */
  controlCheck: controlCheckSchema,
  /** What still works: the ways out tried and their verdicts (src/model/check.ts); absent when none were tried. */
  ways: waysRecordSchema.optional(),
  stopped: stoppedSchema,
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
  /** The control resolvers' own health check: observations of each control resolver (with its DoH handshake), so a single-URL run can decide no-connectivity and control interception. */
  controlCheck: controlCheckSchema,
  /** What still works: the ways out tried and their verdicts; absent when none were tried. */
  ways: waysRecordSchema.optional(),
  /** Present when the run stopped before its last target (the results come before it in the stream). */
  stopped: stoppedSchema,
  results: z.array(targetResultSchema),
});

export type TargetResultJson = z.infer<typeof targetResultSchema>;
export type WebResultJson = z.infer<typeof webResultSchema>;
export type ServiceResultJson = z.infer<typeof serviceResultSchema>;
export type RunDocument = z.infer<typeof runDocumentSchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;

export const RUN_STATUSES = ['running', 'complete', 'interrupted', 'deadline'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** run.json: a run's metadata. Never the prober's public IP. */
export const runRecordSchema = z.object({
  schema: z.literal(RUN_RECORD_SCHEMA_ID),
  id: z.string(),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  tekserVersion: z.string(),
  pid: z.number(),
  lists: z.array(z.object({ path: z.string(), sha256: z.string() })),
  settings: z.record(z.string(), z.unknown()),
  /** Known only when a source of it is configured; tekser never looks up the public IP. */
  network: z.object({
    /** "AS9198". */
    asn: z.string().nullable(),
    /** ISO 3166-1 alpha-2, upper case. */
    country: z.string().nullable(),
    /** The name people call it by (Kazakhtelecom); absent in runs made before tekser recorded it. */
    name: z.string().nullable().optional(),
  }),
  targets: z.number(),
  measured: z.number(),
  summary: runSummarySchema.nullable(),
  findings: z.array(findingSchema).nullable(),
  /** The control resolvers' own health check (see runDocumentSchema.controlCheck). */
  controlCheck: controlCheckSchema,
  /** What still works: the ways out tried and their verdicts (src/model/check.ts); absent when none were tried. */
  ways: waysRecordSchema.optional(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;
