import type { Socket } from 'node:net';
import { loadUndici } from './undici.ts';
import { deadlineSignal, type Clock } from './clock.ts';
import { classifyError } from './failure.ts';
import { FAILURES } from '../model/failure.ts';
import type { HttpObservation, TlsHandshakeObservation } from '../model/observation.ts';
import { destroyOnAbort, tcpConnect } from './tcp.ts';
import { tlsHandshake, type TrustStore } from './tls.ts';

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

function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** One HTTP(S) request to a chosen IP with the URL's Host (and SNI); no redirect is followed. */
export async function httpRequest(spec: HttpRequestSpec, opts: HttpOptions): Promise<HttpObservation> {
  // undici loads on the first request, before its clock starts (start-up: see net/undici.ts).
  const { Client } = await loadUndici();
  const url = new URL(spec.url);
  const port = defaultPort(url);
  const method = spec.method ?? 'GET';
  const t0 = opts.clock.now();
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const base = { url: spec.url, method, ip: spec.ip, port, status: null, headers: {}, bodyLength: 0, bodyTruncated: false, body: '', title: null, responseAt: null };
  const failed = (failure: string, failedOperation: HttpObservation['failedOperation'], tls: TlsHandshakeObservation | null = null): HttpObservation => ({
    ...base,
    failure,
    failedOperation,
    tls,
    t0,
    t: opts.clock.now(),
  });

  const signal = opts.signal;
  let socket: Socket;
  let tls: TlsHandshakeObservation | null = null;
  if (spec.connection) {
    socket = spec.connection.socket;
    tls = spec.connection.tls;
  } else {
    const refused = opts.dialGuard?.(spec.ip, port);
    if (refused) return failed(refused, 'connect');
    const tcp = await tcpConnect(spec.ip, port, { clock: opts.clock, timeoutMs: opts.connectTimeoutMs, ...(signal ? { signal } : {}) });
    if (!tcp.socket) return failed(tcp.observation.failure ?? FAILURES.timeout, 'connect');
    socket = tcp.socket;
  }
  if (url.protocol === 'https:' && !spec.connection) {
    const isIpLiteral = /^[\d.]+$|:/.test(hostname);
    const sni = spec.serverName === undefined ? (isIpLiteral ? null : hostname) : spec.serverName;
    const hs = await tlsHandshake(spec.ip, port, sni, {
      clock: opts.clock,
      timeoutMs: opts.tlsTimeoutMs,
      trust: opts.trust,
      alpn: ['http/1.1'],
      keepOpen: true,
      socket,
      ...(sni === null ? { verifyName: hostname } : {}),
      ...(signal ? { signal } : {}),
    });
    tls = hs.observation;
    if (!hs.socket) return failed(tls.failure ?? FAILURES.failedHandshake, 'tls_handshake', tls);
    socket = hs.socket;
  }

  const origin = `${url.protocol}//${spec.ip.includes(':') ? `[${spec.ip}]` : spec.ip}:${port}`;
  let handedOver = false;
  const client = new Client(origin, {
    // Hand undici the connection we measured; a second dial would measure something else.
    connect: (_o, cb) => {
      if (handedOver) {
        cb(Object.assign(new Error('connection already used'), { code: 'UND_ERR_SOCKET' }), null);
        return;
      }
      handedOver = true;
      // undici finishes its own bookkeeping after calling the connector; answering synchronously stalls it.
      setImmediate(() => cb(null, socket));
    },
    headersTimeout: opts.httpTimeoutMs,
    bodyTimeout: opts.httpTimeoutMs,
    pipelining: 0,
  });
  const limit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  // The connection dies with the deadline, whatever undici is doing with it.
  const detach = destroyOnAbort(socket, signal);
  const sampleEvery = opts.sampleEveryMs ?? SAMPLE_EVERY_MS;
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
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    // Throughput over the transfer (OONI's throttling sampler): cumulative bytes every ~250 ms.
    const samples: { t: number; bytes: number }[] = [];
    let lastSample = performance.now();
    try {
      for await (const chunk of res.body) {
        const c = chunk as Buffer;
        if (sampleEvery > 0) {
          const now = performance.now();
          if (now - lastSample >= sampleEvery) {
            samples.push({ t: opts.clock.now(), bytes: size + c.length });
            lastSample = now;
          }
        }
        if (size + c.length > limit) {
          chunks.push(c.subarray(0, limit - size));
          size = limit;
          truncated = true;
          break; // breaking destroys the socket: we keep the first `limit` bytes only
        }
        chunks.push(c);
        size += c.length;
      }
    } catch (err) {
      return { ...base, status: res.statusCode, headers, responseAt, failure: signal?.aborted ? FAILURES.interrupted : classifyError(err), failedOperation: 'http_round_trip', tls, ...(samples.length ? { samples } : {}), t0, t: opts.clock.now() };
    }
    const body = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
    const t = opts.clock.now();
    if (sampleEvery > 0 && size > 0 && samples.at(-1)?.bytes !== size) samples.push({ t, bytes: size });
    return {
      ...base,
      samples,
      status: res.statusCode,
      headers,
      bodyLength: size,
      bodyTruncated: truncated,
      body,
      title: extractTitle(body),
      responseAt,
      failure: null,
      failedOperation: null,
      tls,
      t0,
      t,
    };
  } catch (err) {
    return failed(signal?.aborted ? FAILURES.interrupted : classifyError(err), 'http_round_trip', tls);
  } finally {
    deadline.release();
    detach();
    await client.destroy().catch(() => {});
    socket.destroy();
  }
}
