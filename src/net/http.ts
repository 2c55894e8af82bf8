import type { Socket } from 'node:net';
import { loadUndici } from './undici.ts';
import { deadlineSignal, type Clock } from './clock.ts';
import { classifyError } from './failure.ts';
import { FAILURES } from '../model/failure.ts';
import type { HttpObservation, TlsHandshakeObservation } from '../model/observation.ts';
import { destroyOnAbort, tcpConnect } from './tcp.ts';
import { tlsHandshake, type TrustStore } from './tls.ts';
import { bareHost, isIpLiteral, joinHostPort, urlPort } from './endpoint.ts';
import type { Client } from 'undici';

export const DEFAULT_BODY_LIMIT = 512 * 1024;
/** Throughput samples over a body, as OONI's throttling sampler: about every 250 ms. */
export const SAMPLE_EVERY_MS = 250;

/** What a browser sends, so servers answer a probe as they answer people (OONI does the same). */
export const BROWSER_HEADERS = {
  'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'en-US,en;q=0.9',
} as const;

export interface HttpOptions {
  clock: Clock;
  connectTimeoutMs: number;
  tlsTimeoutMs: number;
  httpTimeoutMs: number;
  trust: TrustStore;
  bodyLimit?: number;
  /** Checked before every dial (each redirect hop too): a failure string refuses the address. */
  dialGuard?: (ip: string, port: number) => string | null;
  /** Aborting destroys the connection and ends the request at once (`interrupted`). */
  signal?: AbortSignal;
  /** Throughput sampling interval over the body (ms); 0 turns sampling off. */
  sampleEveryMs?: number;
}

/** A connection already made (and measured) by the caller, to send the request over. */
export interface ReusedConnection {
  socket: Socket;
  /** The handshake that was measured on it (https), recorded on the hop. */
  tls: TlsHandshakeObservation | null;
}

export interface HttpRequestSpec {
  url: string;
  /** The address to connect to: DNS was done by the caller, so the request goes exactly where we say. */
  ip: string;
  method?: 'GET' | 'POST';
  /** SNI to send; defaults to the URL's host (none for an IP literal). */
  serverName?: string | null;
  /** Send the request over this connection instead of dialling (one handshake per target). */
  connection?: ReusedConnection;
}

const TITLE_RE = /<title[^>]*>([^<]{1,512})<\/title>/i;

export function extractTitle(body: string): string | null {
  const m = TITLE_RE.exec(body);
  return m?.[1] ? m[1].trim().replace(/\s+/g, ' ') : null;
}

/** The connection a request goes over, or why there is none (with the handshake, when it failed there). */
type Connected = ReusedConnection | { failure: string; failedOperation: 'connect' | 'tls_handshake'; tls: TlsHandshakeObservation | null };

/** What a response's body gave: the first `limit` bytes, and the throughput samples over the transfer. */
interface BodyRead {
  chunks: Buffer[];
  size: number;
  truncated: boolean;
  samples: { t: number; bytes: number }[];
  /** Set when the transfer broke off: the observation is then a round-trip failure. */
  error?: unknown;
}

/** One HTTP(S) request to a chosen IP with the URL's Host (and SNI); no redirect is followed. */
export async function httpRequest(spec: HttpRequestSpec, opts: HttpOptions): Promise<HttpObservation> {
  // undici loads on the first request, before its clock starts (start-up: see net/undici.ts).
  const { Client } = await loadUndici();
  const url = new URL(spec.url);
  const port = urlPort(url);
  const method = spec.method ?? 'GET';
  const t0 = opts.clock.now();
  const base = { url: spec.url, method, ip: spec.ip, port, status: null, headers: {}, bodyLength: 0, bodyTruncated: false, body: '', title: null, responseAt: null };
  const failed = (failure: string, failedOperation: HttpObservation['failedOperation'], tls: TlsHandshakeObservation | null = null): HttpObservation => ({
    ...base,
    failure,
    failedOperation,
    tls,
    t0,
    t: opts.clock.now(),
  });

  const connected = await connectionFor(spec, url, port, opts);
  if ('failure' in connected) return failed(connected.failure, connected.failedOperation, connected.tls);
  const { socket, tls } = connected;
  const signal = opts.signal;
  const client = new Client(`${url.protocol}//${joinHostPort(spec.ip, port)}`, clientOptions(socket, opts.httpTimeoutMs));
  // The connection dies with the deadline, whatever undici is doing with it.
  const detach = destroyOnAbort(socket, signal);
  const deadline = deadlineSignal(opts.httpTimeoutMs, signal);
  try {
    const res = await client.request({
      path: `${url.pathname}${url.search}`,
      method,
      headers: { host: url.host, ...BROWSER_HEADERS, ...(method === 'POST' ? { 'content-length': '0' } : {}) },
      ...(method === 'POST' ? { body: '' } : {}),
      signal: deadline.signal,
    });
    const responseAt = opts.clock.now();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? (v[0] ?? '') : String(v ?? '');
    const sampleEvery = opts.sampleEveryMs ?? SAMPLE_EVERY_MS;
    const read = await readBody(res.body, opts.bodyLimit ?? DEFAULT_BODY_LIMIT, sampleEvery, opts.clock);
    if ('error' in read) {
      const failure = signal?.aborted ? FAILURES.interrupted : classifyError(read.error);
      return { ...base, status: res.statusCode, headers, responseAt, failure, failedOperation: 'http_round_trip', tls, ...(read.samples.length ? { samples: read.samples } : {}), t0, t: opts.clock.now() };
    }
    const body = new TextDecoder('utf-8').decode(Buffer.concat(read.chunks));
    const t = opts.clock.now();
    const { size, samples } = read;
    if (sampleEvery > 0 && size > 0 && samples.at(-1)?.bytes !== size) samples.push({ t, bytes: size });
    return { ...base, samples, status: res.statusCode, headers, bodyLength: size, bodyTruncated: read.truncated, body, title: extractTitle(body), responseAt, failure: null, failedOperation: null, tls, t0, t };
  } catch (err) {
    return failed(signal?.aborted ? FAILURES.interrupted : classifyError(err), 'http_round_trip', tls);
  } finally {
    deadline.release();
    detach();
    await client.destroy().catch(() => {});
    socket.destroy();
  }
}

/** The caller's connection, or a new one: TCP (unless the guard refuses the address), then TLS for https. */
async function connectionFor(spec: HttpRequestSpec, url: URL, port: number, opts: HttpOptions): Promise<Connected> {
  if (spec.connection) return spec.connection;
  const signal = opts.signal;
  const refused = opts.dialGuard?.(spec.ip, port);
  if (refused) return { failure: refused, failedOperation: 'connect', tls: null };
  const tcp = await tcpConnect(spec.ip, port, { clock: opts.clock, timeoutMs: opts.connectTimeoutMs, ...(signal ? { signal } : {}) });
  if (!tcp.socket) return { failure: tcp.observation.failure ?? FAILURES.timeout, failedOperation: 'connect', tls: null };
  if (url.protocol !== 'https:') return { socket: tcp.socket, tls: null };
  const hostname = bareHost(url.hostname);
  const sni = spec.serverName === undefined ? (isIpLiteral(hostname) ? null : hostname) : spec.serverName;
  const hs = await tlsHandshake(spec.ip, port, sni, {
    clock: opts.clock,
    timeoutMs: opts.tlsTimeoutMs,
    trust: opts.trust,
    alpn: ['http/1.1'],
    keepOpen: true,
    socket: tcp.socket,
    ...(sni === null ? { verifyName: hostname } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!hs.socket) return { failure: hs.observation.failure ?? FAILURES.failedHandshake, failedOperation: 'tls_handshake', tls: hs.observation };
  return { socket: hs.socket, tls: hs.observation };
}

/** undici's options for a client that sends its one request over `socket`: a second dial would measure something else. */
function clientOptions(socket: Socket, timeoutMs: number): Client.Options {
  let handedOver = false;
  return {
    connect: (_o, cb) => {
      if (handedOver) {
        cb(Object.assign(new Error('connection already used'), { code: 'UND_ERR_SOCKET' }), null);
        return;
      }
      handedOver = true;
      // undici finishes its own bookkeeping after calling the connector; answering synchronously stalls it.
      setImmediate(() => cb(null, socket));
    },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    pipelining: 0,
  };
}

/** Reads a body up to `limit` bytes (breaking off destroys the socket), sampling throughput as OONI's throttling sampler: cumulative bytes every ~250 ms. */
async function readBody(body: AsyncIterable<unknown>, limit: number, sampleEvery: number, clock: Clock): Promise<BodyRead> {
  const read: BodyRead = { chunks: [], size: 0, truncated: false, samples: [] };
  let lastSample = performance.now();
  try {
    for await (const chunk of body) {
      const c = chunk as Buffer;
      if (sampleEvery > 0) {
        const now = performance.now();
        if (now - lastSample >= sampleEvery) {
          read.samples.push({ t: clock.now(), bytes: read.size + c.length });
          lastSample = now;
        }
      }
      if (read.size + c.length > limit) {
        read.chunks.push(c.subarray(0, limit - read.size));
        read.size = limit;
        read.truncated = true;
        break; // breaking destroys the socket: we keep the first `limit` bytes only
      }
      read.chunks.push(c);
      read.size += c.length;
    }
  } catch (error) {
    read.error = error;
  }
  return read;
}
