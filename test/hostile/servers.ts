// Servers that misbehave on purpose, on loopback only. Each answers the way a broken or hostile
// server would (never the way a censor would): with no censor anywhere, none of them may be called
// "blocked", and none may make tekser dial somewhere it was not asked to.
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as dnsPacket from 'dns-packet';
import { tempDir } from '../helpers/tmp.ts';

export const LO = '127.0.0.1';
export interface Running {
  port: number;
  close: () => Promise<void>;
}

async function listen(server: TcpServer, host = LO): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return (server.address() as { port: number }).port;
}

function closer(server: TcpServer, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

/** A raw TCP server: `onConnection` writes whatever bytes the case needs. */
export async function rawServer(onConnection: (sock: Socket) => void, host = LO): Promise<Running> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createTcpServer((sock) => {
    sockets.add(sock);
    sock.on('error', () => {});
    sock.on('close', () => sockets.delete(sock));
    onConnection(sock);
  });
  const port = await listen(server, host);
  const close = closer(server, sockets);
  return { port, close: async () => { for (const t of timers) clearInterval(t); await close(); } };
}

/** Writes `bytes` one chunk every `everyMs` until the peer goes away. */
function trickle(sock: Socket, head: Buffer, chunk: Buffer, everyMs: number): void {
  if (head.length) sock.write(head);
  const t = setInterval(() => {
    if (sock.destroyed) return clearInterval(t);
    sock.write(chunk);
  }, everyMs);
  sock.on('close', () => clearInterval(t));
}

/** Waits for the request head (or any first bytes), then runs `then`. */
const afterRequest = (then: (sock: Socket) => void) => (sock: Socket) => sock.once('data', () => then(sock));

export const HTTP_CASES = {
  /** Declares a 5 GB body and sends it a byte every 50 ms. */
  trickleBody: afterRequest((s) => trickle(s, Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000000000\r\n\r\n<html>'), Buffer.from('x'), 50)),
  /** The response head, one byte a second. */
  slowHeaders: afterRequest((s) => {
    const head = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ' + 'y'.repeat(100) + '\r\n\r\n');
    let i = 0;
    const t = setInterval(() => {
      if (s.destroyed || i >= head.length) return clearInterval(t);
      s.write(head.subarray(i, ++i));
    }, 1000);
    s.on('close', () => clearInterval(t));
  }),
  /** 100,000 header lines. */
  manyHeaders: afterRequest((s) => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `X-H${i}: v`).join('\r\n');
    s.end(`HTTP/1.1 200 OK\r\n${lines}\r\nContent-Length: 2\r\n\r\nok`);
  }),
  /** One 10 MB header. */
  hugeHeader: afterRequest((s) => s.end(`HTTP/1.1 200 OK\r\nX-Huge: ${'h'.repeat(10 * 1024 * 1024)}\r\nContent-Length: 2\r\n\r\nok`)),
  /** Not an HTTP status line. */
  badStatus: afterRequest((s) => s.end('HTTP/1.1 OK TWO HUNDRED\r\nContent-Length: 2\r\n\r\nok')),
  /** A chunk size that is not hexadecimal. */
  badChunk: afterRequest((s) => s.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZZ\r\nhello\r\n0\r\n\r\n')),
  /** Accepts the connection and never says a word. */
  silent: (_s: Socket) => {},
} satisfies Record<string, (s: Socket) => void>;

/** Gzip of 200 MB of zeros (about 200 KB on the wire), declared as the page's encoding. */
export function decompressionBomb(): Buffer {
  return gzipSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
}

/** A plain HTTP server with one handler (for redirects and bombs). */
export async function httpServer(handler: Parameters<typeof createHttpServer>[1] & {}): Promise<Running> {
  const sockets = new Set<Socket>();
  const server = createHttpServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server as unknown as TcpServer);
  return { port, close: closer(server as unknown as TcpServer, sockets) };
}

/** A TLS server with the given options, answering any HTTP request with a tiny page. */
export async function tlsServer(options: TlsOptions): Promise<Running> {
  const sockets = new Set<Socket>();
  const server = createTlsServer(options, (sock) => {
    sock.on('error', () => {});
    sock.once('data', () => sock.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => {});
  const port = await listen(server as unknown as TcpServer);
  return { port, close: closer(server as unknown as TcpServer, sockets) };
}

/** Answers a ClientHello with random bytes. */
export const tlsGarbage = afterRequest((s) => s.end(Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256))));

/**
 * A listener standing for a port tekser must never reach (":22" on this machine): it only counts
 * the connections it gets. Bound on 127.0.0.1 or ::1.
 */
export async function connectionCounter(host = LO): Promise<Running & { connections: () => number }> {
  let n = 0;
  const r = await rawServer((s) => {
    n++;
    s.destroy();
  }, host);
  return { ...r, connections: () => n };
}

/**
 * A DNS server over UDP that floods: for every query, `noise` replies that do not match it
 * (wrong id, garbage, a compression-pointer loop), then the zone's answer. Not more than a socket
 * buffer holds: past that the kernel drops the real answer and the query rightly times out.
 */
export async function floodingResolver(zone: Record<string, string[]>, noise = 150): Promise<Running> {
  const udp = createSocket('udp4');
  const loop = Buffer.from([0, 0, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1]);
  udp.on('message', (msg, rinfo) => {
    let q: dnsPacket.Packet;
    try {
      q = dnsPacket.decode(msg);
    } catch {
      return;
    }
    const question = q.questions?.[0];
    const name = (question?.name ?? '').toLowerCase();
    for (let i = 0; i < noise; i++) {
      const junk = i % 3 === 0 ? loop : i % 3 === 1 ? Buffer.from(`garbage ${i}`) : dnsPacket.encode({ type: 'response', id: ((q.id ?? 0) + 1 + i) % 65536, questions: q.questions ?? [], answers: [{ type: 'A', name, data: '10.0.0.1' }] });
      udp.send(junk, rinfo.port, rinfo.address);
    }
    const values = question?.type === 'A' ? (zone[name] ?? []) : [];
    udp.send(dnsPacket.encode({ type: 'response', id: q.id ?? 0, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE, questions: q.questions ?? [], answers: values.map((data) => ({ type: 'A' as const, name, ttl: 60, data })) }), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => udp.bind(0, LO, () => resolve()));
  return { port: udp.address().port, close: () => new Promise((r) => udp.close(() => r())) };
}

const run = promisify(execFile);
const openssl = (dir: string, args: string[]) => run('openssl', args, { cwd: dir, maxBuffer: 1 << 20 });
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export interface Pem {
  cert: string;
  key: string;
  certFile: string;
}

/** Hostile certificates, made with openssl at test time (nothing committed can expire). */
export class HostilePki {
  readonly dir = tempDir('hostile-pki');
  private serial = 1000;
  private async read(name: string): Promise<Pem> {
    const { readFile } = await import('node:fs/promises');
    const certFile = join(this.dir, `${name}.crt`);
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(join(this.dir, `${name}.key`), 'utf8'), certFile };
  }
  async root(name: string): Promise<Pem> {
    await openssl(this.dir, ['req', '-x509', ...EC, '-days', '30', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-keyout', `${name}.key`, '-out', `${name}.crt`]);
    return this.read(name);
  }
  /** A leaf for `names` signed by `issuer`, valid for `days` (negative: already expired). */
  async leaf(name: string, issuer: Pem, names: string[], opts: { days?: number; subject?: string } = {}): Promise<Pem> {
    const ext = join(this.dir, `${name}.ext`);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(ext, `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')}\n`);
    const subjFile = join(this.dir, `${name}.subj`);
    await writeFile(subjFile, opts.subject ?? `/CN=${names[0]}`);
    await run('sh', ['-c', `openssl req ${EC.join(' ')} -subj "$(cat ${name}.subj)" -keyout ${name}.key -out ${name}.csr`], { cwd: this.dir, maxBuffer: 1 << 20 });
    await openssl(this.dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', issuer.certFile, '-CAkey', join(this.dir, `${basename(issuer.certFile)}.key`), '-set_serial', String(this.serial++), '-days', String(opts.days ?? 30), '-extfile', ext, '-out', `${name}.crt`]);
    return this.read(name);
  }
  /**
   * root → `depth` intermediates → leaf. openssl makes the root, the first intermediate and the
   * leaf; the others are the first one's TBS with the names swapped, re-signed here with one shared
   * key (hundreds of openssl runs would take a minute on a busy machine).
   */
  async deepChain(depth: number, names: string[]): Promise<{ root: Pem; leaf: Pem; chainPem: string }> {
    const { writeFile, readFile } = await import('node:fs/promises');
    const root = await this.root('deep-r00');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await writeFile(join(this.dir, 'deep.key'), keyPem);
    await writeFile(join(this.dir, 'deep.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=none\nauthorityKeyIdentifier=none\n');
    await openssl(this.dir, ['req', '-new', '-key', 'deep.key', '-subj', '/CN=deep-000', '-out', 'deep.csr']);
    await openssl(this.dir, ['x509', '-req', '-in', 'deep.csr', '-CA', root.certFile, '-CAkey', 'deep-r00.key', '-set_serial', '7', '-days', '30', '-extfile', 'deep.ext', '-out', 'deep-000.crt']);
    const first = new X509Certificate(await readFile(join(this.dir, 'deep-000.crt'), 'utf8')).raw;
    const cert = tlvAt(first, 0);
    const tbs = tlvAt(first, cert.start + cert.hdr);
    const alg = tlvAt(first, tbs.end);
    const ders: Buffer[] = [first];
    const name = (i: number): string => `deep-${String(i).padStart(3, '0')}`;
    const template = first.subarray(tbs.start, tbs.end);
    const [issuerAt, subjectAt] = [template.indexOf('deep-r00'), template.indexOf('deep-000')];
    for (let i = 1; i < depth; i++) {
      const t = Buffer.from(template);
      t.write(name(i - 1), issuerAt, 'latin1');
      t.write(name(i), subjectAt, 'latin1');
      const sig = sign('sha256', t, privateKey);
      ders.push(tlv(0x30, Buffer.concat([t, first.subarray(alg.start, alg.end), tlv(0x03, Buffer.concat([Buffer.from([0]), sig]))])));
    }
    const pem = (der: Buffer): string => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
    const lastName = name(depth - 1);
    await writeFile(join(this.dir, `${lastName}.crt`), pem(ders[depth - 1] as Buffer));
    await writeFile(join(this.dir, `${lastName}.key`), keyPem);
    const leaf = await this.leaf('deepleaf', { cert: '', key: '', certFile: join(this.dir, `${lastName}.crt`) }, names);
    return { root, leaf, chainPem: [leaf.cert, ...ders.slice().reverse().map(pem)].join('') };
  }
}

function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len = n < 128 ? [n] : n < 256 ? [0x81, n] : n < 65536 ? [0x82, n >> 8, n & 255] : [0x83, n >> 16, (n >> 8) & 255, n & 255];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

function tlvAt(buf: Buffer, off: number): { start: number; hdr: number; end: number } {
  const first = buf[off + 1] ?? 0;
  let len = first;
  let hdr = 2;
  if (first & 0x80) {
    len = 0;
    for (let i = 0; i < (first & 0x7f); i++) len = len * 256 + (buf[off + 2 + i] ?? 0);
    hdr = 2 + (first & 0x7f);
  }
  return { start: off, hdr, end: off + hdr + len };
}

function basename(certFile: string): string {
  return certFile.replace(/^.*\//, '').replace(/\.crt$/, '');
}
