import { whenAborted } from './abort.ts';
import { lookup as systemLookup } from 'node:dns/promises';
import { createSocket, type Socket } from 'node:dgram';
import { connect as netConnect } from 'node:net';
import { randomInt } from 'node:crypto';
import { addressFamily } from './endpoint.ts';
import { createRequire } from 'node:module';
import type * as DnsPacket from 'dns-packet';
import type { Dispatcher } from 'undici';
import { loadUndici } from './undici.ts';
import { whileDnsInFlight } from './startup.ts';
import type { Clock } from './clock.ts';
import { deadlineSignal, withTimeout } from './clock.ts';
import { classifyError } from './failure.ts';
import { FAILURES, type Failure } from '../model/failure.ts';
import type { DnsAnswer, DnsObservation, QueryType, TlsHandshakeObservation } from '../model/observation.ts';
import { Semaphore } from './semaphore.ts';

/** dns-packet's decoded header has these; @types/dns-packet omits them. */
interface DecodedMessage extends DnsPacket.Packet {
  rcode?: string;
  flag_tc?: boolean;
}

export interface DnsOptions {
  clock: Clock;
  timeoutMs: number;
  /** UDP: how long to keep listening after the first valid reply, to catch injected duplicates. */
  lingerMs?: number;
  /** DoH: an undici dispatcher (carries the trust store); one per run is fine for DoH. */
  dispatcher?: Dispatcher;
  /** Aborting closes sockets and cancels requests at once (the query ends as `interrupted`). */
  signal?: AbortSignal;
  /**
   * UDP: when given, the query settles on the first valid reply and keeps listening for late
   * (injected) replies in the background; the promise handed here settles when that window closes,
   * and until then the observation's lateAnswers/strayReplies may still grow. Without it, the
   * query waits out the window before settling.
   */
  background?: (done: Promise<void>) => void;
  /** DoH: the handshake with the DoH server behind a URL, when the dispatcher recorded one. */
  handshakeFor?: (url: string) => TlsHandshakeObservation | undefined;
}

export { parseResolver, resolverLabel, type ResolverSpec } from './resolver-spec.ts';
import type { ResolverSpec } from './resolver-spec.ts';

// dns-packet is CommonJS: required directly it loads in a third of the time of an ESM import,
// and it is on the path to a run's first query (start-up, issue #13).
const dnsPacket = createRequire(import.meta.url)('dns-packet') as typeof DnsPacket;

/** Resolves A and AAAA (or one getaddrinfo call for the system resolver). */
export function resolveHost(resolver: ResolverSpec, hostname: string, opts: DnsOptions): Promise<DnsObservation[]> {
  const query = resolver.kind === 'system' ? lookupSystem(hostname, opts).then((o) => [o]) : Promise.all((['A', 'AAAA'] as const).map((qt) => queryResolver(resolver, hostname, qt, opts)));
  // Start-up: heavy modules wait until no such query is in flight, so none delays an answer's timestamp (net/startup.ts).
  return resolver.kind === 'doh' ? query : whileDnsInFlight(query);
}

export async function queryResolver(resolver: Exclude<ResolverSpec, { kind: 'system' }>, hostname: string, qtype: 'A' | 'AAAA', opts: DnsOptions): Promise<DnsObservation> {
  if (resolver.kind === 'doh') return queryDoh(resolver.url, hostname, qtype, opts);
  const query = resolver.kind === 'udp' ? queryUdp : queryTcp;
  return query(resolver.ip, resolver.port, hostname, qtype, opts);
}

/**
 * getaddrinfo runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise) and
 * cannot be cancelled: a lookup that hangs holds its thread until the system gives up (~20 s).
 * Never have more lookups in flight than the pool holds, minus one left for file and crypto work;
 * the rest wait here, where waiting can be cancelled, and a thread is released only when its
 * lookup has really returned.
 */
export const systemLookupSlots = new Semaphore(Math.max(1, (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 1));

/** For tests: the getaddrinfo implementation. */
export const systemResolverImpl = { lookup: (hostname: string) => systemLookup(hostname, { all: true, family: 0 }) };

export async function lookupSystem(hostname: string, opts: DnsOptions): Promise<DnsObservation> {
  const t0 = opts.clock.now();
  const base = { engine: 'getaddrinfo' as const, resolver: '', hostname, queryType: 'ANY' as QueryType };
  const fail = (failure: string, extra: Partial<DnsObservation> = {}): DnsObservation => ({ ...base, answers: [], rcode: null, failure, t0, t: opts.clock.now(), ...extra });
  const queuedAt = performance.now();
  const release = await systemLookupSlots.acquire(opts.signal, opts.timeoutMs);
  const queuedMs = Math.round(performance.now() - queuedAt);
  const queued = queuedMs >= 1 ? { queuedMs } : {};
  if (!release) return fail(opts.signal?.aborted ? FAILURES.interrupted : FAILURES.timeout, queued);
  // The slot is released when getaddrinfo returns, whenever that is: the thread is busy until then.
  const lookup = systemResolverImpl.lookup(hostname);
  lookup.then(release, release);
  try {
    const remaining = Math.max(1, opts.timeoutMs - queuedMs);
    const addrs = await withTimeout(lookup, remaining, undefined, opts.signal);
    const answers: DnsAnswer[] = addrs.map((a) => ({ type: a.family === 6 ? 'AAAA' : 'A', value: a.address, ttl: null }));
    return { ...base, answers, rcode: null, failure: answers.length ? null : FAILURES.noAnswer, t0, t: opts.clock.now(), ...queued };
  } catch (err) {
    return fail(classifyError(err), queued);
  }
}

function buildQuery(hostname: string, qtype: 'A' | 'AAAA', id: number): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: qtype, name: hostname, class: 'IN' }],
    // EDNS0 with a 1232-byte payload: without it replies over 512 bytes come back truncated.
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0, options: [] } as unknown as DnsPacket.Answer],
  });
}

function decodeSafe(buf: Buffer): DecodedMessage | null {
  try {
    return dnsPacket.decode(buf) as DecodedMessage;
  } catch {
    return null;
  }
}

function matchesQuery(msg: DecodedMessage, id: number | null, hostname: string, qtype: string): boolean {
  const q = msg.questions?.[0];
  return (
    msg.type === 'response' &&
    (id === null || msg.id === id) &&
    !!q &&
    q.name.toLowerCase().replace(/\.$/, '') === hostname.toLowerCase().replace(/\.$/, '') &&
    q.type === qtype
  );
}

function answersOf(msg: DecodedMessage): DnsAnswer[] {
  const out: DnsAnswer[] = [];
  for (const a of msg.answers ?? []) {
    if (a.type === 'A' || a.type === 'AAAA' || a.type === 'CNAME') {
      out.push({ type: a.type, value: String((a as { data: unknown }).data), ttl: a.ttl ?? null });
    }
  }
  return out;
}

/** rcode -> failure; NOERROR without an address of the asked type is dns_no_answer. */
function failureOf(msg: DecodedMessage, qtype: string): Failure {
  switch (msg.rcode) {
    case 'NOERROR':
    case undefined:
      return (msg.answers ?? []).some((a) => a.type === qtype) ? null : FAILURES.noAnswer;
    case 'NXDOMAIN':
      return FAILURES.nxdomain;
    case 'SERVFAIL':
      return FAILURES.servfail;
    case 'REFUSED':
      return FAILURES.refusedDns;
    default:
      return FAILURES.dnsMisbehaving;
  }
}

export function queryUdp(ip: string, port: number, hostname: string, qtype: 'A' | 'AAAA', opts: DnsOptions): Promise<DnsObservation> {
  const t0 = opts.clock.now();
  if (opts.signal?.aborted) return Promise.resolve({ engine: 'udp', resolver: `${ip}:${port}`, hostname, queryType: qtype, answers: [], rcode: null, failure: FAILURES.interrupted, t0, t: t0 });
  return new Promise((resolve) => new UdpQuery(ip, port, hostname, qtype, opts, t0, resolve).start());
}

/**
 * One UDP query, from sending to the end of the late-reply window. A connected socket: the kernel
 * drops off-path sources and ICMP unreachable surfaces as ECONNREFUSED.
 */
class UdpQuery {
  private readonly id = randomInt(65536);
  private readonly base: Pick<DnsObservation, 'engine' | 'resolver' | 'hostname' | 'queryType'>;
  private readonly sock: Socket;
  private accepted: { msg: DecodedMessage; t: number } | null = null;
  /** Set once the observation is handed out while we keep listening (background linger). */
  private early: DnsObservation | null = null;
  private endLinger: (() => void) | null = null;
  private readonly late: DnsAnswer[][] = [];
  private stray = 0;
  private closed = false;
  private done = false;
  private deadline: NodeJS.Timeout | undefined;
  private lingerTimer: NodeJS.Timeout | undefined;
  private stopWaiting = (): void => {};

  private readonly ip: string;
  private readonly port: number;
  private readonly hostname: string;
  private readonly qtype: 'A' | 'AAAA';
  private readonly opts: DnsOptions;
  private readonly t0: number;
  private readonly resolve: (obs: DnsObservation) => void;

  constructor(ip: string, port: number, hostname: string, qtype: 'A' | 'AAAA', opts: DnsOptions, t0: number, resolve: (obs: DnsObservation) => void) {
    this.ip = ip;
    this.port = port;
    this.hostname = hostname;
    this.qtype = qtype;
    this.opts = opts;
    this.t0 = t0;
    this.resolve = resolve;
    this.base = { engine: 'udp', resolver: `${ip}:${port}`, hostname, queryType: qtype };
    this.sock = createSocket(addressFamily(ip) === 6 ? 'udp6' : 'udp4');
  }

  start(): void {
    this.deadline = setTimeout(() => {
      if (this.accepted) this.deliver();
      else this.finish(this.failed(FAILURES.timeout, this.stray ? { strayReplies: this.stray } : {}));
    }, this.opts.timeoutMs);
    this.stopWaiting = whenAborted(this.opts.signal, () => {
      if (this.accepted) this.deliver();
      else this.finish(this.failed(FAILURES.interrupted));
    });
    this.sock.on('message', (buf) => this.onMessage(buf));
    this.sock.on('error', (err) => {
      if (this.accepted) this.deliver();
      else this.finish(this.failed(classifyError(err)));
    });
    const query = buildQuery(this.hostname, this.qtype, this.id);
    this.sock.connect(this.port, this.ip, () => {
      if (!this.closed) this.sock.send(query);
    });
  }

  private failed(failure: string, extra: Partial<DnsObservation> = {}): DnsObservation {
    return { ...this.base, answers: [], rcode: null, failure, t0: this.t0, t: this.opts.clock.now(), ...extra };
  }

  private observationOf(msg: DecodedMessage, t: number): DnsObservation {
    return { ...this.base, answers: answersOf(msg), rcode: msg.rcode ?? null, failure: failureOf(msg, this.qtype), t0: this.t0, t };
  }

  private onMessage(buf: Buffer): void {
    const msg = decodeSafe(buf);
    if (!msg || !matchesQuery(msg, this.id, this.hostname, this.qtype)) {
      this.stray++;
      if (this.early) this.early.strayReplies = this.stray;
      return;
    }
    if (this.accepted) {
      this.late.push(answersOf(msg));
      if (this.early) this.early.lateAnswers = this.late;
      return;
    }
    this.accepted = { msg, t: this.opts.clock.now() };
    if (msg.flag_tc) return this.retryOverTcp();
    if (this.opts.background) return this.settleEarly(msg, this.accepted.t, this.opts.background);
    this.lingerTimer = setTimeout(() => this.deliver(), this.opts.lingerMs ?? 300);
  }

  /** Truncated: the full answer comes over TCP. Close UDP now; the TCP result settles the query. */
  private retryOverTcp(): void {
    this.done = true;
    this.close();
    const { ip, port, t0 } = this;
    void queryTcp(ip, port, this.hostname, this.qtype, this.opts).then((viaTcp) => this.resolve({ ...viaTcp, engine: 'udp', resolver: `${ip}:${port}`, t0, retriedOverTcp: true }));
  }

  /** Dial on the first answer; keep listening for injected duplicates off the critical path. */
  private settleEarly(msg: DecodedMessage, t: number, background: (done: Promise<void>) => void): void {
    const early = this.observationOf(msg, t);
    if (this.stray) early.strayReplies = this.stray;
    this.early = early;
    this.done = true;
    background(new Promise<void>((r) => (this.endLinger = r)));
    this.lingerTimer = setTimeout(() => this.deliver(), this.opts.lingerMs ?? 300);
    this.resolve(early);
  }

  private deliver(): void {
    if (!this.accepted) return;
    if (this.early) {
      // Background linger over: the evidence is complete.
      this.close();
      return;
    }
    const obs = this.observationOf(this.accepted.msg, this.accepted.t);
    if (this.late.length) obs.lateAnswers = this.late;
    if (this.stray) obs.strayReplies = this.stray;
    this.finish(obs);
  }

  private finish(obs: DnsObservation): void {
    if (this.done) return;
    this.done = true;
    this.close();
    this.resolve(obs);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.deadline);
    clearTimeout(this.lingerTimer);
    this.stopWaiting();
    try {
      this.sock.close();
    } catch {
      // already closed
    }
    this.endLinger?.();
  }
}

export function queryTcp(ip: string, port: number, hostname: string, qtype: 'A' | 'AAAA', opts: DnsOptions): Promise<DnsObservation> {
  const t0 = opts.clock.now();
  const id = randomInt(65536);
  const query = buildQuery(hostname, qtype, id);
  const base = { engine: 'tcp' as const, resolver: `${ip}:${port}`, hostname, queryType: qtype };
  if (opts.signal?.aborted) return Promise.resolve({ ...base, answers: [], rcode: null, failure: FAILURES.interrupted, t0, t: t0 });
  return new Promise((resolve) => {
    const sock = netConnect({ host: ip, port, autoSelectFamily: false });
    let buf = Buffer.alloc(0);
    let done = false;
    let stopWaiting = (): void => {};
    const finish = (obs: DnsObservation): void => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      stopWaiting();
      sock.on('error', () => {});
      sock.destroy();
      resolve(obs);
    };
    stopWaiting = whenAborted(opts.signal, () => finish({ ...base, answers: [], rcode: null, failure: FAILURES.interrupted, t0, t: opts.clock.now() }));
    const deadline = setTimeout(() => finish({ ...base, answers: [], rcode: null, failure: FAILURES.timeout, t0, t: opts.clock.now() }), opts.timeoutMs);
    sock.on('connect', () => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(query.length);
      sock.write(Buffer.concat([len, query]));
    });
    sock.on('data', (chunk: Buffer) => {
      if (buf.length + chunk.length > 2 + 65535) return finish({ ...base, answers: [], rcode: null, failure: FAILURES.dnsMisbehaving, t0, t: opts.clock.now() });
      buf = Buffer.concat([buf, chunk]);
      // Our own framer: dns-packet's streamDecode ignores the declared length.
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const size = buf.readUInt16BE(0);
        const msg = decodeSafe(buf.subarray(2, 2 + size));
        buf = buf.subarray(2 + size);
        if (msg && matchesQuery(msg, id, hostname, qtype)) {
          finish({ ...base, answers: answersOf(msg), rcode: msg.rcode ?? null, failure: failureOf(msg, qtype), t0, t: opts.clock.now() });
          return;
        }
      }
    });
    sock.on('error', (err) => finish({ ...base, answers: [], rcode: null, failure: classifyError(err), t0, t: opts.clock.now() }));
    sock.on('end', () => finish({ ...base, answers: [], rcode: null, failure: FAILURES.eof, t0, t: opts.clock.now() }));
  });
}

const MAX_DOH_BYTES = 65535;

export async function queryDoh(url: string, hostname: string, qtype: 'A' | 'AAAA', opts: DnsOptions): Promise<DnsObservation> {
  // undici loads on the first DoH query, before its clock starts (start-up: not before the first UDP query).
  const { request } = await loadUndici();
  const t0 = opts.clock.now();
  const base = { engine: 'doh' as const, resolver: url, hostname, queryType: qtype };
  const withTls = (o: DnsObservation): DnsObservation => {
    const tls = opts.handshakeFor?.(url);
    return tls ? { ...o, tls } : o;
  };
  const fail = (failure: string): DnsObservation => withTls({ ...base, answers: [], rcode: null, failure, t0, t: opts.clock.now() });
  if (opts.signal?.aborted) return fail(FAILURES.interrupted);
  const deadline = deadlineSignal(opts.timeoutMs, opts.signal);
  try {
    // RFC 8484 §4.1: id 0 for cache friendliness.
    const res = await request(url, {
      method: 'POST',
      body: buildQuery(hostname, qtype, 0),
      headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
      signal: deadline.signal,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_DOH_BYTES) {
        res.body.destroy();
        return fail(FAILURES.dnsMisbehaving);
      }
      chunks.push(chunk as Buffer);
    }
    if (res.statusCode !== 200) return fail(FAILURES.dnsMisbehaving);
    const msg = decodeSafe(Buffer.concat(chunks));
    if (!msg || !matchesQuery(msg, null, hostname, qtype)) return fail(FAILURES.dnsMisbehaving);
    return withTls({ ...base, answers: answersOf(msg), rcode: msg.rcode ?? null, failure: failureOf(msg, qtype), t0, t: opts.clock.now() });
  } catch (err) {
    return fail(opts.signal?.aborted ? FAILURES.interrupted : classifyError(err));
  } finally {
    deadline.release();
  }
}

/** The addresses (A/AAAA values) of a set of DNS observations, deduplicated, in answer order. */
export function addressesOf(observations: readonly DnsObservation[]): string[] {
  const out = new Set<string>();
  for (const o of observations) for (const a of o.answers) if (a.type === 'A' || a.type === 'AAAA') out.add(a.value);
  return [...out];
}
