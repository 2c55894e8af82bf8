import { z } from 'zod';

// The response half of the protocol is part of the measurement model: src/model/control.ts (helperResponseSchema).

/**
 * The control helper speaks OONI's Web Connectivity test-helper protocol (POST JSON), so a run can
 * use `tekser helper` on a machine outside the censored network, or an OONI test helper.
 */
export { HELPER_TOKEN_ENV, HELPER_TOKEN_HEADER } from './token.ts';

export const helperRequestSchema = z.object({
  http_request: z.string().max(8192),
  http_request_headers: z.record(z.string(), z.array(z.string())).default({}),
  /** "ip:port" endpoints the probe saw; the helper also measures its own. */
  tcp_connect: z.array(z.string().max(64)).max(32).default([]),
  x_quic_enabled: z.boolean().optional(),
});
export type HelperRequest = z.infer<typeof helperRequestSchema>;

/**
 * The throughput reference (`tekser helper --reference-port`): over TLS on its own port, for any SNI,
 * `GET /reference` answers `bytes` bytes. GET /reference on the helper's own URL says where it is.
 */
export { REFERENCE_BYTES, REFERENCE_PATH } from './token.ts';
export const referenceInfoSchema = z.object({ port: z.number().int().min(1).max(65535), bytes: z.number().int().positive().max(16 * 1024 * 1024) });
export type ReferenceInfo = z.infer<typeof referenceInfoSchema>;
