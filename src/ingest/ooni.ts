import { helperResponseSchema, type HelperResponse } from '../model/control.ts';
import type { Service, ServiceCheck } from '../model/service-list.ts';
import { addressFamily, bareHost, isIpLiteral, joinHostPort, splitHostPort, urlEndpoint, urlPort } from '../net/endpoint.ts';
import type { AddressInfo, CheckMeasurement, EndpointAttempt, ServiceMeasurement, WebMeasurement } from '../model/measurement.ts';
import type { ServiceTarget, WebTarget } from '../model/target.ts';
import { isSelfAddress } from '../net/addresses.ts';
import { FAILURES, isCertificateFailure } from '../model/failure.ts';
import { extractTitle } from '../net/http.ts';
import type { CertificateInfo, DnsAnswer, DnsEngine, DnsObservation, HttpObservation, QueryType, TcpConnectObservation, TlsHandshakeObservation } from '../model/observation.ts';
import { certificateInfo } from '../net/certificate.ts';

/**
 * OONI measurements (data format 0.2.0, df-000..008; ts-017 web_connectivity 0.4 and 0.5 "LTE",
 * ts-018 whatsapp, ts-019 facebook_messenger, ts-020 telegram, ts-029 signal) mapped onto tekser's
 * measurement model, so that the same analysis runs on them. Nothing here decides a verdict: what a
 * measurement lacks is recorded in `lacks`, and the analysis says what its verdict rests on.
 *
 * Measurements are untrusted input from any year of OONI's history: every field is read defensively
 * (null, missing, nested or base64 values), and a malformed one degrades to "lacks X", never a throw.
 */

/** OONI's own verdict, as it published it. */
export interface OoniVerdict {
  testName: string;
  testVersion: string;
  /** web_connectivity: "dns", "tcp_ip", "http-failure", "http-diff", false or null. */
  blocking?: string | false | null;
  accessible?: boolean | null;
  /** Messenger tests: their own keys (whatsapp_endpoints_status, telegram_tcp_blocking, ...). */
  keys?: Record<string, unknown>;
  /** One word for the agreement summary: dns, tcp_ip, http-failure, http-diff, accessible, down, blocked, ok, unknown. */
  label: string;
}

export type IngestedMeasurement =
  | { kind: 'web'; measurement: WebMeasurement; ooni: OoniVerdict; lacks: string[] }
  | { kind: 'service'; measurement: ServiceMeasurement; ooni: OoniVerdict; lacks: string[] }
  | { kind: 'skipped'; testName: string; input: string | null; reason: string };

/** Nettests tekser re-analyses; everything else is listed as skipped with this reason. */
export const SUPPORTED_NETTESTS = ['web_connectivity', 'whatsapp', 'telegram', 'signal', 'facebook_messenger'] as const;
/** OONI's nettest name → the service id in test-lists/messengers.yaml. */
export const MESSENGER_SERVICE_IDS: Record<string, string> = { whatsapp: 'whatsapp', telegram: 'telegram', signal: 'signal', facebook_messenger: 'facebook-messenger' };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * OONI failure strings that differ from tekser's vocabulary (FAILURES, model/failure.ts), older spellings and
 * the test helper's legacy names included. Anything else is kept as OONI wrote it.
 */
const FAILURE_ALIASES: Record<string, string> = {
  connection_refused_error: FAILURES.refused,
  connection_reset_error: FAILURES.reset,
  dns_name_error: FAILURES.nxdomain,
  dns_lookup_error: FAILURES.nxdomain,
  generic_timeout: FAILURES.timeout,
  ssl_error: FAILURES.failedHandshake,
  eof: FAILURES.eof,
};

export function ooniFailure(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return FAILURE_ALIASES[s] ?? s;
}

/** A string or OONI's binary form {format: "base64", data}; anything else is null. */
export function ooniString(v: unknown): { text: string; bytes: number } | null {
  if (typeof v === 'string') return { text: v, bytes: Buffer.byteLength(v) };
  const o = obj(v);
  if (o && o.format === 'base64' && typeof o.data === 'string') {
    const buf = Buffer.from(o.data, 'base64');
    return { text: buf.toString('utf8'), bytes: buf.length };
  }
  return null;
}

/** Header lists ([[name, value], ...]) or maps ({name: value}), with values that may be lists or base64. */
export function ooniHeaders(list: unknown, map: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const value = (v: unknown): string | null => {
    if (Array.isArray(v)) return v.map((x) => value(x)).filter((x): x is string => x !== null).join(', ') || null;
    return ooniString(v)?.text ?? (typeof v === 'number' ? String(v) : null);
  };
  const add = (name: unknown, v: unknown): void => {
    const n = ooniString(name)?.text;
    const val = value(v);
    if (!n || val === null) return;
    const key = n.toLowerCase();
    if (!(key in out)) out[key] = val;
  };
  const pairs = arr(list);
  if (pairs.length) {
    for (const p of pairs) if (Array.isArray(p) && p.length >= 2) add(p[0], p[1]);
  } else {
    for (const [k, v] of Object.entries(obj(map) ?? {})) add(k, v);
  }
  return out;
}

const tagsOf = (e: Json): string[] => arr(e.tags).filter((t): t is string => typeof t === 'string');
/** LTE tags each operation with depth=N (the redirect hop); older engines have no tags (all depth 0). */
const depthOf = (e: Json): number => {
  const tag = tagsOf(e).find((t) => t.startsWith('depth='));
  return tag ? Number(tag.slice(6)) || 0 : 0;
};
const times = (e: Json): { t0: number; t: number } => {
  const t = num(e.t) ?? 0;
  return { t0: num(e.t0) ?? t, t };
};

/** "1.2.3.4:443" or "[2001:db8::1]:443". */
function splitAddress(address: unknown): { ip: string; port: number } | null {
  const s = str(address);
  if (!s) return null;
  const { host, port } = splitHostPort(s);
  return host && port !== null ? { ip: host, port } : null;
}

const ENGINES: Record<string, DnsEngine> = {
  system: 'getaddrinfo',
  getaddrinfo: 'getaddrinfo',
  golang_net_resolver: 'getaddrinfo',
  go: 'getaddrinfo',
  unknown: 'getaddrinfo',
  udp: 'udp',
  tcp: 'tcp',
  doh: 'doh',
  dot: 'doh',
};

function answersOf(q: Json): DnsAnswer[] {
  const out: DnsAnswer[] = [];
  for (const a of arr(q.answers)) {
    const ans = obj(a);
    if (!ans) continue;
    const ttl = num(ans.ttl);
    const type = str(ans.answer_type);
    // OONI looks each address up in its AS database (0: unknown).
    const as = num(ans.asn);
    const asn = as && as > 0 ? { asn: as } : {};
    if ((type === 'A' || (!type && ans.ipv4)) && str(ans.ipv4)) out.push({ type: 'A', value: ans.ipv4 as string, ttl, ...asn });
    else if ((type === 'AAAA' || (!type && ans.ipv6)) && str(ans.ipv6)) out.push({ type: 'AAAA', value: ans.ipv6 as string, ttl, ...asn });
    else if (type === 'CNAME' && str(ans.hostname)) out.push({ type: 'CNAME', value: ans.hostname as string, ttl });
  }
  return out;
}

/**
 * A lookup that recorded neither a failure nor a readable answer says nothing (an absent `answers`
 * list, or entries without their address): it is not "no answer". Null when it can be read.
 */
function unreadableLookup(q: Json): string | null {
  if (ooniFailure(q.failure) !== null) return null;
  const host = str(q.hostname) || 'the input';
  if (!Array.isArray(q.answers)) return `the answers of the lookup of ${host}`;
  if (q.answers.length > 0 && answersOf(q).length === 0) return `a readable answer in the lookup of ${host}`;
  return null;
}

function dnsObservation(q: Json): DnsObservation {
  const engine = ENGINES[str(q.engine) ?? 'unknown'] ?? 'getaddrinfo';
  const qt = str(q.query_type);
  const queryType: QueryType = qt === 'A' || qt === 'AAAA' ? qt : 'ANY';
  const resolver =
    engine === 'getaddrinfo'
      ? ''
      : (str(q.resolver_address) ?? (str(q.resolver_hostname) ? `${q.resolver_hostname}:${num(q.resolver_port) ?? 53}` : ''));
  const answers = answersOf(q);
  // An answer with only a CNAME is "no answer" in OONI's words (and in tekser's): keep the failure it gave.
  return { engine, resolver, hostname: str(q.hostname) ?? '', queryType, answers, rcode: null, failure: ooniFailure(q.failure), ...times(q) };
}

/** Certificates as OONI stores them: base64 DER, parsed with the code the probe uses (so CA matching applies). */
function certificates(v: unknown, lacks: Set<string>): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  for (const c of arr(v)) {
    const o = obj(c);
    const data = o && o.format === 'base64' && typeof o.data === 'string' ? o.data : null;
    if (!data) continue;
    try {
      out.push(certificateInfo(Buffer.from(data, 'base64')));
    } catch {
      lacks.add('a parsable peer certificate');
    }
  }
  return out;
}

function tlsObservation(h: Json, lacks: Set<string>, at: Date): TlsHandshakeObservation | null {
  const where = splitAddress(h.address);
  if (!where) return null;
  const failure = ooniFailure(h.failure);
  const certs = certificates(h.peer_certificates, lacks);
  return {
    ip: where.ip,
    port: where.port,
    serverName: str(h.server_name) || null,
    failure,
    tlsVersion: str(h.tls_version) || null,
    cipherSuite: str(h.cipher_suite) || null,
    alpn: str(h.negotiated_protocol) || null,
    peerCertificates: certs,
    // OONI verifies against Mozilla's roots, as tekser does: its failure says which check did not pass.
    chainTrusted: failure === null || failure === FAILURES.invalidHostname ? true : failure === FAILURES.unknownAuthority ? false : null,
    chainError: isCertificateFailure(failure) ? failure : null,
    certFailure: certFailureOf(failure, certs, at),
    hostnameMatches: failure === null ? true : failure === FAILURES.invalidHostname ? false : null,
    ...times(h),
  };
}

/**
 * The certificate failure class from OONI's coarser string: ssl_invalid_certificate is told apart
 * (expired, not yet valid) by the leaf's dates against the handshake's own time when certificates
 * were recorded; a lone self-issued certificate is self_signed.
 */
function certFailureOf(failure: string | null, certs: readonly CertificateInfo[], at?: Date): TlsHandshakeObservation['certFailure'] {
  if (!isCertificateFailure(failure)) return null;
  if (failure === FAILURES.invalidHostname) return 'wrong_name';
  const leaf = certs[0];
  if (failure === FAILURES.unknownAuthority) return certs.length === 1 && leaf && leaf.subject === leaf.issuer ? 'self_signed' : 'untrusted_root';
  if (leaf && at) {
    if (new Date(leaf.notAfter) < at) return 'expired';
    if (new Date(leaf.notBefore) > at) return 'not_yet_valid';
  }
  return 'other';
}

const CONNECT_FAILURES = new Set<string>([FAILURES.refused, FAILURES.hostUnreachable, FAILURES.networkUnreachable, FAILURES.addressNotAvailable]);

/** Finds the handshake an HTTP request made (by address and SNI). */
type TlsLookup = (ip: string, port: number, sni: string) => TlsHandshakeObservation | null;

function httpObservation(r: Json, lacks: Set<string>, tls: TlsLookup): HttpObservation | null {
  const req = obj(r.request);
  const url = str(req?.url);
  if (!req || !url) {
    lacks.add('the request URL');
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    lacks.add('a valid request URL');
    return null;
  }
  const resp = obj(r.response);
  const failure = ooniFailure(r.failure);
  const code = num(resp?.code);
  const body = ooniString(resp?.body);
  // An absent or unreadable body is unknown (its length and title too), not an empty page.
  const bodyMissing = resp !== null && resp.body !== null && !body;
  if (bodyMissing) lacks.add(resp.body === undefined ? 'the response body' : 'a readable response body');
  const where = splitAddress(r.address) ?? { ip: '', port: urlPort(parsed) };
  const https = parsed.protocol === 'https:';
  const status = code && code > 0 ? code : null;
  const failedOperation: HttpObservation['failedOperation'] =
    failure === null ? null : failure.startsWith('ssl_') ? 'tls_handshake' : CONNECT_FAILURES.has(failure) && status === null ? 'connect' : 'http_round_trip';
  const host = bareHost(parsed.hostname);
  const text = body?.text ?? '';
  return {
    url,
    method: str(req.method)?.toUpperCase() === 'POST' ? 'POST' : 'GET',
    ip: where.ip,
    port: where.port,
    failure,
    failedOperation,
    status,
    headers: resp ? ooniHeaders(resp.headers_list, resp.headers) : {},
    bodyLength: body?.bytes ?? 0,
    bodyTruncated: resp?.body_is_truncated === true,
    body: text,
    title: extractTitle(text),
    tls: https ? tls(where.ip, where.port, isIpLiteral(host) ? '' : host) : null,
    responseAt: null,
    ...(bodyMissing ? { bodyMissing: true as const } : {}),
    ...times(r),
  };
}

/**
 * The helper's page: its title may be absent (then no page to compare with, rather than an empty
 * title that differs from every page).
 */
function helperHttp(http: Json | null, lacks: Set<string>): Record<string, unknown> {
  if (!http) return {};
  if (http.title === undefined && ooniFailure(http.failure) === null) {
    lacks.add("the title of the control's page");
    return {};
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(http.headers) ?? {})) {
    const s = Array.isArray(v) ? ooniString(v[0])?.text : ooniString(v)?.text;
    if (s !== undefined) headers[k] = s;
  }
  return {
    http_request: { body_length: num(http.body_length) ?? -1, failure: ooniFailure(http.failure), title: str(http.title) ?? '', headers, status_code: num(http.status_code) ?? -1 },
  };
}

/**
 * The helper's lookup: `addrs` (the 0.1.x helper called it `ips`); without either and without a
 * failure the control's DNS answer is absent, not empty.
 */
function helperDns(dns: Json | null, lacks: Set<string>): Record<string, unknown> {
  if (!dns) return {};
  const list = Array.isArray(dns.addrs) ? dns.addrs : Array.isArray(dns.ips) ? dns.ips : null;
  const failure = ooniFailure(dns.failure);
  if (list === null && failure === null) {
    lacks.add("the control's DNS answer (addrs)");
    return {};
  }
  return { dns: { failure, addrs: (list ?? []).filter((a): a is string => typeof a === 'string') } };
}

/** The helper's AS of each address it saw (ip_info, since helper 0.5); entries without a number are left out. */
function helperIpInfo(info: Json | null): Record<string, unknown> {
  if (!info) return {};
  const out: Record<string, { asn: number; flags: number }> = {};
  for (const [ip, v] of Object.entries(info)) {
    const asn = num(obj(v)?.asn);
    if (asn !== null) out[ip] = { asn, flags: num(obj(v)?.flags) ?? 0 };
  }
  return { ip_info: out };
}

/** The test helper's answer, in the shape tekser's own helper gives (it speaks the same protocol). */
function helperOf(control: Json | null, lacks: Set<string>): HelperResponse | null {
  if (!control || Object.keys(control).length === 0) return null;
  const tcp: Record<string, { status: boolean; failure: string | null }> = {};
  for (const [k, v] of Object.entries(obj(control.tcp_connect) ?? {})) {
    const o = obj(v);
    if (o) tcp[k] = { status: o.status === true, failure: ooniFailure(o.failure) };
  }
  const tls: Record<string, { status: boolean; failure: string | null; server_name?: string | null }> = {};
  for (const [k, v] of Object.entries(obj(control.tls_handshake) ?? {})) {
    const o = obj(v);
    if (o) tls[k] = { status: o.status === true, failure: ooniFailure(o.failure), server_name: str(o.server_name) };
  }
  const parsed = helperResponseSchema.safeParse({ tcp_connect: tcp, tls_handshake: tls, ...helperHttp(obj(control.http_request), lacks), ...helperDns(obj(control.dns), lacks), ...helperIpInfo(obj(control.ip_info)) });
  return parsed.success ? parsed.data : null;
}

/** "2024-02-12 20:33:47" → ISO 8601. */
function isoTime(v: unknown): string {
  const s = str(v);
  const d = s ? new Date(`${s.replace(' ', 'T')}Z`) : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : new Date(0).toISOString();
}

function ooniWebVerdict(m: Json, tk: Json | null): OoniVerdict {
  const raw = tk?.blocking;
  const blocking = typeof raw === 'string' ? raw : raw === false ? false : null;
  const accessible = typeof tk?.accessible === 'boolean' ? tk.accessible : null;
  const label = typeof blocking === 'string' ? blocking : blocking === false ? (accessible === false ? 'down' : 'accessible') : 'unknown';
  return { testName: str(m.test_name) ?? '', testVersion: str(m.test_version) ?? '', blocking, accessible, label };
}

/** What the steps of mapping one web_connectivity measurement share. */
interface WebInput {
  m: Json;
  /** test_keys, or {} when missing (then `lacks` says so). */
  keys: Json;
  hasKeys: boolean;
  lacks: Set<string>;
  /** The measurement's own start: certificates' dates are checked against it. */
  at: Date;
  hostname: string;
  /** The input is an IP address: no DNS to look at. */
  literal: boolean;
}

/** The input URL, and what follows from it: the target, the bare host, the port. */
function webInput(m: Json, source: string): { input: WebInput; target: WebTarget; port: number } | { error: string } {
  const text = str(m.input);
  let url: URL;
  try {
    url = new URL(text ?? '');
  } catch {
    return { error: text ? `input "${text}" is not a URL` : 'the measurement has no input URL' };
  }
  const lacks = new Set<string>();
  const tk = obj(m.test_keys);
  if (!tk) lacks.add('test_keys');
  const { host: hostname, port } = urlEndpoint(url);
  const input: WebInput = { m, keys: tk ?? {}, hasKeys: tk !== null, lacks, at: new Date(isoTime(m.measurement_start_time)), hostname, literal: isIpLiteral(hostname) };
  return { input, target: { kind: 'web', url: url.toString(), category: null, source }, port };
}

/** The lookups that can be read; the others are named in `lacks` (an absent list, absent answers). */
function readableQueries(w: WebInput): Json[] {
  const queries = arr(w.keys.queries).map(obj).filter((q): q is Json => q !== null);
  if (!Array.isArray(w.keys.queries) && !w.literal && w.hasKeys) {
    w.lacks.add('queries');
    // Without its queries, OONI's summary key still says how the lookup failed (df-002: dns_experiment_failure).
    const failure = ooniFailure(w.keys.dns_experiment_failure);
    if (failure) return [{ hostname: w.hostname, query_type: 'A', engine: 'system', answers: [], failure }];
  }
  return queries.filter((q) => {
    const why = unreadableLookup(q);
    if (why) w.lacks.add(why);
    return why === null;
  });
}

/**
 * DNS: LTE marks the system resolver's lookups "classic" (only those feed OONI's legacy keys too);
 * its UDP lookups to a public resolver are extension data, used here only as evidence of injection.
 */
function webDns(w: WebInput): { local: DnsObservation[]; redirectDns: DnsObservation[]; lte: boolean } {
  const queries = readableQueries(w);
  const lte = queries.some((q) => tagsOf(q).includes('classic'));
  const duplicates = arr(w.keys.x_dns_duplicate_responses).map(obj).filter((q): q is Json => q !== null);
  const sameQuery = (d: Json, q: Json): boolean => d.hostname === q.hostname && d.query_type === q.query_type;
  const isLocal = (q: Json): boolean => {
    const engine = ENGINES[str(q.engine) ?? 'unknown'] ?? 'getaddrinfo';
    if (engine === 'doh') return false;
    if (!lte) return true;
    if (tagsOf(q).includes('classic')) return true;
    return engine === 'udp' && duplicates.some((d) => sameQuery(d, q));
  };
  const local: DnsObservation[] = [];
  const redirectDns: DnsObservation[] = [];
  for (const q of queries) {
    if (!isLocal(q)) continue;
    const o = dnsObservation(q);
    if (depthOf(q) === 0 && (o.hostname === w.hostname || o.hostname === '')) {
      if (o.engine === 'udp') {
        const late = duplicates.filter((d) => sameQuery(d, q)).map(answersOf);
        if (late.length) o.lateAnswers = late;
      }
      local.push(o);
    } else if (depthOf(q) > 0) redirectDns.push(o);
  }
  return { local, redirectDns, lte };
}

/** The control: the test helper's answer (its DNS is a DoH lookup from outside the network). */
function webControl(w: WebInput): { helper: WebMeasurement['helper']; control: DnsObservation[]; helperAddresses: string[] } {
  const controlFailure = ooniFailure(w.keys.control_failure);
  const controlObj = obj(w.keys.control);
  const helperResponse = controlFailure ? null : helperOf(controlObj, w.lacks);
  if (controlObj && Object.keys(controlObj).length > 0 && !controlFailure && !helperResponse) w.lacks.add('a readable control (test helper) answer');
  // test_helpers: {backend: {address, type}} today, {backend: "https://..."} in MK-era measurements.
  const backend = obj(w.m.test_helpers)?.backend;
  const helperUrl = str(obj(backend)?.address) ?? str(backend) ?? 'OONI test helper';
  const control: DnsObservation[] = [];
  if (helperResponse && helperDns(obj(controlObj?.dns), new Set()).dns && !w.literal) {
    const addrs = helperResponse.dns.addrs;
    const failure = helperResponse.dns.failure;
    control.push({
      engine: 'doh',
      resolver: `${helperUrl} (test helper)`,
      hostname: w.hostname,
      queryType: 'ANY',
      answers: addrs.filter((a) => isIpLiteral(a)).map((a) => ({ type: addressFamily(a) === 6 ? 'AAAA' : 'A', value: a, ttl: null })),
      rcode: null,
      // An empty answer without a failure is OONI's "no answer" (dns_no_answer): a definite answer.
      failure: failure ?? (addrs.length === 0 ? FAILURES.noAnswer : null),
      t0: 0,
      t: 0,
    });
  }
  const helper = controlFailure ? { url: helperUrl, response: null, failure: controlFailure } : helperResponse ? { url: helperUrl, response: helperResponse, failure: null } : null;
  return { helper, control, helperAddresses: Object.keys(obj(controlObj?.ip_info) ?? {}) };
}

/**
 * A TCP connect as OONI recorded it (status.success, or the failure); null when it recorded neither
 * (no status, or a status without success or failure): an unknown result is not a failed connect.
 */
function tcpObservation(e: Json, ip: string, port: number, lacks: Set<string>): TcpConnectObservation | null {
  const status = obj(e.status);
  const failure = ooniFailure(status?.failure);
  if (status?.success !== true && failure === null) {
    lacks.add(`the result of the TCP connect to ${joinHostPort(ip, port)}`);
    return null;
  }
  return { ip, port, failure: status?.success === true ? null : failure, ...times(e) };
}

/** TCP connects and TLS handshakes of the first hop, and a lookup of any hop's handshake for the HTTP requests. */
function webConnects(w: WebInput, lte: boolean): { tcp: TcpConnectObservation[]; tls: TlsHandshakeObservation[]; allTls: Json[]; tlsFor: (depth: number) => TlsLookup } {
  const tcp: TcpConnectObservation[] = [];
  for (const e of arr(w.keys.tcp_connect).map(obj)) {
    if (!e || depthOf(e) !== 0 || !str(e.ip) || num(e.port) === null) continue;
    const t = tcpObservation(e, e.ip as string, e.port as number, w.lacks);
    if (t) tcp.push(t);
  }
  const allTls = arr(w.keys.tls_handshakes)
    .map(obj)
    .filter((h): h is Json => h !== null);
  const tls = allTls.filter((h) => depthOf(h) === 0).map((h) => tlsObservation(h, w.lacks, w.at)).filter((h): h is TlsHandshakeObservation => h !== null);
  const tlsFor = (depth: number): TlsLookup => (ip, p, sni) => {
    const h = allTls.find((x) => (!lte || depthOf(x) === depth) && x.address === joinHostPort(ip, p) && (str(x.server_name) ?? '') === sni);
    return h ? tlsObservation(h, w.lacks, w.at) : null;
  };
  return { tcp, tls, allTls, tlsFor };
}

/** HTTP: LTE tags each hop with its depth (and prepends, final first); older engines only prepend. */
function webHttp(w: WebInput, tlsFor: (depth: number) => TlsLookup): { http: HttpObservation[]; requests: Json[] } {
  const requests = arr(w.keys.requests).map(obj).filter((r): r is Json => r !== null);
  if (w.hasKeys && (w.keys.requests === null || w.keys.requests === undefined)) w.lacks.add('requests');
  const ordered = requests.some((r) => tagsOf(r).some((t) => t.startsWith('depth=')))
    ? [...requests].sort((a, b) => depthOf(a) - depthOf(b))
    : [...requests].reverse();
  const http: HttpObservation[] = [];
  for (const r of ordered) {
    const h = httpObservation(r, w.lacks, tlsFor(depthOf(r)));
    if (!h) continue;
    if (h.tls === null && h.url.startsWith('https:') && h.failure === null) {
      // An HTTPS response without its handshake recorded (older engines): the handshake succeeded.
      h.tls = { ip: h.ip, port: h.port, serverName: new URL(h.url).hostname, failure: null, tlsVersion: null, cipherSuite: null, alpn: null, peerCertificates: [], chainTrusted: true, chainError: null, hostnameMatches: true, t0: h.t0, t: h.t0 };
    }
    http.push(h);
  }
  return { http, requests };
}

/** Where the last response redirects to, when it is a redirect with a readable Location. */
function redirectTarget(last: HttpObservation | undefined): URL | null {
  if (!last || last.failure !== null || last.status === null || ![301, 302, 303, 307, 308].includes(last.status) || !last.headers['location']) return null;
  try {
    return new URL(last.headers['location'], last.url);
  } catch {
    return null;
  }
}

/** LTE does not record a request whose connection failed: the failed hop is in tcp_connect/tls_handshakes. */
function lteFailedHop(w: WebInput, http: readonly HttpObservation[], requests: readonly Json[], allTls: readonly Json[]): HttpObservation | null {
  const next = redirectTarget(http.at(-1));
  if (!next) return null;
  const depth = Math.max(...requests.map(depthOf)) + 1;
  const flows = arr(w.keys.tcp_connect).map(obj).filter((e): e is Json => e !== null && depthOf(e) === depth && tagsOf(e).includes('fetch_body=true'));
  const failedTcp = flows.find((e) => obj(e.status)?.success !== true && ooniFailure(obj(e.status)?.failure) !== null);
  const failedTls = allTls.find((h) => depthOf(h) === depth && tagsOf(h).includes('fetch_body=true') && h.failure);
  if (!failedTcp && !failedTls) return null;
  const e = (failedTls ?? failedTcp) as Json;
  const where = splitAddress(e.address) ?? { ip: str(e.ip) ?? '', port: num(e.port) ?? 0 };
  return {
    url: next.toString(),
    method: 'GET',
    ip: where.ip,
    port: where.port,
    failure: failedTls ? ooniFailure(failedTls.failure) : (ooniFailure(obj(failedTcp?.status)?.failure) as string),
    failedOperation: failedTls ? 'tls_handshake' : 'connect',
    status: null,
    headers: {},
    bodyLength: 0,
    bodyTruncated: false,
    body: '',
    title: null,
    tls: failedTls ? tlsObservation(failedTls, w.lacks, w.at) : null,
    responseAt: null,
    ...times(e),
  };
}

/** Every address seen, with where it was seen (local DNS, the control's DNS, the helper's connects). */
function webAddresses(w: WebInput, local: readonly DnsObservation[], control: readonly DnsObservation[], helperAddresses: readonly string[]): AddressInfo[] {
  const addresses: AddressInfo[] = [];
  const note = (ip: string, source: AddressInfo['sources'][number]): void => {
    let a = addresses.find((x) => x.ip === ip);
    if (!a) {
      a = { ip, sources: [], skipped: !w.literal && isSelfAddress(ip) ? 'loopback' : null };
      addresses.push(a);
    }
    if (!a.sources.includes(source)) a.sources.push(source);
  };
  for (const o of local) for (const a of o.answers) if (a.type !== 'CNAME') note(a.value, 'local');
  for (const o of control) for (const a of o.answers) if (a.type !== 'CNAME') note(a.value, 'control');
  for (const ip of helperAddresses) note(ip, 'helper');
  return addresses;
}

/** OONI's own dns_consistency ("consistent" / "inconsistent"; "reverse_match" counts as consistent). */
function probeDnsConsistency(tk: Json): Pick<WebMeasurement, 'probeDnsConsistency'> {
  const v = str(tk.dns_consistency);
  return v === 'consistent' || v === 'reverse_match' ? { probeDnsConsistency: 'consistent' } : v === 'inconsistent' ? { probeDnsConsistency: 'inconsistent' } : {};
}

/** Maps one web_connectivity measurement (0.4, 0.5 LTE, and the 2016-2019 MK engine's), step by step. */
export function ooniWebMeasurement(m: Json, source: string): { measurement: WebMeasurement; lacks: string[] } | { error: string } {
  const parsed = webInput(m, source);
  if ('error' in parsed) return parsed;
  const { input: w, target, port } = parsed;
  const { local, redirectDns, lte } = webDns(w);
  const { helper, control, helperAddresses } = webControl(w);
  const { tcp, tls, allTls, tlsFor } = webConnects(w, lte);
  const { http, requests } = webHttp(w, tlsFor);
  const failedHop = lte ? lteFailedHop(w, http, requests, allTls) : null;
  if (failedHop) http.push(failedHop);
  const measurement: WebMeasurement = {
    target,
    startedAt: isoTime(m.measurement_start_time),
    runtime: num(m.test_runtime) ?? 0,
    hostname: w.hostname,
    port,
    localResolver: `OONI ${[...new Set(local.map((q) => q.engine))].join('+') || 'system resolver'}`,
    dns: { local, control },
    addresses: webAddresses(w, local, control, helperAddresses),
    tcp,
    tls,
    http,
    redirectDns,
    helper,
    controlRecheck: [],
    sniProbes: [],
    deadlineExceeded: false,
    ...probeDnsConsistency(w.keys),
  };
  return { measurement, lacks: [...w.lacks] };
}

/** What the steps of mapping one messenger measurement share: OONI's operations, read once. */
interface ServiceOps {
  lacks: Set<string>;
  at: Date;
  queries: DnsObservation[];
  tcps: Json[];
  handshakes: Json[];
  requests: Json[];
}

function serviceOps(m: Json): ServiceOps {
  const lacks = new Set<string>();
  const tk = obj(m.test_keys) ?? {};
  if (!obj(m.test_keys)) lacks.add('test_keys');
  const ops: ServiceOps = {
    lacks,
    at: new Date(isoTime(m.measurement_start_time)),
    queries: arr(tk.queries).map(obj).filter((q): q is Json => q !== null).map(dnsObservation),
    tcps: arr(tk.tcp_connect).map(obj).filter((e): e is Json => e !== null && str(e.ip) !== null && num(e.port) !== null),
    handshakes: arr(tk.tls_handshakes).map(obj).filter((h): h is Json => h !== null),
    requests: arr(tk.requests).map(obj).filter((r): r is Json => r !== null),
  };
  if (!Array.isArray(tk.tcp_connect) && !Array.isArray(tk.requests)) lacks.add('tcp_connect and requests');
  return ops;
}

/** One endpoint of a check: its host, the ports it is tried on (null: DNS only), and its URL for HTTP checks. */
function endpointOf(check: ServiceCheck, ep: string): { host: string; ports: (number | null)[]; url: string | null } {
  if (check.protocol === 'https' || check.protocol === 'http-post') {
    const { host, port } = urlEndpoint(new URL(ep));
    return { host, ports: [port], url: ep };
  }
  const sp = splitHostPort(ep);
  return { host: sp.host, ports: check.protocol === 'dns' ? [null] : sp.port !== null ? [sp.port] : (check.ports ?? []), url: null };
}

const sameUrl = (a: string, b: string): boolean => a.replace(/\/$/, '') === b.replace(/\/$/, '');

/** One endpoint on one port: its request when OONI made one to the URL, else its connects and handshakes. */
function serviceAttempt(ops: ServiceOps, check: ServiceCheck, ep: string, e: { host: string; url: string | null; dns: DnsObservation[] | null; ips: string[] }, port: number | null): EndpointAttempt {
  const { host, url, ips } = e;
  const attempt: EndpointAttempt = { label: ep, host, port, dns: e.dns ? { local: e.dns, control: [] } : null, tcp: [], tls: [], http: null };
  if (port === null) return attempt;
  const r = url ? ops.requests.find((x) => sameUrl(str(obj(x.request)?.url) ?? '', url)) : undefined;
  if (r) {
    attempt.http = httpObservation(r, ops.lacks, (ip, p, sni) => {
      const h = ops.handshakes.find((x) => x.address === `${ip}:${p}` && (str(x.server_name) ?? '') === sni);
      return h ? tlsObservation(h, ops.lacks, ops.at) : null;
    });
    return attempt;
  }
  attempt.tcp = ops.tcps
    .filter((t) => t.port === port && ips.includes(t.ip as string))
    .map((t) => tcpObservation(t, t.ip as string, port, ops.lacks))
    .filter((t): t is TcpConnectObservation => t !== null);
  if (check.protocol === 'tls' || url) {
    attempt.tls = ops.handshakes
      .filter((h) => {
        const w = splitAddress(h.address);
        return w !== null && w.port === port && ips.includes(w.ip) && (isIpLiteral(host) || str(h.server_name) === host);
      })
      .map((h) => tlsObservation(h, ops.lacks, ops.at))
      .filter((h): h is TlsHandshakeObservation => h !== null);
  }
  return attempt;
}

/** A check's attempts: each endpoint, on each of its ports, with the addresses OONI's lookups gave it. */
function serviceAttempts(ops: ServiceOps, check: ServiceCheck): EndpointAttempt[] {
  return check.endpoints.flatMap((ep): EndpointAttempt[] => {
    const { host, ports, url } = endpointOf(check, ep);
    const dns = isIpLiteral(host) ? null : ops.queries.filter((q) => q.hostname === host);
    const ips = isIpLiteral(host) ? [host] : [...new Set((dns ?? []).flatMap((q) => q.answers.filter((a) => a.type !== 'CNAME').map((a) => a.value)))];
    return ports.map((port) => serviceAttempt(ops, check, ep, { host, url, dns, ips }, port));
  });
}

/** Messenger tests: OONI's operations sorted into the shipped service list's checks and endpoints. */
export function ooniServiceMeasurement(m: Json, target: ServiceTarget): { measurement: ServiceMeasurement; lacks: string[] } {
  const ops = serviceOps(m);
  const checks: CheckMeasurement[] = target.service.checks.map((check) => ({ checkId: check.id, attempts: serviceAttempts(ops, check) }));
  return {
    measurement: {
      target,
      startedAt: isoTime(m.measurement_start_time),
      runtime: num(m.test_runtime) ?? 0,
      localResolver: 'OONI system resolver',
      checks,
      // OONI's messenger tests have no control: DNS failures stay undecided.
      controlAnswered: null,
      deadlineExceeded: false,
    },
    lacks: [...ops.lacks],
  };
}

/** OONI's own messenger verdict: any of its "blocked" keys set. */
function ooniServiceVerdict(m: Json, tk: Json): OoniVerdict {
  const name = str(m.test_name) ?? '';
  // Each nettest's own verdict keys: "verdict" keys say blocked/ok, "detail" keys are shown beside them.
  const KEYS: Record<string, Record<string, 'verdict' | 'detail'>> = {
    whatsapp: { whatsapp_endpoints_status: 'verdict', whatsapp_web_status: 'verdict', registration_server_status: 'verdict', whatsapp_endpoints_blocked: 'detail' },
    telegram: { telegram_http_blocking: 'verdict', telegram_tcp_blocking: 'verdict', telegram_web_status: 'verdict' },
    signal: { signal_backend_status: 'verdict', signal_backend_failure: 'detail' },
    facebook_messenger: { facebook_dns_blocking: 'verdict', facebook_tcp_blocking: 'verdict' },
  };
  const kinds = KEYS[name] ?? {};
  const picked = Object.fromEntries(Object.keys(kinds).filter((k) => k in tk).map((k) => [k, tk[k]]));
  const values = Object.entries(picked).filter(([k]) => kinds[k] === 'verdict').map(([, v]) => v);
  const blocked = values.some((v) => v === true || v === 'blocked');
  const known = values.some((v) => v !== null && v !== undefined);
  return { testName: name, testVersion: str(m.test_version) ?? '', keys: picked, label: blocked ? 'blocked' : known ? 'ok' : 'unknown' };
}

/** An OONI API measurement_meta answer carries the measurement as a JSON string. */
function unwrap(v: unknown): Json | string {
  const o = obj(v);
  if (!o) return 'not a JSON object';
  if (typeof o.raw_measurement === 'string') {
    try {
      return unwrap(JSON.parse(o.raw_measurement));
    } catch {
      return 'raw_measurement is not valid JSON';
    }
  }
  if (o.raw_measurement && obj(o.raw_measurement)) return o.raw_measurement as Json;
  return o;
}

/**
 * One OONI measurement (or API answer) to tekser's model. `services` resolves a messenger test to
 * the shipped service definition. Returns an error string only for input that is not a measurement.
 */
export function ingestOoni(value: unknown, source: string, services: (id: string) => Service | null): IngestedMeasurement | { error: string } {
  const m = unwrap(value);
  if (typeof m === 'string') return { error: m };
  const testName = str(m.test_name);
  if (!testName) return { error: 'not an OONI measurement (no test_name)' };
  const input = str(m.input);
  if (testName === 'web_connectivity') {
    const mapped = ooniWebMeasurement(m, source);
    if ('error' in mapped) return { kind: 'skipped', testName, input, reason: mapped.error };
    return { kind: 'web', measurement: mapped.measurement, ooni: ooniWebVerdict(m, obj(m.test_keys)), lacks: mapped.lacks };
  }
  const serviceId = MESSENGER_SERVICE_IDS[testName];
  if (serviceId) return ingestMessenger(underscoredKeys(m), testName, serviceId, source, services);
  return { kind: 'skipped', testName, input, reason: `tekser does not analyse OONI's ${testName} nettest (it reads ${SUPPORTED_NETTESTS.join(', ')})` };
}

/**
 * MK-engine era messenger measurements spelled some test_keys with hyphens: read them under the
 * spec's underscored names (an underscored key already present wins).
 */
function underscoredKeys(m: Json): Json {
  const tk = obj(m.test_keys);
  if (!tk) return m;
  const keys: Json = {};
  for (const [k, v] of Object.entries(tk)) keys[k.replace(/-/g, '_')] ??= v;
  for (const [k, v] of Object.entries(tk)) if (!k.includes('-')) keys[k] = v;
  return { ...m, test_keys: keys };
}

function ingestMessenger(m: Json, testName: string, serviceId: string, source: string, services: (id: string) => Service | null): IngestedMeasurement {
  const service = services(serviceId);
  if (!service) return { kind: 'skipped', testName, input: str(m.input), reason: `no "${serviceId}" service in the service list` };
  const target: ServiceTarget = { kind: 'service', service, url: `service:${service.id}`, source };
  const mapped = ooniServiceMeasurement(m, target);
  return { kind: 'service', measurement: mapped.measurement, ooni: ooniServiceVerdict(m, obj(m.test_keys) ?? {}), lacks: mapped.lacks };
}
