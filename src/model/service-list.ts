import { z } from 'zod';
import { wayEntrySchema } from './check.ts';

/**
 * The YAML format for messenger and circumvention targets. Every hostname, IP, port and pinned CA
 * lives in the list file; code only knows how to measure a protocol and how to aggregate failures.
 */

const port = z.number().int().min(1).max(65535);

/** The measurement steps a failure can come from, in the order they happen. */
export const STEPS = ['dns', 'tcp', 'tls', 'http'] as const;
export type Step = (typeof STEPS)[number];

export const checkSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case id (letters, digits, - and _)'),
    title: z.string().min(1),
    protocol: z.enum(['dns', 'tcp', 'tls', 'https', 'http-post']).describe(
      'dns: resolve and compare with the control; tcp: connect; tls: connect + handshake; https: GET over TLS; http-post: empty POST over plain HTTP',
    ),
    /** Hostnames or IPs (dns, tcp, tls; combined with `ports`) or URLs (https, http-post). */
    endpoints: z.array(z.string().min(1)).min(1),
    ports: z.array(port).min(1).optional(),
    /** An endpoint with several ports counts as blocked only when all (default) or any of its ports fail. */
    endpoint_blocked_when: z.enum(['all_ports_fail', 'any_port_fails']).default('all_ports_fail'),
    /** The check counts as blocked when all (default) or any of its endpoints are blocked. */
    blocked_when: z.enum(['all_endpoints_blocked', 'any_endpoint_blocked']).default('all_endpoints_blocked'),
    /** Failed steps that mean "blocked"; failures at other steps make the check inconclusive. */
    blocking_steps: z.array(z.enum(STEPS)).min(1).default(['dns', 'tcp', 'tls', 'http']),
    /** Names of the service's pinned CAs trusted for this check, in addition to or instead of the public roots. */
    pinned_cas: z.array(z.string()).optional(),
    public_roots: z.boolean().default(true),
    /** DNS answers must lie in these prefixes (e.g. a company's own network), else DNS is inconsistent. */
    expect_prefixes: z.array(z.string()).optional(),
    /**
     * Hosts that resolve to special addresses by design (host → those addresses, e.g. a status record
     * at 127.0.0.1): such an answer is the service's own, never DNS tampering.
     */
    designed_answers: z.record(z.string(), z.array(z.string()).min(1)).optional(),
    /** Whether the HTTP status matters: only DNS/TCP/TLS/IO failures count when ignored (OONI's choice). */
    http_status: z.enum(['ignore', 'must_be_2xx']).default('ignore'),
  });

/** What a service is, as the list says. */
export const SERVICE_KINDS = ['messenger', 'circumvention', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const serviceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case id (letters, digits, - and _)'),
  name: z.string().min(1),
  kind: z.enum(SERVICE_KINDS),
  category_code: z.string().regex(/^[A-Z]+$/),
  notes: z.string().optional(),
  /** PEM certificates by name, referenced from checks' `pinned_cas`. */
  cas: z.record(z.string(), z.string().includes('-----BEGIN CERTIFICATE-----')).optional(),
  checks: z.array(checkSchema).min(1),
});

export const serviceListSchema = z.strictObject({
  version: z.literal(1),
  description: z.string().optional(),
  services: z.array(serviceSchema).min(1),
  /** Ways out to try ("what still works": src/model/check.ts), beside the services. */
  ways: z.array(wayEntrySchema).optional(),
});

export type ServiceCheck = z.infer<typeof checkSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type ServiceList = z.infer<typeof serviceListSchema>;
