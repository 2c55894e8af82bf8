import type { RendezvousProbe } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';
import { tlsHandshake, type TrustStore } from '../tls.ts';
import { readExchange, recordedEndpoint, type CheckOptions } from './common.ts';
import { parseHttpHead } from './tor-dir.ts';

/**
 * Snowflake's rendezvous: reach the broker through a CDN front (domain fronting: SNI = the front,
 * Host = the broker), through the AMP cache (SNI and Host = the cache, the broker in the path), or
 * directly. The TLS chain must be valid for the name sent, and the broker's path must answer 2xx:
 * then a Snowflake client could get a proxy assigned from here. The WebRTC part (STUN and the
 * proxies' UDP) is the stun check's business.
 */
export interface RendezvousTarget {
  method: RendezvousProbe['method'];
  serverName: string;
  hostHeader: string;
  path: string;
}

export async function rendezvousProbe(ip: string, port: number, target: RendezvousTarget, opts: CheckOptions & { trust: TrustStore }): Promise<RendezvousProbe> {
  const t0 = opts.clock.now();
  const base = { check: 'rendezvous' as const, ...recordedEndpoint(ip, port, 'tcp', opts), method: target.method, serverName: target.serverName, hostHeader: target.hostHeader };
  const hs = await tlsHandshake(ip, port, target.serverName, { clock: opts.clock, timeoutMs: opts.timeoutMs, trust: opts.trust, alpn: ['http/1.1'], keepOpen: true, ...(opts.signal ? { signal: opts.signal } : {}) });
  const o = hs.observation;
  if (!hs.socket) {
    const detail = o.tlsVersion ? `TLS to ${target.serverName}: the chain does not check out (${o.chainError ?? o.failure ?? 'name'})` : null;
    return { ...base, failure: o.failure, detail, tlsVersion: o.tlsVersion, chainTrusted: o.chainTrusted, status: null, t0, t: opts.clock.now() };
  }
  const request = `GET ${target.path} HTTP/1.1\r\nHost: ${target.hostHeader}\r\nUser-Agent: tekser\r\nConnection: close\r\n\r\n`;
  const ex = await readExchange(hs.socket, Buffer.from(request, 'latin1'), (d) => parseHttpHead(d) !== null, { ...opts, maxBytes: 32 * 1024 });
  const head = parseHttpHead(ex.data);
  const status = head?.status ?? null;
  // Another status: the front or cache answered, the broker's answer was not seen (something answered, not the broker).
  const failure = status === null ? (ex.failure ?? FAILURES.httpRequestFailed) : status >= 200 && status < 300 ? null : FAILURES.unexpectedAnswer;
  const via = target.method === 'domain_fronting' ? `through the front ${target.serverName}` : target.method === 'amp_cache' ? `through the AMP cache ${target.serverName}` : `at ${target.serverName}`;
  const detail = status !== null ? `the broker ${via} answered HTTP ${status}` : null;
  return { ...base, failure, detail, tlsVersion: o.tlsVersion, chainTrusted: o.chainTrusted, status, t0, t: opts.clock.now() };
}
