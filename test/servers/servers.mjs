// Test servers shared by the loopback integration tests and the network lab (which runs them as
// separate processes inside namespaces, hence plain JavaScript). They answer only what a zone or a
// site table says, and bind only the addresses they are given.
import { createSocket } from 'node:dgram';
import { createServer as createTcpServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTlsServer } from 'node:tls';
import * as dnsPacket from 'dns-packet';

/**
 * zone: { "name.test": { A: ["198.18.0.10"], AAAA: [] } | "NXDOMAIN" | "SERVFAIL" }
 * Names not in the zone get NXDOMAIN.
 */
export function answerQuery(query, zone) {
  const q = query.questions?.[0];
  const name = (q?.name ?? '').toLowerCase().replace(/\.$/, '');
  const entry = zone[name];
  const base = { type: 'response', id: query.id, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE, questions: query.questions ?? [] };
  if (entry === undefined || entry === 'NXDOMAIN') return { ...base, rcode: 'NXDOMAIN', flags: base.flags | 3 };
  if (entry === 'SERVFAIL') return { ...base, flags: base.flags | 2 };
  const values = (q && entry[q.type]) || [];
  return { ...base, answers: values.map((data) => ({ type: q.type, name: q.name, ttl: 60, class: 'IN', data })) };
}

function encodeAnswer(query, zone) {
  const ans = answerQuery(query, zone);
  return dnsPacket.encode(ans);
}

/**
 * A DNS server over UDP and TCP. `zone` may be a function (name -> entry) for per-scenario control.
 * `inject`: { name: ["ip"] } answers those names twice: a forged reply first, then the zone's.
 * `truncate`: names whose UDP answer comes back empty with the TC flag (the full answer is over TCP).
 */
export async function startDnsServer({ host = '127.0.0.1', port = 0, zone, inject = {}, truncate = [] }) {
  const getZone = () => (typeof zone === 'function' ? zone() : zone);
  const udp = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  udp.on('message', (msg, rinfo) => {
    let query;
    try {
      query = dnsPacket.decode(msg);
    } catch {
      return;
    }
    const name = (query.questions?.[0]?.name ?? '').toLowerCase();
    const forged = getZone().__inject?.[name] ?? inject[name];
    if (forged && query.questions?.[0]?.type === 'A') {
      udp.send(encodeAnswer(query, { [name]: { A: forged } }), rinfo.port, rinfo.address);
      setTimeout(() => udp.send(encodeAnswer(query, getZone()), rinfo.port, rinfo.address), 20);
      return;
    }
    if (truncate.includes(name.replace(/\.$/, ''))) {
      const tc = { ...answerQuery(query, getZone()), answers: [] };
      tc.flags |= dnsPacket.TRUNCATED_RESPONSE;
      udp.send(dnsPacket.encode(tc), rinfo.port, rinfo.address);
      return;
    }
    udp.send(encodeAnswer(query, getZone()), rinfo.port, rinfo.address);
  });
  await new Promise((resolve) => udp.bind(port, host, resolve));
  const udpPort = udp.address().port;
  const tcp = createTcpServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('error', () => {});
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const size = buf.readUInt16BE(0);
        const msg = buf.subarray(2, 2 + size);
        buf = buf.subarray(2 + size);
        try {
          const out = encodeAnswer(dnsPacket.decode(msg), getZone());
          const len = Buffer.alloc(2);
          len.writeUInt16BE(out.length);
          sock.write(Buffer.concat([len, out]));
        } catch {
          sock.destroy();
        }
      }
    });
  });
  await new Promise((resolve) => tcp.listen(udpPort, host, resolve));
  return {
    port: udpPort,
    close: () => Promise.all([new Promise((r) => udp.close(r)), new Promise((r) => tcp.close(r))]),
  };
}

/** DNS-over-HTTPS (RFC 8484 POST and GET) from a zone. */
export async function startDohServer({ host = '127.0.0.1', port = 0, cert, key, zone }) {
  const getZone = () => (typeof zone === 'function' ? zone() : zone);
  const server = createHttpsServer({ cert, key }, (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.method === 'GET') {
        const dns = new URL(req.url, 'https://x').searchParams.get('dns');
        body = Buffer.from(dns ?? '', 'base64url');
      }
      let out;
      try {
        out = encodeAnswer(dnsPacket.decode(body), getZone());
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/dns-message', 'content-length': out.length });
      res.end(out);
    });
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return { port: server.address().port, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

/**
 * A web server. mode:
 *  - "ok": serves sites[Host] ({ title, body, status, headers }) or 404
 *  - "reset": accepts TCP, then resets the connection as soon as data arrives (a ClientHello or a request)
 *  - "silent": accepts TCP and never answers
 *  - "blockpage": answers every request with `blockpage` HTML
 *  - "accept": accepts TCP and closes (a non-HTTP service port)
 * tls: { cert, key } (or SNICallback-style map { default, byName }) makes it HTTPS.
 */
export async function startWebServer({ host = '127.0.0.1', port = 0, tls = null, mode = 'ok', sites = {}, blockpage = '' }) {
  const sockets = new Set();
  let server;
  if (mode === 'reset' || mode === 'silent' || mode === 'accept') {
    server = createTcpServer((sock) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
      sock.on('error', () => {});
      if (mode === 'reset') sock.once('data', () => sock.resetAndDestroy());
      if (mode === 'accept') sock.end();
    });
  } else {
    const handler = (req, res) => {
      if (mode === 'blockpage') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(blockpage);
        return;
      }
      const hostName = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const site = sites[hostName] ?? sites['*'];
      if (!site) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no such site');
        return;
      }
      if (req.method === 'POST') req.resume();
      // A site's own refusal for visitors from one network (a prefix of their address): 451, a bot challenge.
      const refuse = site.refuse && (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '').startsWith(site.refuse.from) ? site.refuse : null;
      if (refuse) {
        res.writeHead(refuse.status, { 'content-type': 'text/html; charset=utf-8', ...(refuse.headers ?? {}) });
        res.end(`<html><head><title>${refuse.title}</title></head><body><h1>${refuse.title}</h1></body></html>`);
        return;
      }
      const body = site.body ?? `<html><head><title>${site.title ?? hostName}</title></head><body>${'content '.repeat(200)}</body></html>`;
      res.writeHead(site.status ?? 200, { 'content-type': 'text/html; charset=utf-8', 'x-site': hostName, ...(site.headers ?? {}) });
      res.end(body);
    };
    server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handler) : createHttpServer(handler);
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
  }
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    port: server.address().port,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(r);
      }),
  };
}

/** A bare TLS server (no HTTP): for handshake-only endpoints such as messenger stand-ins. */
export async function startTlsServer({ host = '127.0.0.1', port = 0, cert, key }) {
  const server = createTlsServer({ cert, key }, (sock) => {
    sock.on('error', () => {});
    sock.end();
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

/** For lab processes: announce readiness, then close every server on SIGTERM/SIGINT and exit. */
export function serveUntilSignal(closers) {
  process.stdout.write('ready\n');
  const stop = async () => {
    await Promise.allSettled(closers.map((c) => c.close()));
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
