import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Agent } from 'undici';
import { isIP } from 'node:net';
import { startClock, type Clock } from '../net/clock.ts';
import type { DnsObservation } from '../model/observation.ts';
import { addressesOf, resolveHost, type ResolverSpec } from '../net/dns.ts';
import { tcpConnect } from '../net/tcp.ts';
import { tlsHandshake, type TrustStore } from '../net/tls.ts';
import { fetchFollowingRedirects } from '../net/fetch.ts';
import { helperRequestSchema, type HelperRequest } from './protocol.ts';
import type { HelperResponse } from '../model/control.ts';
import { isSelfAddress } from '../net/addresses.ts';
import { FAILURES } from '../model/failure.ts';

export interface HelperServerOptions {
  resolver: ResolverSpec;
  trust: TrustStore;
  dnsTimeoutMs?: number;
  connectTimeoutMs?: number;
  httpTimeoutMs?: number;
  /** Serve over TLS (PEM); plain HTTP otherwise. */
  tls?: { cert: string; key: string };
  /** Loopback tests only: measure loopback addresses too. */
  dialLoopback?: boolean;
}

const MAX_REQUEST_BYTES = 64 * 1024;

/** Measures a URL the way the probe does, from wherever the helper runs, and answers in OONI's TH format. */
export async function measureForHelper(body: unknown, opts: HelperServerOptions): Promise<HelperResponse> {
  const req = helperRequestSchema.parse(body);
  const url = new URL(req.http_request);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const clock = startClock();
  const dnsTimeoutMs = opts.dnsTimeoutMs ?? 4000;
  const timeoutMs = opts.connectTimeoutMs ?? 10_000;
  const dispatcher = new Agent({ connect: { ca: opts.trust.pems as string[], timeout: timeoutMs } });
  const resolve = async (h: string) => {
    const observations = await resolveHost(opts.resolver, h, { clock, timeoutMs: dnsTimeoutMs, dispatcher });
    return { observations, addresses: addressesOf(observations) };
  };
  try {
    return await measureWith(req, url, host, port, clock, timeoutMs, resolve, opts);
  } finally {
    await dispatcher.close();
  }
}

async function measureWith(
  req: HelperRequest,
  url: URL,
  host: string,
  port: number,
  clock: Clock,
  timeoutMs: number,
  resolve: (h: string) => Promise<{ observations: DnsObservation[]; addresses: string[] }>,
  opts: HelperServerOptions,
): Promise<HelperResponse> {

  let dns: HelperResponse['dns'] = { failure: null, addrs: [] };
  let own: string[] = [];
  if (!isIP(host)) {
    const r = await resolve(host);
    own = r.addresses;
    dns = { failure: own.length ? null : (r.observations.find((o) => o.failure)?.failure ?? FAILURES.noAnswer), addrs: own };
  } else {
    own = [host];
  }
  const probeIps = req.tcp_connect.map((ep) => ep.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''));
  const ips = [...new Set([...own, ...probeIps])].filter((ip) => isIP(ip) && (opts.dialLoopback || !isSelfAddress(ip)));

  const tcp_connect: HelperResponse['tcp_connect'] = {};
  const tls_handshake: HelperResponse['tls_handshake'] = {};
  await Promise.all(
    ips.map(async (ip) => {
      const key = ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
      const c = await tcpConnect(ip, port, { clock, timeoutMs });
      tcp_connect[key] = { status: c.observation.failure === null, failure: c.observation.failure };
      if (c.socket && url.protocol === 'https:') {
        const hs = await tlsHandshake(ip, port, isIP(host) ? null : host, { clock, timeoutMs, trust: opts.trust, socket: c.socket, ...(isIP(host) ? { verifyName: host } : {}) });
        tls_handshake[key] = { server_name: isIP(host) ? null : host, status: hs.observation.failure === null, failure: hs.observation.failure };
      } else {
        c.socket?.destroy();
      }
    }),
  );

  let http_request: HelperResponse['http_request'] = { body_length: -1, failure: dns.failure ?? FAILURES.noAnswer, title: '', headers: {}, status_code: -1 };
  const first = own[0];
  if (first) {
    const { hops } = await fetchFollowingRedirects(url.toString(), first, resolve, {
      clock,
      connectTimeoutMs: timeoutMs,
      tlsTimeoutMs: timeoutMs,
      httpTimeoutMs: opts.httpTimeoutMs ?? 15_000,
      trust: opts.trust,
    });
    const last = hops[hops.length - 1];
    if (last) {
      http_request = last.failure
        ? { body_length: -1, failure: last.failure, title: '', headers: {}, status_code: -1 }
        : { body_length: last.bodyLength, failure: null, title: last.title ?? '', headers: last.headers, status_code: last.status ?? -1 };
    }
  }
  return { tcp_connect, tls_handshake, http_request, dns };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createHelperServer(opts: HelperServerOptions): Server {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json', server: 'tekser-helper' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET') return reply(200, { message: 'tekser control helper: POST a Web Connectivity control request' });
    if (req.method !== 'POST') return reply(405, { error: 'POST only' });
    readBody(req)
      .then((text) => measureForHelper(JSON.parse(text), opts))
      .then((r) => reply(200, r))
      .catch((err: Error) => reply(400, { error: err.message }));
  };
  return opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, handler) : createHttpServer(handler);
}
