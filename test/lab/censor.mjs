// The censor: the ISP resolver the client uses, a block-page server for DNS redirection, a
// TLS-intercepting proxy for chosen SNIs, and a transparent HTTP proxy that serves a block page for
// chosen Hosts. iptables (set up by lab.mjs) steers traffic here. Prints "ready" when listening.
import { readFileSync } from 'node:fs';
import { connect as netConnect, createServer } from 'node:net';
import { createServer as createTlsServer, connect as tlsConnect } from 'node:tls';
import { startDnsServer, startWebServer, serveUntilSignal } from '../servers/servers.mjs';
import { NET, KZ_BLOCKPAGE, SITES, authoritativeZone, ispZone } from './scenarios.mjs';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const closers = [];

// Per-run DNS lies are read from a file the lab rewrites (lab.setDnsOverrides), so one lab serves many runs.
const baseZone = cfg.shutdown ? {} : ispZone();
const zone = () => {
  let overrides = {};
  try {
    overrides = JSON.parse(readFileSync(cfg.overridesFile, 'utf8'));
  } catch {
    // no overrides yet
  }
  return { ...baseZone, ...overrides };
};
closers.push(await startDnsServer({ host: NET.ispResolver, port: 53, zone }));
closers.push(await startWebServer({ host: NET.blockpageServer, port: 80, mode: 'blockpage', blockpage: KZ_BLOCKPAGE }));

/** The SNI in a TLS ClientHello record, or null (enough of RFC 8446 §4.1.2 for a lab). */
function sniOf(buf) {
  try {
    if (buf[0] !== 0x16 || buf[5] !== 0x01) return null;
    let p = 5 + 4 + 2 + 32; // record header, handshake header, version, random
    p += 1 + buf[p]; // session id
    p += 2 + buf.readUInt16BE(p); // cipher suites
    p += 1 + buf[p]; // compression methods
    const end = p + 2 + buf.readUInt16BE(p);
    p += 2;
    while (p + 4 <= end) {
      const type = buf.readUInt16BE(p);
      const len = buf.readUInt16BE(p + 2);
      if (type === 0) return buf.subarray(p + 9, p + 9 + buf.readUInt16BE(p + 7)).toString('ascii');
      p += 4 + len;
    }
  } catch {
    return null;
  }
  return null;
}

const mitmNames = new Set(SITES.filter((s) => s.censor?.mitm).map((s) => s.name));
const mitmUpstream = SITES.find((s) => s.censor?.mitm)?.ip;
// Intercepting everything, the box finds the real server by the SNI (no SNI: the DoH control, dialled by IP).
const truth = authoritativeZone();
const upstreamOf = (sni) => (cfg.interceptAll ? (truth[sni]?.A?.[0] ?? NET.dohControl) : mitmUpstream);
const intercepts = (sni) => (cfg.interceptAll ? true : Boolean(sni && mitmNames.has(sni)));
const blockedHosts = new Set(SITES.filter((s) => s.censor?.httpBlock).map((s) => s.name));
const httpUpstream = SITES.find((s) => s.censor?.httpBlock)?.ip;

// TLS interception: terminate chosen SNIs with the "Qaznet" chain (its leaf copies the real
// server's names), re-encrypt towards the real server; pass every other SNI through untouched.
const interceptor = createTlsServer({ cert: cfg.mitmChain, key: cfg.mitmKey }, (tlsClient) => {
  tlsClient.on('error', () => {});
  const upstream = tlsConnect({ host: upstreamOf(tlsClient.servername), port: 443, servername: tlsClient.servername || undefined, rejectUnauthorized: false });
  upstream.on('error', () => tlsClient.destroy());
  tlsClient.pipe(upstream).pipe(tlsClient);
});
interceptor.on('tlsClientError', () => {});
const mitm = createServer((client) => {
  client.on('error', () => {});
  client.once('data', (first) => {
    const sni = sniOf(first);
    if (intercepts(sni)) {
      client.pause();
      client.unshift(first);
      interceptor.emit('connection', client);
      return;
    }
    const upstream = netConnect({ host: upstreamOf(sni), port: 443 }, () => {
      upstream.write(first);
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', () => client.destroy());
  });
});
await new Promise((r) => mitm.listen(NET.mitmProxyPort, NET.censorClientSide, r));
closers.push({ close: () => new Promise((r) => mitm.close(r)) });

// Transparent HTTP proxy: a block page for chosen Hosts, everything else forwarded.
const httpProxy = createServer((client) => {
  client.on('error', () => {});
  let head = Buffer.alloc(0);
  const onData = (chunk) => {
    head = Buffer.concat([head, chunk]);
    const endOfHead = head.indexOf('\r\n\r\n');
    if (endOfHead < 0 && head.length < 16384) return;
    client.off('data', onData);
    const host = /\r\nhost:\s*([^\r\n:]+)/i.exec(head.toString('latin1'))?.[1]?.toLowerCase();
    if (host && blockedHosts.has(host)) {
      const body = Buffer.from(KZ_BLOCKPAGE, 'utf8');
      client.end(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${KZ_BLOCKPAGE}`);
      return;
    }
    const upstream = netConnect({ host: httpUpstream, port: 80 }, () => {
      upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', () => client.destroy());
  };
  client.on('data', onData);
});
await new Promise((r) => httpProxy.listen(NET.httpProxyPort, NET.censorClientSide, r));
closers.push({ close: () => new Promise((r) => httpProxy.close(r)) });

serveUntilSignal(closers);
