import { z } from 'zod';

/**
 * OONI's measurement data format, written from the spec (ooni/spec data-formats df-000 base,
 * df-001 httpt, df-002 dnst, df-005 tcpconnect, df-006 tlshandshake; nettests ts-017, ts-018,
 * ts-019, ts-020, ts-029). Keys not in the spec must be experimental (x_ prefix).
 */
function specObject<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .passthrough()
    .superRefine((obj, ctx) => {
      for (const key of Object.keys(obj)) {
        if (!(key in shape) && !key.startsWith('x_')) ctx.addIssue({ code: 'custom', message: `key "${key}" is neither in the spec nor experimental (x_)`, path: [key] });
      }
    });
}
const failure = z.string().nullable();
const binaryData = z.object({ format: z.literal('base64'), data: z.string() });
const maybeBinary = z.union([z.string(), binaryData]);

const answer = specObject({
  answer_type: z.string(),
  ipv4: z.string().optional(),
  ipv6: z.string().optional(),
  hostname: z.string().optional(),
  ttl: z.number().nullable(),
  asn: z.number().optional(),
  as_org_name: z.string().optional(),
});
const query = specObject({
  answers: z.array(answer).nullable(),
  engine: z.enum(['unknown', 'system', 'getaddrinfo', 'golang_net_resolver', 'go', 'udp', 'tcp', 'dot', 'doh']),
  failure,
  hostname: z.string(),
  query_type: z.string(),
  resolver_address: z.string(),
  resolver_hostname: z.null().optional(),
  resolver_port: z.null().optional(),
  raw_response: z.string().optional(),
  rcode: z.number().optional(),
  getaddrinfo_error: z.number().optional(),
  t0: z.number(),
  t: z.number(),
  tags: z.array(z.string()).nullable().optional(),
  transaction_id: z.number().optional(),
});
const tcpConnect = specObject({
  ip: z.string(),
  port: z.number().int(),
  status: specObject({ failure, success: z.boolean(), blocked: z.boolean().nullable().optional() }),
  t0: z.number().optional(),
  t: z.number().optional(),
  tags: z.array(z.string()).nullable().optional(),
  transaction_id: z.number().optional(),
});
const tlsHandshake = specObject({
  network: z.string().optional(),
  address: z.string().optional(),
  server_name: z.string(),
  outer_server_name: z.string().optional(),
  echconfig: z.string().optional(),
  cipher_suite: z.string(),
  negotiated_protocol: z.string(),
  no_tls_verify: z.boolean(),
  peer_certificates: z.array(binaryData).nullable(),
  tls_version: z.string(),
  failure,
  so_error: z.string().nullable().optional(),
  t0: z.number().optional(),
  t: z.number(),
  tags: z.array(z.string()).nullable().optional(),
  transaction_id: z.number().optional(),
});
const headers = z.record(z.string(), z.string());
const httpTransaction = specObject({
  network: z.string().optional(),
  address: z.string().optional(),
  alpn: z.string().optional(),
  failure,
  request: specObject({
    url: z.string(),
    method: z.string(),
    headers,
    headers_list: z.array(z.tuple([z.string(), z.string()])).optional(),
    body: maybeBinary,
    body_is_truncated: z.boolean(),
    tor: z.object({ exit_ip: z.string().nullable(), exit_name: z.string().nullable(), is_tor: z.boolean() }),
    x_transport: z.string().optional(),
  }),
  response: specObject({
    code: z.number().int(),
    headers,
    headers_list: z.array(z.tuple([z.string(), z.string()])).optional(),
    body: maybeBinary.nullable(),
    body_is_truncated: z.boolean(),
  }),
  t0: z.number().optional(),
  t: z.number(),
  tags: z.array(z.string()).nullable().optional(),
  transaction_id: z.number().optional(),
});

const urlgetterKeys = {
  agent: z.string(),
  queries: z.array(query).nullable(),
  tcp_connect: z.array(tcpConnect).nullable(),
  tls_handshakes: z.array(tlsHandshake).nullable(),
  requests: z.array(httpTransaction).nullable(),
  network_events: z.array(z.unknown()).nullable().optional(),
  socksproxy: z.string().nullable().optional(),
  failed_operation: z.string().nullable().optional(),
  failure: failure.optional(),
};

export const webConnectivityTestKeys = specObject({
  ...urlgetterKeys,
  client_resolver: z.string().nullable(),
  retries: z.number().nullable(),
  control: z.record(z.string(), z.unknown()),
  control_failure: failure,
  dns_experiment_failure: failure,
  dns_consistency: z.enum(['consistent', 'inconsistent']).nullable(),
  http_experiment_failure: failure,
  body_length_match: z.boolean().nullable(),
  body_proportion: z.number(),
  headers_match: z.boolean().nullable(),
  status_code_match: z.boolean().nullable(),
  title_match: z.boolean().nullable(),
  blocking: z.union([z.literal(false), z.enum(['dns', 'tcp_ip', 'http-failure', 'http-diff'])]).nullable(),
  accessible: z.boolean().nullable(),
});
// null: the probe could not tell (consumers must tolerate any key being null, df-000).
const okBlocked = z.enum(['ok', 'blocked']).nullable();
export const whatsappTestKeys = specObject({
  ...urlgetterKeys,
  registration_server_failure: failure,
  registration_server_status: okBlocked,
  whatsapp_endpoints_blocked: z.array(z.string()),
  whatsapp_endpoints_dns_inconsistent: z.array(z.string()),
  whatsapp_endpoints_status: okBlocked,
  whatsapp_web_failure: failure,
  whatsapp_web_status: okBlocked,
});
export const telegramTestKeys = specObject({
  ...urlgetterKeys,
  telegram_http_blocking: z.boolean().nullable(),
  telegram_tcp_blocking: z.boolean().nullable(),
  telegram_web_failure: failure,
  telegram_web_status: okBlocked,
});
export const signalTestKeys = specObject({ ...urlgetterKeys, signal_backend_status: okBlocked, signal_backend_failure: failure });
export const facebookTestKeys = specObject({ ...urlgetterKeys, facebook_dns_blocking: z.boolean().nullable(), facebook_tcp_blocking: z.boolean().nullable() });

const ooniTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
export const baseMeasurement = specObject({
  annotations: z.record(z.string(), z.string()),
  data_format_version: z.literal('0.2.0'),
  extensions: z.record(z.string(), z.number().int()).optional(),
  id: z.string().optional(),
  input: z.string().nullable(),
  measurement_start_time: ooniTime,
  probe_asn: z.string().regex(/^AS\d+$/),
  probe_cc: z.string().regex(/^[A-Z]{2}$/),
  probe_ip: z.literal('127.0.0.1'),
  probe_network_name: z.string(),
  report_id: z.string(),
  resolver_asn: z.string().regex(/^AS\d+$/),
  resolver_ip: z.string(),
  resolver_network_name: z.string(),
  software_name: z.string().regex(/^[0-9A-Za-z_.+-]+$/),
  software_version: z.string().regex(/^[0-9A-Za-z_.+-]+$/),
  test_helpers: z.record(z.string(), z.unknown()),
  test_keys: z.record(z.string(), z.unknown()),
  test_name: z.string().regex(/^[0-9A-Za-z_.+-]+$/),
  test_runtime: z.number(),
  test_start_time: ooniTime,
  test_version: z.string().regex(/^\d+\.\d+\.\d+/),
});

const TEST_KEYS: Record<string, z.ZodType> = {
  web_connectivity: webConnectivityTestKeys,
  whatsapp: whatsappTestKeys,
  telegram: telegramTestKeys,
  signal: signalTestKeys,
  facebook_messenger: facebookTestKeys,
};

/** Validates one exported measurement: the base, then its test keys; returns zod's issues. */
export function checkOoniMeasurement(m: unknown): string[] {
  const b = baseMeasurement.safeParse(m);
  if (!b.success) return b.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const name = (m as { test_name: string }).test_name;
  const keys = TEST_KEYS[name];
  if (!keys) return name.startsWith('x_') ? [] : [`unknown test_name ${name}`];
  const k = keys.safeParse((m as { test_keys: unknown }).test_keys);
  return k.success ? [] : k.error.issues.map((i) => `test_keys.${i.path.join('.')}: ${i.message}`);
}
