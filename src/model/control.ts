import { z } from 'zod';
import { UNKNOWN_FAILURE_PREFIX } from './failure.ts';

/**
 * The control helper's answer: OONI's Web Connectivity test-helper response (from `tekser helper`
 * on a machine outside the censored network, or an OONI test helper). Part of a web measurement.
 */
const endpointResult = z.object({ status: z.boolean(), failure: z.string().nullable() });

export const helperResponseSchema = z.object({
  tcp_connect: z.record(z.string(), endpointResult).default({}),
  tls_handshake: z.record(z.string(), endpointResult.extend({ server_name: z.string().nullable().optional() })).default({}),
  http_request: z
    .object({
      body_length: z.number(),
      failure: z.string().nullable(),
      title: z.string().default(''),
      headers: z.record(z.string(), z.string()).default({}),
      status_code: z.number(),
    })
    .default({ body_length: -1, failure: `${UNKNOWN_FAILURE_PREFIX}no http_request`, title: '', headers: {}, status_code: -1 }),
  dns: z.object({ failure: z.string().nullable(), addrs: z.array(z.string()).default([]) }).default({ failure: null, addrs: [] }),
  ip_info: z.record(z.string(), z.object({ asn: z.number(), flags: z.number() })).optional(),
});
export type HelperResponse = z.infer<typeof helperResponseSchema>;

/** One control helper tried, in order (failover). */
export const helperAttemptSchema = z.object({ url: z.string(), failure: z.string().nullable(), t0: z.number(), t: z.number() });
export type HelperAttempt = z.infer<typeof helperAttemptSchema>;

/** What the control helper said for a web target. */
export const helperObservationSchema = z.object({
  url: z.string(),
  response: helperResponseSchema.nullable(),
  failure: z.string().nullable(),
  /** Each control helper tried, in order (failover); the last one is `url`. */
  attempts: z.array(helperAttemptSchema).optional(),
});
export type HelperObservation = z.infer<typeof helperObservationSchema>;
