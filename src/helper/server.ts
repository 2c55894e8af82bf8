import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Agent } from 'undici';
import { startClock, type Clock } from '../net/clock.ts';
import type { DnsObservation } from '../model/observation.ts';
import { addressesOf, resolveHost, type ResolverSpec } from '../net/dns.ts';
import { tcpConnect } from '../net/tcp.ts';
import { tlsHandshake, type TrustStore } from '../net/tls.ts';
import { DEFAULT_BODY_LIMIT } from '../net/http.ts';
import { fetchFollowingRedirects } from '../net/fetch.ts';
import { helperRequestSchema, HELPER_TOKEN_HEADER, type HelperRequest, type ReferenceInfo } from './protocol.ts';
import type { HelperResponse } from '../model/control.ts';
import { FAILURES, unknownFailure } from '../model/failure.ts';
import { embeddedIPv4, hextets, isBogon, isLabAddress, isSelfAddress } from '../net/addresses.ts';
import { HelperRequestError } from '../errors.ts';
import { addressFamily, bareHost, isIpLiteral, joinHostPort, urlEndpoint } from '../net/endpoint.ts';
import type { AsnTable } from './asn-table.ts';

/** What one caller may cost the helper. Every field has a default (see HELPER_LIMITS). */
export interface HelperLimits {
  /** Bytes of request JSON accepted (413 above). */
  maxRequestBytes: number;
  /** Bytes of each fetched page read (the rest is not downloaded; body_length says how much was read). */
  bodyLimit: number;
  /** Whole-request deadline: the caller gets 504 after it. */
  requestMs: number;
  /** Measurements in flight at once (503 above; a slot is held until the work really ends). */
  maxConcurrent: number;
  /** Requests per client address per minute (429 above). */
  ratePerMinute: number;
}

export const HELPER_LIMITS: HelperLimits = {
  maxRequestBytes: 64 * 1024,
  bodyLimit: DEFAULT_BODY_LIMIT,
  requestMs: 30_000,
  maxConcurrent: 16,
  ratePerMinute: 60,
};

export interface HelperServerOptions {
  resolver: ResolverSpec;
  trust: TrustStore;
  dnsTimeoutMs?: number;
  connectTimeoutMs?: number;
  httpTimeoutMs?: number;
  /** Serve over TLS (PEM); plain HTTP otherwise. */
  tls?: { cert: string; key: string };
  /** Callers must send `Authorization: Bearer <token>`; none when unset (OONI probes send none). */
  token?: string | null;
  limits?: Partial<HelperLimits>;
  /** Rate-limit by the last X-Forwarded-For entry (only behind a reverse proxy that sets it). */
  trustForwardedFor?: boolean;
  /**
   * The network lab only: documentation and benchmarking ranges (192.0.2/24, 198.51.100/24,
   * 203.0.113/24, 198.18/15, 2001:db8::/32) are the lab's internet. Bogons otherwise.
   */
  allowLabRanges?: boolean;
  /** Loopback tests only (no CLI flag): loopback addresses and the lab ranges are dialled too. */
  dialLoopback?: boolean;
  /** Loopback tests only (no CLI flag): these endpoints are dialled although they are not public. */
  allowEndpoint?: (ip: string, port: number) => boolean;
  /** An IP-to-AS table: GET /network answers the caller's AS and country (never its address). */
  asnTable?: AsnTable | null;
  /** Where the throughput reference listens (`--reference-port`): GET /reference says so. Null: none. */
  reference?: ReferenceInfo | null;
  /** Called with every address the helper is about to dial (tests keep a dial log with it). */
  onDial?: (ip: string, port: number) => void;
}

/**
 * Why the helper will not dial `ip`, or null when it may. Every bogon is refused (loopback, private,
 * link-local, CGNAT, multicast, unspecified, reserved, documentation), in IPv4-mapped, -compatible,
 * NAT64 and 6to4 spellings too: whoever reaches the helper must not reach the helper's own network.
 */
export function destinationRefusal(ip: string, opts: Pick<HelperServerOptions, 'allowLabRanges' | 'dialLoopback'> = {}): string | null {
  // Only a bare address is dialled: `[::1]` is a URL's spelling, not an address.
  if (!isIpLiteral(ip) || bareHost(ip) !== ip) return `refused to dial ${ip}: not an IP address`;
  const inner = embeddedIPv4(ip);
  const checked = inner ?? ip;
  const allowed = (a: string): boolean => ((opts.allowLabRanges || opts.dialLoopback) && isLabAddress(a)) || (Boolean(opts.dialLoopback) && isSelfAddress(a) && a !== '0.0.0.0' && a !== '::');
  if (inner && !allowed(inner) && (isBogon(inner) || isSelfAddress(inner))) return `refused to dial ${ip}: it carries the non-public address ${inner}`;
  if (!inner && isBogon(checked) && !allowed(checked)) return `refused to dial ${ip}: not a public address`;
  return null;
}

/** The failure string a refused dial is recorded with (OONI's vocabulary has none for it). */
const refusedFailure = (reason: string): string => unknownFailure(reason);


/** Measures a URL the way the probe does, from wherever the helper runs, and answers in OONI's TH format. */
export async function measureForHelper(body: unknown, opts: HelperServerOptions): Promise<HelperResponse> {
  const parsed = helperRequestSchema.safeParse(body);
  if (!parsed.success) throw new HelperRequestError(400, `not a Web Connectivity control request: ${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const req = parsed.data;
  let url: URL;
  try {
    url = new URL(req.http_request);
  } catch {
    throw new HelperRequestError(400, 'http_request is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HelperRequestError(400, 'http_request must be an http:// or https:// URL');
  // Credentials are never sent on: the helper fetches what anyone could.
  url.username = '';
  url.password = '';
  const { host, port } = urlEndpoint(url);
  const clock = startClock();
  const dnsTimeoutMs = opts.dnsTimeoutMs ?? 4000;
  const timeoutMs = opts.connectTimeoutMs ?? 10_000;
  // The dispatcher only carries DoH queries to the helper's own resolver (a configured address).
  const dispatcher = new Agent({ connect: { ca: opts.trust.pems as string[], timeout: timeoutMs } });
  const refuse = (ip: string, p: number = port): string | null => (opts.allowEndpoint?.(ip, p) ? null : destinationRefusal(ip, opts));
  const resolve = async (h: string) => {
    const observations = await resolveHost(opts.resolver, h, { clock, timeoutMs: dnsTimeoutMs, dispatcher });
    const addresses = addressesOf(observations);
    // Dialable addresses first; refused ones stay so the guard records why a hop was not fetched.
    return { observations, addresses: [...addresses.filter((a) => !refuse(a)), ...addresses.filter((a) => refuse(a))] };
  };
  try {
    return await measureWith(req, url, host, port, clock, timeoutMs, resolve, refuse, opts);
  } finally {
    await dispatcher.close();
  }
}

/** How the helper resolves a name: every answer, the dialable addresses first. */
type HelperResolve = (h: string) => Promise<{ observations: DnsObservation[]; addresses: string[] }>;

async function measureWith(
  req: HelperRequest,
  url: URL,
  host: string,
  port: number,
  clock: Clock,
  timeoutMs: number,
  resolve: HelperResolve,
  refuse: (ip: string, port?: number) => string | null,
  opts: HelperServerOptions,
): Promise<HelperResponse> {
  const { dns, own } = await resolveForHelper(host, resolve);
  const probeIps = req.tcp_connect.map((ep) => bareHost(ep.replace(/:\d+$/, '')));
  // Refused addresses are left out of tcp_connect (as OONI's helper leaves out bogons).
  const ips = [...new Set([...own, ...probeIps])].filter((ip) => isIpLiteral(ip) && !refuse(ip));
  const { tcp_connect, tls_handshake } = await connectForHelper(ips, url, host, port, clock, timeoutMs, opts);
  const first = own[0];
  const http_request = first
    ? await fetchForHelper(url, first, clock, timeoutMs, resolve, refuse, opts, dns)
    : { body_length: -1, failure: dns.failure ?? FAILURES.noAnswer, title: '', headers: {}, status_code: -1 };
  return { tcp_connect, tls_handshake, http_request, dns };
}

/** The URL's own addresses, from the helper's resolver (none to look up for an IP literal). */
async function resolveForHelper(host: string, resolve: HelperResolve): Promise<{ dns: HelperResponse['dns']; own: string[] }> {
  if (isIpLiteral(host)) return { dns: { failure: null, addrs: [] }, own: [host] };
  const r = await resolve(host);
  const own = r.addresses;
  return { dns: { failure: own.length ? null : (r.observations.find((o) => o.failure)?.failure ?? FAILURES.noAnswer), addrs: addressesOf(r.observations) }, own };
}

/** TCP to every address (and TLS for https), keyed `ip:port` as OONI's helper answers. */
async function connectForHelper(
  ips: string[],
  url: URL,
  host: string,
  port: number,
  clock: Clock,
  timeoutMs: number,
  opts: HelperServerOptions,
): Promise<Pick<HelperResponse, 'tcp_connect' | 'tls_handshake'>> {
  const tcp_connect: HelperResponse['tcp_connect'] = {};
  const tls_handshake: HelperResponse['tls_handshake'] = {};
  const serverName = isIpLiteral(host) ? null : host;
  await Promise.all(
    ips.map(async (ip) => {
      const key = joinHostPort(ip, port);
      opts.onDial?.(ip, port);
      const c = await tcpConnect(ip, port, { clock, timeoutMs });
      tcp_connect[key] = { status: c.observation.failure === null, failure: c.observation.failure };
      if (c.socket && url.protocol === 'https:') {
        const hs = await tlsHandshake(ip, port, serverName, { clock, timeoutMs, trust: opts.trust, socket: c.socket, ...(serverName === null ? { verifyName: host } : {}) });
        tls_handshake[key] = { server_name: serverName, status: hs.observation.failure === null, failure: hs.observation.failure };
      } else {
        c.socket?.destroy();
      }
    }),
  );
  return { tcp_connect, tls_handshake };
}

/** The page, redirects followed, every hop dialled at an address checked here (never re-resolved: no DNS-rebinding window). */
async function fetchForHelper(
  url: URL,
  first: string,
  clock: Clock,
  timeoutMs: number,
  resolve: HelperResolve,
  refuse: (ip: string, port?: number) => string | null,
  opts: HelperServerOptions,
  dns: HelperResponse['dns'],
): Promise<HelperResponse['http_request']> {
  const requestMs = opts.limits?.requestMs ?? HELPER_LIMITS.requestMs;
  const dialGuard = (ip: string, p: number): string | null => {
    // No new hop once the caller has been answered 504: the work ends with the hop in flight.
    if (clock.now() * 1000 > requestMs) return FAILURES.timeout;
    const why = refuse(ip, p);
    if (why) return refusedFailure(why);
    opts.onDial?.(ip, p);
    return null;
  };
  const { hops, stoppedReason } = await fetchFollowingRedirects(url.toString(), first, resolve, {
    clock,
    connectTimeoutMs: timeoutMs,
    tlsTimeoutMs: timeoutMs,
    httpTimeoutMs: opts.httpTimeoutMs ?? 15_000,
    trust: opts.trust,
    bodyLimit: opts.limits?.bodyLimit ?? HELPER_LIMITS.bodyLimit,
    dialGuard,
  });
  const last = hops[hops.length - 1];
  if (!last) return { body_length: -1, failure: dns.failure ?? FAILURES.noAnswer, title: '', headers: {}, status_code: -1 };
  if (last.failure) return { body_length: -1, failure: last.failure, title: '', headers: {}, status_code: -1 };
  if (stoppedReason?.startsWith('stopped after')) return { body_length: -1, failure: refusedFailure(stoppedReason), title: '', headers: {}, status_code: -1 };
  return { body_length: last.bodyLength, failure: null, title: last.title ?? '', headers: last.headers, status_code: last.status ?? -1 };
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      reject(new HelperRequestError(413, `request larger than ${max} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new HelperRequestError(413, `request larger than ${max} bytes`));
        req.pause();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Constant-time comparison of the caller's bearer token with ours. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return Boolean(m?.[1]) && timingSafeEqual(digest(m?.[1]?.trim() ?? ''), digest(token));
}

/** A fixed one-minute window per client: enough to stop one caller from using the helper as a cannon. */
function rateLimiter(perMinute: number): (client: string) => boolean {
  let windowStart = Date.now();
  const counts = new Map<string, number>();
  return (client) => {
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      counts.clear();
      windowStart = now;
    }
    const n = (counts.get(client) ?? 0) + 1;
    counts.set(client, n);
    return n <= perMinute;
  };
}

/** Answers one request with JSON (once; a closed connection gets nothing). */
function replier(res: ServerResponse): (status: number, body: unknown, headers?: Record<string, string>) => void {
  return (status, body, headers = {}) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', server: 'tekser-helper', ...(status >= 400 ? { connection: 'close' } : {}), ...headers });
    res.end(JSON.stringify(body));
  };
}

/** The caller's address, and the client it counts as for the rate limit (one IPv6 user holds a whole /64). */
function callerOf(req: IncomingMessage, opts: HelperServerOptions): { address: string; client: string } {
  const forwarded = opts.trustForwardedFor ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : '';
  const address = forwarded || req.socket.remoteAddress || 'unknown';
  // A bracketed spelling is counted as written.
  const client = addressFamily(address) === 6 && bareHost(address) === address && !embeddedIPv4(address) ? `${hextets(address).slice(0, 4).map((g) => g.toString(16)).join(':')}::/64` : address;
  return { address, client };
}

/** GET /network: where the helper's table puts the caller. */
const NETWORK_PATH = /^\/(?:[^?#]*\/)?network(?:[?#].*)?$/;

/** GET /reference: where the throughput reference listens, and its size. */
const REFERENCE_INFO_PATH = /^\/(?:[^?#]*\/)?reference(?:[?#].*)?$/;

/** The caller's AS and country from the table, never its address; or where the throughput reference is. */
function networkAnswer(opts: HelperServerOptions, address: string, reference: boolean): [number, unknown] {
  if (reference) return opts.reference ? [200, opts.reference] : [404, { error: 'this helper serves no throughput reference (tekser helper --reference-port)' }];
  const table = opts.asnTable ?? null;
  if (!table) return [404, { error: 'this helper has no IP-to-AS table (tekser helper --asn-table)' }];
  const hit = table.lookup(address);
  return [200, { asn: hit?.asn ?? null, cc: hit?.cc ?? null }];
}

export function createHelperServer(opts: HelperServerOptions): Server {
  const limits: HelperLimits = { ...HELPER_LIMITS, ...opts.limits };
  const allow = rateLimiter(limits.ratePerMinute);
  let inFlight = 0;
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const reply = replier(res);
    const reference = req.method === 'GET' && REFERENCE_INFO_PATH.test(req.url ?? '');
    const network = (req.method === 'GET' && NETWORK_PATH.test(req.url ?? '')) || reference;
    if (req.method === 'GET' && !network) return reply(200, { message: 'tekser control helper: POST a Web Connectivity control request' });
    if (req.method !== 'POST' && !network) return reply(405, { error: 'POST only' }, { allow: 'GET, POST' });
    if (opts.token && !tokenMatches(req.headers[HELPER_TOKEN_HEADER], opts.token)) {
      req.resume();
      return reply(401, { error: 'this helper needs a token (Authorization: Bearer …)' }, { 'www-authenticate': 'Bearer' });
    }
    const { address, client } = callerOf(req, opts);
    if (!allow(client)) {
      req.resume();
      return reply(429, { error: `more than ${limits.ratePerMinute} requests a minute from ${client}` }, { 'retry-after': '60' });
    }
    if (network) return reply(...networkAnswer(opts, address, reference));
    if (inFlight >= limits.maxConcurrent) {
      req.resume();
      return reply(503, { error: `busy: ${limits.maxConcurrent} measurements in flight` }, { 'retry-after': '5' });
    }
    inFlight++;
    let timer: NodeJS.Timeout | undefined;
    const work = readBody(req, limits.maxRequestBytes).then((text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new HelperRequestError(400, 'request body is not JSON');
      }
      return measureForHelper(json, opts);
    });
    // The slot is freed when the work really ends, not when the caller is answered.
    void work.catch(() => {}).finally(() => inFlight--);
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HelperRequestError(504, `measurement took longer than ${limits.requestMs / 1000} s`)), limits.requestMs);
      timer.unref();
    });
    Promise.race([work, deadline])
      .then((r) => reply(200, r))
      .catch((err: Error) => reply(err instanceof HelperRequestError ? err.status : 500, { error: err instanceof HelperRequestError ? err.message : 'internal error' }))
      .finally(() => clearTimeout(timer));
  };
  const server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, handler) : createHttpServer(handler);
  // Slow or oversized callers cannot hold connections: bounded headers, request time and sockets.
  server.headersTimeout = 10_000;
  server.requestTimeout = limits.requestMs + 15_000;
  server.maxConnections = Math.max(64, limits.maxConcurrent * 8);
  return server;
}
