import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import type { Transport } from '../model/check.ts';

/**
 * The control helper's echo service (opt-in, `tekser helper --echo-ports tcp:179,3785 udp:3478`):
 * whatever arrives on these ports goes back to the sender, byte for byte. A probe learns from it which
 * ports reach outside at all, and whether a protocol's first packet is dropped by its signature
 * (src/net/checks/echo.ts). The same discipline as the rest of the helper:
 * - no amplification: a reply is never larger than what it answers (a datagram: the same bytes; a
 *   connection: at most `maxBytes` in all, then it is closed);
 * - a rate per sender address (datagrams and connections per minute), a cap on open connections, an
 *   idle timeout;
 * - no reply to a privileged source port (below 1024): a spoofed datagram cannot make the helper talk
 *   to another host's service, and two echo services cannot loop.
 */
export interface EchoLimits {
  /** Bytes echoed per datagram (bigger ones are dropped) and per connection (then it closes). */
  maxBytes: number;
  /** Datagrams plus connections per sender address per minute. */
  ratePerMinute: number;
  /** Open TCP connections at once. */
  maxConnections: number;
  /** A connection idle this long is closed. */
  idleMs: number;
}

export const ECHO_LIMITS: EchoLimits = { maxBytes: 1400, ratePerMinute: 120, maxConnections: 64, idleMs: 5000 };

export interface EchoService {
  /** Bound ports, as asked (a port 0 gets the one the system chose). */
  ports: Array<{ transport: Transport; port: number }>;
  close: () => Promise<void>;
}

/** Per-sender counts over a one-minute window. */
export class SenderRate {
  private readonly counts = new Map<string, number>();
  private windowStart: number;
  private readonly perMinute: number;
  private readonly now: () => number;
  constructor(perMinute: number, now: () => number = Date.now) {
    this.perMinute = perMinute;
    this.now = now;
    this.windowStart = now();
  }
  /** Counts one event from `address`; false when it is over the rate. */
  allow(address: string): boolean {
    if (this.now() - this.windowStart >= 60_000) {
      this.counts.clear();
      this.windowStart = this.now();
    }
    const n = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, n);
    return n <= this.perMinute;
  }
}

function serveUdp(port: number, host: string, limits: EchoLimits, rate: SenderRate): Promise<UdpSocket> {
  const sock = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  sock.on('error', () => {});
  sock.on('message', (msg, rinfo) => {
    if (msg.length === 0 || msg.length > limits.maxBytes || rinfo.port < 1024) return;
    if (!rate.allow(rinfo.address)) return;
    sock.send(msg, rinfo.port, rinfo.address);
  });
  return new Promise((resolve, reject) => {
    sock.once('error', reject);
    sock.bind(port, host, () => resolve(sock));
  });
}

function echoConnection(conn: Socket, limits: EchoLimits): void {
  let left = limits.maxBytes;
  conn.setTimeout(limits.idleMs, () => conn.destroy());
  conn.on('error', () => {});
  conn.on('data', (d: Buffer) => {
    const part = d.subarray(0, left);
    left -= part.length;
    conn.write(part);
    if (left <= 0) conn.end();
  });
}

function serveTcp(port: number, host: string, limits: EchoLimits, rate: SenderRate): Promise<Server> {
  const server = createServer((conn) => {
    if (!rate.allow(conn.remoteAddress ?? '')) return void conn.destroy();
    echoConnection(conn, limits);
  });
  server.maxConnections = limits.maxConnections;
  server.on('error', () => {});
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** Starts the echo service on every port; one rate across them all (a sender is a sender). */
export async function startEchoService(ports: ReadonlyArray<{ transport: Transport; port: number }>, opts: { host?: string; limits?: Partial<EchoLimits> } = {}): Promise<EchoService> {
  const limits = { ...ECHO_LIMITS, ...opts.limits };
  const host = opts.host ?? '0.0.0.0';
  const rate = new SenderRate(limits.ratePerMinute);
  const closers: Array<() => Promise<void>> = [];
  const bound: EchoService['ports'] = [];
  try {
    for (const p of ports) {
      if (p.transport === 'udp') {
        const s = await serveUdp(p.port, host, limits, rate);
        closers.push(() => new Promise((r) => s.close(() => r())));
        bound.push({ transport: 'udp', port: s.address().port });
      } else {
        const s = await serveTcp(p.port, host, limits, rate);
        closers.push(() => new Promise((r) => s.close(() => r())));
        bound.push({ transport: 'tcp', port: (s.address() as { port: number }).port });
      }
    }
  } catch (err) {
    await Promise.all(closers.map((c) => c()));
    throw err;
  }
  return { ports: bound, close: async () => void (await Promise.all(closers.map((c) => c()))) };
}
