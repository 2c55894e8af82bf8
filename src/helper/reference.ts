import { randomBytes } from 'node:crypto';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { SenderRate } from './echo.ts';
import { REFERENCE_BYTES, REFERENCE_PATH } from './protocol.ts';
import { selfSignedCertificate } from './self-signed.ts';

/**
 * The control helper's throughput reference (`tekser helper --reference-port 8443`): over TLS, for
 * whatever SNI the caller sends, `GET /reference` answers a fixed-size body of random bytes. A probe
 * downloads it once with a blocked site's name as SNI and once with a harmless name: the same server,
 * the same path, only the name differs, so a large difference is the network slowing that name.
 * The certificate is a throwaway self-signed one: the probe measures throughput, not trust.
 * The helper's discipline holds here too: one body per connection, a rate per sender address, a cap
 * on open connections, an idle timeout, and the helper's token when it has one.
 */
export interface ReferenceLimits {
  /** Body size (bytes). */
  bytes: number;
  /** Connections per sender address per minute. */
  ratePerMinute: number;
  /** Open connections at once. */
  maxConnections: number;
  /** A connection with no progress this long is closed (a stalled caller cannot hold a slot). */
  idleMs: number;
  /** Bytes of request head read before it must be complete. */
  maxHeadBytes: number;
}

export const REFERENCE_LIMITS: ReferenceLimits = { bytes: REFERENCE_BYTES, ratePerMinute: 60, maxConnections: 32, idleMs: 30_000, maxHeadBytes: 8192 };

export interface ReferenceServerOptions {
  limits?: Partial<ReferenceLimits>;
  /** Callers must send `Authorization: Bearer <token>` inside TLS; none when unset. */
  token?: string | null;
  /** PEM certificate and key; a throwaway self-signed pair otherwise. */
  tls?: { cert: string; key: string };
}

/** One answer: the head (200 with the body, or an error) and how many body bytes follow. */
function answerFor(head: string, token: string | null, body: Buffer): Buffer {
  const [method, path] = head.split('\r\n', 1)[0]?.split(' ') ?? [];
  const auth = /\r\nauthorization:\s*Bearer\s+([^\r\n]+)/i.exec(head)?.[1]?.trim();
  const status = (code: number, text: string): Buffer => Buffer.from(`HTTP/1.1 ${code} ${text}\r\ncontent-length: 0\r\nconnection: close\r\nserver: tekser-helper\r\n\r\n`, 'latin1');
  if (method !== 'GET' || path?.split('?')[0] !== REFERENCE_PATH) return status(404, 'Not Found');
  if (token && auth !== token) return status(401, 'Unauthorized');
  const ok = `HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: ${body.length}\r\nconnection: close\r\nserver: tekser-helper\r\n\r\n`;
  return Buffer.concat([Buffer.from(ok, 'latin1'), body]);
}

/** Reads one request head, then answers once and closes. */
function serveOne(conn: TLSSocket, limits: ReferenceLimits, token: string | null, body: Buffer): void {
  let head = '';
  conn.setTimeout(limits.idleMs, () => conn.destroy());
  conn.on('error', () => {});
  const onData = (d: Buffer): void => {
    head += d.toString('latin1');
    if (!head.includes('\r\n\r\n')) {
      if (head.length > limits.maxHeadBytes) conn.destroy();
      return;
    }
    conn.off('data', onData);
    conn.end(answerFor(head, token, body));
  };
  conn.on('data', onData);
}

/** The reference server (not yet listening). */
export function createReferenceServer(opts: ReferenceServerOptions = {}): Server {
  const limits = { ...REFERENCE_LIMITS, ...opts.limits };
  const rate = new SenderRate(limits.ratePerMinute);
  const body = randomBytes(limits.bytes);
  const server = createServer({ ...(opts.tls ?? selfSignedCertificate()), handshakeTimeout: 10_000 }, (conn) => serveOne(conn, limits, opts.token ?? null, body));
  // The rate is counted per TCP connection, before the handshake costs anything.
  server.on('connection', (socket) => {
    if (!rate.allow(socket.remoteAddress ?? '')) socket.destroy();
  });
  server.on('tlsClientError', () => {});
  server.maxConnections = limits.maxConnections;
  return server;
}
