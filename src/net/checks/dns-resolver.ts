import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as DnsPacket from 'dns-packet';
import type { DnsResolverProbe, ResolverKind } from '../../model/check.ts';
import { FAILURES, type Failure } from '../../model/failure.ts';
import type { DnsObservation } from '../../model/observation.ts';
import { queryTcp, queryUdp } from '../dns.ts';
import { joinHostPort } from '../endpoint.ts';
import { tlsHandshake, type TrustStore } from '../tls.ts';
import { readExchange, recordedEndpoint, type CheckOptions } from './common.ts';
import { parseHttpHead } from './tor-dir.ts';

/**
 * A resolver under test, as OONI's dnscheck: resolve a well-known name through it over UDP, TCP,
 * DNS over TLS (port 853) or DNS over HTTPS, to learn whether that way to a resolver works from here
 * (encrypted DNS gets around DNS tampering when it does). UDP and TCP use tekser's own DNS
 * primitives; DoT and DoH are one query over one TLS connection made here, the chain checked for the
 * resolver's name.
 */

const dnsPacket = createRequire(import.meta.url)('dns-packet') as typeof DnsPacket;

export interface ResolverTarget {
  kind: ResolverKind;
  /** DoT/DoH: the resolver's name (SNI, certificate name, Host). */
  serverName?: string;
  /** DoH: the path of the endpoint (default /dns-query). */
  path?: string;
  /** The name to resolve. */
  query: string;
}

interface Lookup {
  failure: Failure;
  rcode: string | null;
  answers: string[];
  chainTrusted: boolean | null;
}

function queryMessage(name: string): Buffer {
  return dnsPacket.encode({ type: 'query', id: randomInt(65536), flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name, class: 'IN' }] });
}

/** The addresses and rcode of a DNS message; a failure when it is not a DNS answer or answers nothing. */
export function lookupOf(msg: Buffer | null, chainTrusted: boolean | null): Lookup {
  let decoded: DnsPacket.Packet & { rcode?: string };
  try {
    if (!msg) throw new Error('none');
    decoded = dnsPacket.decode(msg) as DnsPacket.Packet & { rcode?: string };
  } catch {
    return { failure: FAILURES.unexpectedAnswer, rcode: null, answers: [], chainTrusted };
  }
  const answers = (decoded.answers ?? []).filter((a) => a.type === 'A' || a.type === 'AAAA').map((a) => String((a as { data?: unknown }).data));
  const rcode = decoded.rcode ?? null;
  const failure = rcode === 'NXDOMAIN' ? FAILURES.nxdomain : rcode && rcode !== 'NOERROR' ? FAILURES.dnsMisbehaving : answers.length ? null : FAILURES.noAnswer;
  return { failure, rcode, answers, chainTrusted };
}

function fromObservation(o: DnsObservation): Lookup {
  return { failure: o.failure, rcode: o.rcode, answers: o.answers.filter((a) => a.type !== 'CNAME').map((a) => a.value), chainTrusted: null };
}

/** One DNS query over TLS: a 2-byte length, the message; the answer the same way. */
async function overTls(ip: string, port: number, target: ResolverTarget, opts: CheckOptions & { trust: TrustStore }): Promise<Lookup> {
  const name = target.serverName ?? null;
  const alpn = target.kind === 'doh' ? ['http/1.1'] : ['dot'];
  const hs = await tlsHandshake(ip, port, name, { clock: opts.clock, timeoutMs: opts.timeoutMs, trust: opts.trust, alpn, keepOpen: true, ...(opts.signal ? { signal: opts.signal } : {}) });
  if (!hs.socket) return { failure: hs.observation.failure, rcode: null, answers: [], chainTrusted: hs.observation.chainTrusted };
  const chainTrusted = hs.observation.chainTrusted;
  const query = queryMessage(target.query);
  if (target.kind === 'dot') {
    const framed = Buffer.concat([Buffer.from([query.length >> 8, query.length & 0xff]), query]);
    const complete = (d: Buffer): boolean => d.length >= 2 && d.length >= 2 + d.readUInt16BE(0);
    const ex = await readExchange(hs.socket, framed, complete, { ...opts, maxBytes: 65 * 1024 });
    return ex.failure ? { failure: ex.failure, rcode: null, answers: [], chainTrusted } : lookupOf(ex.data.subarray(2, 2 + ex.data.readUInt16BE(0)), chainTrusted);
  }
  const path = `${target.path ?? '/dns-query'}?dns=${query.toString('base64url')}`;
  const request = `GET ${path} HTTP/1.1\r\nHost: ${name ?? joinHostPort(ip, port)}\r\nAccept: application/dns-message\r\nConnection: close\r\n\r\n`;
  const ex = await readExchange(hs.socket, Buffer.from(request, 'latin1'), (d) => httpBody(d) !== null, { ...opts, maxBytes: 65 * 1024 });
  const head = parseHttpHead(ex.data);
  if (!head) return { failure: ex.failure ?? FAILURES.unexpectedAnswer, rcode: null, answers: [], chainTrusted };
  if (head.status !== 200) return { failure: FAILURES.httpRequestFailed, rcode: null, answers: [], chainTrusted };
  return lookupOf(httpBody(ex.data), chainTrusted);
}

/** The body of a complete HTTP/1.1 response (Content-Length or chunked); null until it is all in. */
export function httpBody(data: Buffer): Buffer | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const headers = data.subarray(0, end).toString('latin1');
  const body = data.subarray(end + 4);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(headers);
  if (length) return body.length >= Number(length[1]) ? body.subarray(0, Number(length[1])) : null;
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(headers)) return null;
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return Buffer.concat(parts);
    if (body.length < lineEnd + 2 + size + 2) return null;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

export async function dnsResolverProbe(ip: string, port: number, target: ResolverTarget, opts: CheckOptions & { trust: TrustStore }): Promise<DnsResolverProbe> {
  const t0 = opts.clock.now();
  const dnsOpts = { clock: opts.clock, timeoutMs: opts.timeoutMs, lingerMs: 0, ...(opts.signal ? { signal: opts.signal } : {}) };
  let lookup: Lookup;
  if (target.kind === 'udp') lookup = fromObservation(await queryUdp(ip, port, target.query, 'A', dnsOpts));
  else if (target.kind === 'tcp') lookup = fromObservation(await queryTcp(ip, port, target.query, 'A', dnsOpts));
  else lookup = await overTls(ip, port, target, opts);
  const detail = lookup.answers.length ? `${target.query}: ${lookup.answers.length} address(es)${lookup.chainTrusted === false ? ', over a chain the trust store does not accept' : ''}` : lookup.rcode ? `${target.query}: ${lookup.rcode}` : null;
  return {
    check: 'resolver',
    ...recordedEndpoint(ip, port, target.kind === 'udp' ? 'udp' : 'tcp', opts),
    failure: lookup.failure,
    detail,
    resolver: target.kind,
    query: target.query,
    rcode: lookup.rcode,
    answers: lookup.answers,
    chainTrusted: lookup.chainTrusted,
    t0,
    t: opts.clock.now(),
  };
}
