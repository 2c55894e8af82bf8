import { createSocket } from 'node:dgram';
import type { Socket } from 'node:net';
import { joinHostPort, addressFamily } from '../endpoint.ts';
import type { Clock } from '../clock.ts';
import { classifyError } from '../failure.ts';
import { tcpConnect } from '../tcp.ts';
import { FAILURES, type Failure } from '../../model/failure.ts';
import { PRIVATE_ADDRESS } from '../../model/private.ts';
import type { Transport } from '../../model/check.ts';

/**
 * What every way-out check needs: a clock, a deadline, a signal, and how to record the endpoint (in
 * clear, or scrubbed for a private way). The exchanges below are the two shapes every check has:
 * one datagram out and the first matching datagram back (UDP), or connect, write, read a little (TCP).
 */
export interface CheckOptions {
  clock: Clock;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The endpoint as reports show it; for a private way, a hash label (never the address). */
  label?: string;
  /** A private way: the address dialled is recorded as PRIVATE_ADDRESS. */
  private?: boolean;
}

/** The fields every probe records about where it went. */
export function recordedEndpoint(ip: string, port: number, transport: Transport, opts: CheckOptions): { endpoint: string; ip: string; port: number; transport: Transport } {
  if (opts.private) return { endpoint: opts.label ?? `private:${port}`, ip: PRIVATE_ADDRESS, port, transport };
  return { endpoint: opts.label ?? joinHostPort(ip, port), ip, port, transport };
}

export interface UdpExchange<T> {
  /** The first datagram `accept` took, parsed; null when none did. */
  reply: T | null;
  failure: Failure;
  /** Datagrams that came back but were not an answer to this request. */
  stray: number;
}

/** UDP resends: a lost datagram is not a blocked one (STUN's retransmission, simplified). */
const RESEND_MS = 1000;

/**
 * Sends `payload` to ip:port (again every second until the deadline) and resolves with the first
 * reply `accept` parses. A connected socket, so an ICMP port unreachable surfaces as
 * connection_refused. Something that came back but never parsed is unexpected_answer.
 */
export function udpExchange<T>(ip: string, port: number, payload: Buffer, accept: (msg: Buffer) => T | null, opts: CheckOptions): Promise<UdpExchange<T>> {
  if (opts.signal?.aborted) return Promise.resolve({ reply: null, failure: FAILURES.interrupted, stray: 0 });
  return new Promise((resolve) => {
    const sock = createSocket(addressFamily(ip) === 6 ? 'udp6' : 'udp4');
    let stray = 0;
    let settled = false;
    let resend: NodeJS.Timeout | undefined;
    const settle = (reply: T | null, failure: Failure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(resend);
      opts.signal?.removeEventListener('abort', onAbort);
      sock.removeAllListeners();
      sock.on('error', () => {});
      sock.close();
      resolve({ reply, failure, stray });
    };
    const onAbort = (): void => settle(null, FAILURES.interrupted);
    const timer = setTimeout(() => settle(null, stray > 0 ? FAILURES.unexpectedAnswer : FAILURES.timeout), opts.timeoutMs);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const send = (): void => sock.send(payload, (err) => err && settle(null, classifyError(err)));
    sock.on('error', (err) => settle(null, classifyError(err)));
    sock.on('message', (msg) => {
      const parsed = accept(msg);
      if (parsed === null) stray++;
      else settle(parsed, null);
    });
    sock.connect(port, ip, () => {
      send();
      resend = setInterval(send, RESEND_MS);
    });
  });
}

export interface TcpExchange {
  /** The connect step's failure (null: connected). */
  connectFailure: Failure;
  /** Failure after connecting (null: `enough` was satisfied). */
  failure: Failure;
  data: Buffer;
}

/**
 * Connects, writes `payload` (none: just listen), and reads until `enough(data)` says so, the peer
 * closes, `maxBytes` arrive or the deadline passes. Only the first bytes matter to every check.
 */
export async function tcpExchange(ip: string, port: number, payload: Buffer | null, enough: (data: Buffer) => boolean, opts: CheckOptions & { maxBytes?: number }): Promise<TcpExchange> {
  const started = Date.now();
  const { observation, socket } = await tcpConnect(ip, port, { clock: opts.clock, timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
  if (!socket) return { connectFailure: observation.failure, failure: observation.failure, data: Buffer.alloc(0) };
  const left = Math.max(1, opts.timeoutMs - (Date.now() - started));
  return readExchange(socket, payload, enough, { ...opts, timeoutMs: left });
}

/** The read half of tcpExchange, on a socket already connected (also used over TLS). */
export function readExchange(socket: Socket, payload: Buffer | null, enough: (data: Buffer) => boolean, opts: CheckOptions & { maxBytes?: number }): Promise<TcpExchange> {
  const max = opts.maxBytes ?? 64 * 1024;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (failure: Failure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('data');
      socket.on('error', () => {});
      socket.destroy();
      resolve({ connectFailure: null, failure, data: Buffer.concat(chunks, size) });
    };
    const onAbort = (): void => settle(FAILURES.interrupted);
    const timer = setTimeout(() => settle(FAILURES.timeout), opts.timeoutMs);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      size += d.length;
      const data = Buffer.concat(chunks, size);
      if (enough(data)) settle(null);
      else if (size >= max) settle(FAILURES.unexpectedAnswer);
    });
    socket.once('error', (err) => settle(classifyError(err)));
    socket.once('end', () => settle(enough(Buffer.concat(chunks, size)) ? null : FAILURES.eof));
    socket.once('close', () => settle(FAILURES.eof));
    if (payload) socket.write(payload);
  });
}

/** `bytes` of randomness whose first byte is none of `avoid` (a random twin must not look like the shaped one). */
export function randomBytesAvoiding(bytes: number, avoid: readonly number[], random: (n: number) => Buffer): Buffer {
  const b = random(bytes);
  while (avoid.includes(b[0] ?? 0)) b[0] = ((b[0] ?? 0) + 17) & 0xff;
  return b;
}
