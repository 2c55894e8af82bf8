// Ways out in the lab's internet (issue 21): a Tor directory authority (OR port with a relay-shaped
// link certificate, directory port serving the consensus path), an obfs4-style bridge port, a STUN
// server, DNS over TLS beside the DoH control, a CDN front with a broker behind it (and an AMP-cache
// stand-in), and a TLS server for the ECH pair. Plain JavaScript: the lab runs it in a namespace.
import { createSocket } from 'node:dgram';
import { createServer as createTcpServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTlsServer } from 'node:tls';
import * as dnsPacket from 'dns-packet';
import { answerQuery } from '../servers/servers.mjs';

export const WAYS = {
  relay: '198.51.100.90',
  bridge: '198.51.100.91',
  stun: '198.51.100.92',
  front: '203.0.113.95',
  ech: '203.0.113.96',
  /** DoT beside the DoH control (same address, port 853). */
  dot: '198.51.100.53',
  bridgePorts: [179, 3785, 5060, 443],
  frontNames: ['front.lab', 'amp.lab', 'other.lab', 'ech.lab'],
  brokerHost: 'broker.lab',
};

const closable = (server) => ({ close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }) });
const listen = (server, port, host) => new Promise((r) => server.listen(port, host, () => r(closable(server))));

/** STUN Binding success with the sender's address (RFC 8489), as a public STUN server answers. */
function stunAnswer(msg, rinfo) {
  if (msg.length < 20 || msg.readUInt16BE(0) !== 0x0001) return null;
  const b = Buffer.alloc(32);
  b.writeUInt16BE(0x0101, 0);
  b.writeUInt16BE(12, 2);
  b.writeUInt32BE(0x2112a442, 4);
  msg.copy(b, 8, 8, 20);
  b.writeUInt16BE(0x0020, 20);
  b.writeUInt16BE(8, 22);
  b.writeUInt8(1, 25);
  b.writeUInt16BE(rinfo.port ^ 0x2112, 26);
  const ip = rinfo.address.split('.').map(Number);
  b.writeUInt32BE((((ip[0] << 24) | (ip[1] << 16) | (ip[2] << 8) | ip[3]) ^ 0x2112a442) >>> 0, 28);
  return b;
}

/** Starts every way-out server; `certs`: { relay, front } PEM pairs. Returns closers. */
export async function startWays({ certs, zone }) {
  const closers = [];
  // Tor directory authority: OR port (TLS, relay certificate) and directory port (HTTP).
  const or = createTlsServer({ cert: certs.relay.cert, key: certs.relay.key }, (s) => s.on('error', () => {}));
  or.on('tlsClientError', () => {});
  closers.push(await listen(or, 443, WAYS.relay));
  const dir = createHttpServer((req, res) => {
    if (req.url !== '/tor/status-vote/current/consensus.z') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.alloc(4096, 0x78));
  });
  closers.push(await listen(dir, 80, WAYS.relay));
  // A bridge: its ports accept connections (obfs4 itself is not spoken by tekser).
  for (const port of WAYS.bridgePorts) {
    const s = createTcpServer((c) => c.on('error', () => {}));
    closers.push(await listen(s, port, WAYS.bridge));
  }
  // STUN.
  const stun = createSocket('udp4');
  stun.on('message', (m, r) => {
    const a = stunAnswer(m, r);
    if (a) stun.send(a, r.port, r.address);
  });
  await new Promise((r) => stun.bind(3478, WAYS.stun, r));
  closers.push({ close: () => new Promise((r) => stun.close(() => r())) });
  // DNS over TLS beside the DoH control.
  const dot = createTlsServer({ cert: certs.front.cert, key: certs.front.key, ALPNProtocols: ['dot'] }, (s) => {
    s.on('error', () => {});
    s.on('data', (d) => {
      try {
        const out = dnsPacket.encode(answerQuery(dnsPacket.decode(d.subarray(2)), zone()));
        s.write(Buffer.concat([Buffer.from([out.length >> 8, out.length & 255]), out]));
      } catch {
        s.destroy();
      }
    });
  });
  dot.on('tlsClientError', () => {});
  closers.push(await listen(dot, 853, WAYS.dot));
  // The CDN front: any name it holds a certificate for; the broker answers behind it (Host).
  const front = createHttpsServer({ cert: certs.front.cert, key: certs.front.key }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    res.writeHead(host === WAYS.brokerHost || host === 'amp.lab' ? 200 : 421).end('broker');
  });
  closers.push(await listen(front, 443, WAYS.front));
  const ech = createTlsServer({ cert: certs.front.cert, key: certs.front.key }, (s) => s.on('error', () => {}));
  ech.on('tlsClientError', () => {});
  closers.push(await listen(ech, 443, WAYS.ech));
  return closers;
}

/** The lab's ways list (a service list with a `ways:` section), pointing at the servers above. */
export function labWaysYaml() {
  return `version: 1
services:
  - id: lab-ok
    name: lab baseline
    kind: other
    category_code: MISC
    checks:
      - { id: ok, title: ok.lab, protocol: tcp, endpoints: ["203.0.113.10:443"] }
ways:
  - id: tor-dirauths
    kind: tor
    title: Tor (its directory authorities)
    probes:
      - { check: tor_or, endpoints: ["${WAYS.relay}:443"] }
      - { check: tor_dir, endpoints: ["${WAYS.relay}:80"] }
  - id: bridge-3785
    kind: tor_bridge
    title: Tor through the obfs4 bridge on port 3785
    pluggable_transport: obfs4
    probes:
      - { check: tcp, endpoints: ["${WAYS.bridge}:3785"] }
  - id: snowflake-front
    kind: snowflake
    title: "Snowflake: the CDN-front rendezvous"
    probes:
      - { check: rendezvous, method: domain_fronting, endpoints: ["https://front.lab/#${WAYS.front}"], host_header: ${WAYS.brokerHost} }
      - { check: tls, variant: control, server_name: other.lab, endpoints: ["${WAYS.front}:443"] }
  - id: snowflake-amp
    kind: snowflake
    title: "Snowflake: the AMP-cache rendezvous"
    probes:
      - { check: rendezvous, method: amp_cache, endpoints: ["https://amp.lab/c/s/broker.lab/#${WAYS.front}"] }
  - id: snowflake-stun
    kind: snowflake
    title: "Snowflake: STUN"
    probes:
      - { check: stun, endpoints: ["${WAYS.stun}:3478"] }
  - id: doh
    kind: dns
    title: DNS over HTTPS to the lab resolver
    probes:
      - { check: resolver, query: ok.lab, endpoints: ["https://doh.lab/dns-query#198.51.100.53"] }
  - id: dot
    kind: dns
    title: DNS over TLS to the lab resolver
    probes:
      - { check: resolver, query: ok.lab, endpoints: ["dot://front.lab:853#${WAYS.dot}"] }
  - id: ech
    kind: ech
    title: TLS with Encrypted Client Hello (ech.lab)
    probes:
      - { check: ech, endpoints: ["${WAYS.ech}:443"], outer_names: [ech.lab] }
`;
}
