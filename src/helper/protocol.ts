import { z } from 'zod';

/**
 * The control helper speaks OONI's Web Connectivity test-helper protocol (POST JSON), so a run can
 * use `tekser helper` on a machine outside the censored network, or an OONI test helper.
 */
/** Header carrying the optional shared token, as `Bearer <token>` (OONI probes send none). */
export const HELPER_TOKEN_HEADER = 'authorization';
/** Environment variable with the token: read by `tekser helper` and by `tekser run` for its helper. */
export const HELPER_TOKEN_ENV = 'TEKSER_HELPER_TOKEN';

export const helperRequestSchema = z.object({
  http_request: z.string().max(8192),
  http_request_headers: z.record(z.string(), z.array(z.string())).default({}),
  /** "ip:port" endpoints the probe saw; the helper also measures its own. */
  tcp_connect: z.array(z.string().max(64)).max(32).default([]),
  x_quic_enabled: z.boolean().optional(),
});
export type HelperRequest = z.infer<typeof helperRequestSchema>;

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
    .default({ body_length: -1, failure: 'unknown_failure: no http_request', title: '', headers: {}, status_code: -1 }),
  dns: z.object({ failure: z.string().nullable(), addrs: z.array(z.string()).default([]) }).default({ failure: null, addrs: [] }),
  ip_info: z.record(z.string(), z.object({ asn: z.number(), flags: z.number() })).optional(),
});
export type HelperResponse = z.infer<typeof helperResponseSchema>;
