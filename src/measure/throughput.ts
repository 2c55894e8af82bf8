import { connect as netConnect } from 'node:net';
import { connect } from 'node:tls';
import { helperReference } from '../helper/client.ts';
import { HELPER_TOKEN_ENV, REFERENCE_PATH } from '../helper/token.ts';
import type { Clock } from '../net/clock.ts';
import { whenAborted } from '../net/abort.ts';
import { classifyError } from '../net/failure.ts';
import { isIpLiteral, urlEndpoint } from '../net/endpoint.ts';
import { FAILURES } from '../model/failure.ts';
import type { ThroughputProbe, ThroughputSniKind, ThroughputTransfer } from '../model/measurement.ts';
import type { HttpObservation } from '../model/observation.ts';

/**
 * The throughput proof: when a page came slowly or stalled and a control helper serves a throughput
 * reference, the probe downloads the same reference from the helper's address over TLS with the
 * target's name as SNI and with a harmless name, alternately (the 2021 method of measuring Twitter's
 * throttling in Russia: the same server and path, only the name differs). The analysis compares them
 * (src/findings/throttling.ts). Bounded: a cap per transfer and a budget for the whole proof, both
 * deadlines that close the socket.
 */
export const THROUGHPUT_PROOF = {
  /** Transfers per name (target, harmless, target, harmless): one is noise, two that agree are not. */
  repeats: 2,
  /** No byte for this long is a stall (the 2022 form: a connection that stops after the first 16–20 KB). */
  stallMs: 3000,
  /** One transfer is cut here (what came by then still gives its rate). */
  transferMs: 8000,
  /** The whole proof, the helper's GET /reference included. */
  budgetMs: 30_000,
  /** A page body at least this big, slower than `slowRate`, looked slow (a cheap trigger: the proof decides). */
  minBytes: 64 * 1024,
  slowRate: 512 * 1024,
  /** A body shorter than this many seconds cannot show a rate (one ~250 ms sample). */
  minSeconds: 0.25,
} as const;

/**
 * Whether the fetch looked throttled: its last hop's body came slower than `slowRate`, or broke off
 * after the handshake (a stall cut by the HTTP timeout, a reset mid-body).
 */
export function lookedSlow(http: readonly HttpObservation[]): boolean {
  const h = http.at(-1);
  if (!h || !h.url.startsWith('https:')) return false;
  if (h.failure !== null) return h.failedOperation === 'http_round_trip' && (h.tls === null || h.tls.failure === null);
  const seconds = h.t - (h.responseAt ?? h.t0);
  return h.bodyLength >= THROUGHPUT_PROOF.minBytes && seconds >= THROUGHPUT_PROOF.minSeconds && h.bodyLength / seconds < THROUGHPUT_PROOF.slowRate;
}

export interface ThroughputOptions {
  helperUrl: string;
  /** The target's name (the SNI under test) and the harmless one. */
  sni: string;
  harmlessSni: string;
  clock: Clock;
  signal?: AbortSignal;
  /** The helper's address when its URL names a host (the probe's control resolver decides it). */
  addressOf: (host: string) => Promise<string | null>;
  token?: string;
  /** Tests shorten the proof. */
  limits?: Partial<Record<'repeats' | 'stallMs' | 'transferMs' | 'budgetMs', number>>;
}

/** The proof for one target: the helper's reference, then the transfers, within the budget. */
export async function proveThroughput(opts: ThroughputOptions): Promise<ThroughputProbe> {
  const limits = { ...THROUGHPUT_PROOF, ...opts.limits };
  const budget = AbortSignal.timeout(limits.budgetMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, budget]) : budget;
  const token = opts.token ?? process.env[HELPER_TOKEN_ENV];
  const base = { helper: opts.helperUrl, expected: 0, stallSeconds: limits.stallMs / 1000, transfers: [] as ThroughputTransfer[] };
  const info = await helperReference(opts.helperUrl, { timeoutMs: limits.transferMs, signal, ...(token ? { token } : {}) });
  if ('problem' in info) return { ...base, failure: info.problem };
  const { host } = urlEndpoint(new URL(opts.helperUrl));
  const ip = isIpLiteral(host) ? host : await opts.addressOf(host);
  if (!ip) return { ...base, expected: info.bytes, failure: FAILURES.noAnswer };
  const transfers: ThroughputTransfer[] = [];
  const order: Array<[ThroughputSniKind, string]> = [
    ['target-sni', opts.sni],
    ['harmless-sni', opts.harmlessSni],
  ];
  for (let i = 0; i < limits.repeats && !signal.aborted; i++) {
    for (const [kind, sni] of order) {
      if (signal.aborted) break;
      transfers.push(await referenceTransfer({ ip, port: info.port, sni, kind, expected: info.bytes, clock: opts.clock, signal, stallMs: limits.stallMs, capMs: limits.transferMs, ...(token ? { token } : {}) }));
    }
  }
  return { ...base, expected: info.bytes, transfers, failure: null };
}

interface TransferSpec {
  ip: string;
  port: number;
  sni: string;
  kind: ThroughputSniKind;
  expected: number;
  clock: Clock;
  signal: AbortSignal;
  stallMs: number;
  capMs: number;
  token?: string;
}

/** How far one transfer got: the body bytes and when they came (seconds on the target's clock). */
interface Progress {
  head: Buffer | null;
  bytes: number;
  requestAt: number | null;
  lastByteAt: number | null;
  /** Bytes on the wire (TLS records, the handshake included) at the last check, and when they last grew (wall-clock ms). */
  wire: number;
  lastProgress: number;
}

/** The bytes of a chunk that belong to the body: after the response head, which must say 200. */
function bodyBytes(p: Progress, chunk: Buffer): number | 'bad-status' {
  if (p.head === null) return chunk.length;
  const head = Buffer.concat([p.head, chunk]);
  const end = head.indexOf('\r\n\r\n');
  if (end < 0) {
    p.head = head;
    return 0;
  }
  p.head = null;
  return /^HTTP\/1\.[01] 200 /.test(head.subarray(0, end).toString('latin1')) ? head.length - end - 4 : 'bad-status';
}

/**
 * One download of the reference with one SNI: bytes, time, and where it stalled. Progress is watched
 * on the wire (a TLS record is only readable whole: a throttle slower than one record per stall time
 * is still progress), and a stall is said in wire bytes, as a censor counts them.
 */
export function referenceTransfer(spec: TransferSpec): Promise<ThroughputTransfer> {
  const { clock } = spec;
  const t0 = clock.now();
  const p: Progress = { head: Buffer.alloc(0), bytes: 0, requestAt: null, lastByteAt: null, wire: 0, lastProgress: Date.now() };
  return new Promise((resolve) => {
    const tcp = netConnect({ host: spec.ip, port: spec.port });
    const socket = connect({ socket: tcp, servername: spec.sni, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    let done = false;
    const finish = (failure: string | null, stalledAt: number | null = null): void => {
      if (done) return;
      done = true;
      clearInterval(watch);
      clearTimeout(cap);
      stopAbort();
      socket.destroy();
      tcp.destroy();
      const seconds = p.requestAt === null ? 0 : (p.lastByteAt ?? clock.now()) - p.requestAt;
      resolve({ kind: spec.kind, sni: spec.sni, ip: spec.ip, port: spec.port, bytes: p.bytes, seconds, stalledAt, failure, t0, t: clock.now() });
    };
    // The stall watch starts when the request is written: no byte on the wire for stallMs is a stall.
    const watch = setInterval(() => {
      if (tcp.bytesRead > p.wire) {
        p.wire = tcp.bytesRead;
        p.lastProgress = Date.now();
      } else if (p.requestAt !== null && Date.now() - p.lastProgress >= spec.stallMs) finish(FAILURES.timeout, tcp.bytesRead);
    }, Math.min(100, spec.stallMs));
    const cap = setTimeout(() => finish(FAILURES.timeout), spec.capMs);
    const stopAbort = whenAborted(spec.signal, () => finish(FAILURES.interrupted));
    socket.on('secureConnect', () => {
      const auth = spec.token ? `Authorization: Bearer ${spec.token}\r\n` : '';
      socket.write(`GET ${REFERENCE_PATH} HTTP/1.1\r\nHost: ${spec.sni}\r\nUser-Agent: tekser\r\n${auth}Connection: close\r\n\r\n`);
      p.requestAt = clock.now();
      p.lastProgress = Date.now();
    });
    socket.on('data', (chunk: Buffer) => {
      const n = bodyBytes(p, chunk);
      if (n === 'bad-status') return finish('http_unexpected_status_code');
      p.bytes += n;
      p.lastByteAt = clock.now();
      if (p.bytes >= spec.expected) finish(null);
    });
    socket.on('close', () => finish(p.bytes >= spec.expected ? null : FAILURES.eof));
    socket.on('error', (err) => finish(classifyError(err)));
    tcp.on('error', (err) => finish(classifyError(err)));
  });
}
