import { joinHostPort } from '../../net/endpoint.ts';
import type { DnsObservation, TcpConnectObservation, TlsHandshakeObservation, StoredHttpObservation } from '../../model/observation.ts';

/**
 * tekser's observations in OONI's event formats: df-002 dnst (queries), df-005 tcpconnect,
 * df-006 tlshandshake, df-001 httpt (requests). Bodies leave only when asked for.
 */

export type Json = Record<string, unknown>;

const ENGINE: Record<string, string> = { getaddrinfo: 'getaddrinfo', udp: 'udp', tcp: 'tcp', doh: 'doh' };

function answer(a: DnsObservation['answers'][number]): Json {
  const value = a.type === 'A' ? { ipv4: a.value } : a.type === 'AAAA' ? { ipv6: a.value } : { hostname: a.value };
  return { answer_type: a.type, ...value, ttl: a.ttl, asn: 0, as_org_name: '' };
}

export function queries(obs: readonly DnsObservation[], tags: string[]): Json[] {
  return obs.map((q) => ({
    answers: q.answers.map(answer),
    engine: ENGINE[q.engine] ?? 'unknown',
    failure: q.failure,
    hostname: q.hostname,
    query_type: q.queryType,
    resolver_address: q.engine === 'getaddrinfo' ? '' : q.resolver,
    resolver_hostname: null,
    resolver_port: null,
    t0: q.t0,
    t: q.t,
    tags,
    transaction_id: 0,
  }));
}

export function tcpConnect(obs: readonly TcpConnectObservation[]): Json[] {
  return obs.map((c) => ({ ip: c.ip, port: c.port, status: { failure: c.failure, success: c.failure === null, blocked: null }, t0: c.t0, t: c.t, tags: [], transaction_id: 0 }));
}

export function handshake(h: TlsHandshakeObservation): Json {
  return {
    network: 'tcp',
    address: joinHostPort(h.ip, h.port),
    server_name: h.serverName ?? '',
    cipher_suite: h.cipherSuite ?? '',
    negotiated_protocol: h.alpn ?? '',
    no_tls_verify: false,
    peer_certificates: h.peerCertificates.map((c) => ({ format: 'base64', data: c.der })),
    tls_version: h.tlsVersion ?? '',
    failure: h.failure,
    t0: h.t0,
    t: h.t,
    tags: [],
    transaction_id: 0,
  };
}

/** SHA-256 of nothing: what a re-analysed run without bodies carries for a page it no longer has (model/codec.ts hashes ""). */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The page's hash, unless it is the hash of nothing for a page that had a length. */
const bodyHash = (h: StoredHttpObservation): string | null => (h.bodyLength > 0 && h.bodySha256 === EMPTY_SHA256 ? null : h.bodySha256);

const headersList = (h: Record<string, string>): string[][] => Object.entries(h).map(([k, v]) => [k, v]);

/**
 * The response as OONI writes it. The body is null unless bodies are included (a page may echo the
 * prober's own address) and the run kept it; x_body_length and x_body_sha256 say what was there, so
 * body_proportion can be read against them.
 */
function response(h: StoredHttpObservation, includeBodies: boolean): Json {
  return {
    code: h.status ?? 0,
    headers: h.headers,
    headers_list: headersList(h.headers),
    body: includeBodies && h.body !== undefined ? h.body : null,
    body_is_truncated: h.bodyTruncated,
    x_body_length: h.bodyLength,
    x_body_sha256: bodyHash(h),
  };
}

export function request(h: StoredHttpObservation, includeBodies: boolean): Json {
  return {
    network: 'tcp',
    address: joinHostPort(h.ip, h.port),
    alpn: h.tls?.alpn ?? 'http/1.1',
    failure: h.failure,
    request: {
      url: h.url,
      method: h.method,
      headers: {},
      headers_list: [],
      body: '',
      body_is_truncated: false,
      tor: { exit_ip: null, exit_name: null, is_tor: false },
      x_transport: 'tcp',
    },
    response: response(h, includeBodies),
    t0: h.t0,
    t: h.t,
    tags: [],
    transaction_id: 0,
  };
}
