import { createServer as createHttpsServer } from 'node:https';
import { createSocket } from 'node:dgram';
import type { Server } from 'node:net';
import { createRequire } from 'node:module';
import type * as DnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPki, type KeyPair } from '../helpers/pki.ts';
import { startClock } from '../../src/net/clock.ts';
import { pinnedTrustStore, publicTrustStore } from '../../src/net/tls.ts';
import { FAILURES } from '../../src/model/failure.ts';
import { PRIVATE_ADDRESS, wayProbeSchema } from '../../src/model/check.ts';
import { parseStunAnswer, stunBindingRequest, stunProbe } from '../../src/net/checks/stun.ts';
import { quicPingProbe } from '../../src/net/checks/quic-ping.ts';
import { clientHello, echProbe, hasEchExtension } from '../../src/net/checks/ech.ts';
import { openvpnResetProbe } from '../../src/net/checks/openvpn-reset.ts';
import { isRelayShaped, tlsHandshakeProbe } from '../../src/net/checks/tls-handshake.ts';
import { torDirProbe, TOR_CONSENSUS_PATH } from '../../src/net/checks/tor-dir.ts';
import { tcpConnectProbe } from '../../src/net/checks/tcp-connect.ts';
import { dnsResolverProbe, httpBody } from '../../src/net/checks/dns-resolver.ts';
import { rendezvousProbe } from '../../src/net/checks/rendezvous.ts';
import { echoProbe, shapedSize, WIREGUARD_INITIATION_SIZE } from '../../src/net/checks/echo.ts';
import { closeAll, listen, LO, middlebox, openvpnServerReset, stunAnswer, tcpServer, tlsServer, udpServer, versionNegotiation } from './servers.ts';

const dnsPacket = createRequire(import.meta.url)('dns-packet') as typeof DnsPacket;
const opts = (timeoutMs = 2000) => ({ clock: startClock(), timeoutMs });

/** A port nothing listens on (bound, then closed). */
async function closedUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, LO, r));
  const port = s.address().port;
  s.close();
  return port;
}

let pki: TestPki;
let root: KeyPair;
let leaf: KeyPair;
let relay: KeyPair;
beforeAll(() => {
  pki = new TestPki();
  root = pki.root('root', '/CN=Ways Test Root');
  leaf = pki.issue('leaf', '/CN=resolver.test', root, { names: ['resolver.test', 'front.test', 'cdn.test'] });
  // A Tor link certificate's shape: CN www.<random>.net issued by www.<random>.com (tortls).
  relay = pki.issue('relay', '/CN=www.abcdefghij.net', pki.root('relay-id', '/CN=www.zyxwvutsrqp.com'), { names: ['www.abcdefghij.net'] });
});
afterAll(closeAll);

describe('stun', () => {
  it('a Binding success proves UDP works; the mapped address is parsed and only its family kept', async () => {
    const { port } = await udpServer(stunAnswer);
    const p = await stunProbe(LO, port, opts());
    expect(p.failure).toBeNull();
    expect(p.mappedFamily).toBe('ipv4');
    expect(JSON.stringify(p)).not.toMatch(/"(address|mapped)":/);
    expect(wayProbeSchema.parse(p)).toEqual(p);
  });

  it('an answer to another transaction is no answer (unexpected_answer), silence is a timeout, a closed port is refused', async () => {
    const wrong = await udpServer((m, r) => {
      const a = stunAnswer(m, r);
      if (a) a[19] = (a[19] ?? 0) ^ 0xff;
      return a;
    });
    expect((await stunProbe(LO, wrong.port, opts(400))).failure).toBe(FAILURES.unexpectedAnswer);
    const silent = await udpServer(() => null);
    expect((await stunProbe(LO, silent.port, opts(300))).failure).toBe(FAILURES.timeout);
    expect((await stunProbe(LO, await closedUdpPort(), opts(1000))).failure).toBe(FAILURES.refused);
  });

  it('a success without a well-formed mapped address is not a success', () => {
    const txid = Buffer.alloc(12, 7);
    const ok = stunAnswer(stunBindingRequest(txid), { address: '192.0.2.9', port: 4000 }) as Buffer;
    expect(parseStunAnswer(ok, txid)).toEqual({ success: true, mappedFamily: 'ipv4' });
    const bad = Buffer.from(ok);
    bad.writeUInt16BE(4, 22); // attribute length too short for an IPv4 address
    expect(parseStunAnswer(bad, txid)).toBeNull();
  });

  it('resends: the first datagram lost is not a failure', async () => {
    let n = 0;
    const { port } = await udpServer((m, r) => (n++ === 0 ? null : stunAnswer(m, r)));
    const p = await stunProbe(LO, port, opts(2500));
    expect(p.failure).toBeNull();
  });
});

describe('quic_ping', () => {
  it('a Version Negotiation echoing our connection IDs proves QUIC reaches the server', async () => {
    const srv = await udpServer(versionNegotiation);
    const p = await quicPingProbe(LO, srv.port, opts());
    expect(p.failure).toBeNull();
    expect(p.versions).toEqual([1, 0x6b3343cf]);
    expect(srv.seen[0]?.length).toBe(1200);
    expect(srv.seen[0]?.readUInt32BE(1)).toBe(0xbabababa);
  });

  it('a negotiation naming other connection IDs is not ours', async () => {
    const srv = await udpServer((m) => {
      const vn = versionNegotiation(m);
      if (vn) vn[6] = (vn[6] ?? 0) ^ 1;
      return vn;
    });
    expect((await quicPingProbe(LO, srv.port, opts(400))).failure).toBe(FAILURES.unexpectedAnswer);
  });
});

describe('ech', () => {
  it('a TLS server answers both ClientHellos with a ServerHello', async () => {
    const port = await tlsServer(leaf.cert, leaf.key);
    for (const variant of ['control', 'grease_ech'] as const) {
      const p = await echProbe(LO, port, 'cdn.test', variant, opts());
      expect(p.reply, variant).toBe('server_hello');
      expect(p.failure).toBeNull();
    }
  });

  it('behind a box that resets ClientHellos with ECH, only the ECH one fails', async () => {
    const port = await middlebox(await tlsServer(leaf.cert, leaf.key), hasEchExtension);
    const control = await echProbe(LO, port, 'cdn.test', 'control', opts());
    const ech = await echProbe(LO, port, 'cdn.test', 'grease_ech', opts());
    expect(control.failure).toBeNull();
    expect(ech.failure).toBe(FAILURES.reset);
    expect(ech.reply).toBe('none');
  });

  it('the ClientHello carries the extension only when asked, and the name in clear', () => {
    expect(hasEchExtension(clientHello('cdn.test', true))).toBe(true);
    expect(hasEchExtension(clientHello('cdn.test', false))).toBe(false);
    expect(clientHello('cdn.test', false).includes(Buffer.from('cdn.test'))).toBe(true);
  });
});

describe('openvpn', () => {
  it('UDP and TCP: the server hard reset acknowledging our session', async () => {
    const udp = await udpServer(openvpnServerReset);
    const u = await openvpnResetProbe(LO, udp.port, 'udp', opts());
    expect(u.failure).toBeNull();
    expect(u.serverSession).toBe(true);
    const tcpPort = await tcpServer((d, sock) => {
      const reply = openvpnServerReset(d.subarray(2));
      if (reply) sock.write(Buffer.concat([Buffer.from([0, reply.length]), reply]));
    });
    const t = await openvpnResetProbe(LO, tcpPort, 'tcp', opts());
    expect(t.failure).toBeNull();
    expect(t.detail).toMatch(/acknowledging our session/);
  });

  it('a server that drops it (tls-auth, or a filter) gives no answer', async () => {
    const udp = await udpServer(() => null);
    const u = await openvpnResetProbe(LO, udp.port, 'udp', opts(300));
    expect(u.failure).toBe(FAILURES.timeout);
    expect(u.serverSession).toBe(false);
  });
});

describe('tor_or and tls', () => {
  it('a relay: the handshake completes against a self-signed certificate, which is recorded', async () => {
    const port = await tlsServer(relay.cert, relay.key);
    const p = await tlsHandshakeProbe(LO, port, null, 'tor_or', { ...opts(), trust: publicTrustStore() });
    expect(p.failure).toBeNull();
    expect(p.tlsVersion).toMatch(/TLS/);
    expect(p.certificate?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.chainTrusted).toBeNull();
  });

  it('a TLS server that is not a relay (a transparent proxy answering every address) is no answer from a relay', async () => {
    const port = await tlsServer(leaf.cert, leaf.key);
    const p = await tlsHandshakeProbe(LO, port, null, 'tor_or', { ...opts(), trust: publicTrustStore() });
    expect(p.failure).toBe(FAILURES.unexpectedAnswer);
    expect(p.detail).toMatch(/not a Tor relay's \(CN=resolver\.test\)/);
    expect(isRelayShaped('CN=www.abcdefghij.net', 'CN=www.zyxwvutsrqp.com')).toBe(true);
    expect(isRelayShaped('CN=sandboxing-tproxy-egress', 'CN=sandboxing-egress-ca')).toBe(false);
  });

  it('a TLS endpoint: the chain is recorded against the trust store', async () => {
    const port = await tlsServer(leaf.cert, leaf.key);
    const p = await tlsHandshakeProbe(LO, port, 'front.test', 'tls', { ...opts(), trust: pinnedTrustStore([root.cert], false) });
    expect(p.failure).toBeNull();
    expect(p.chainTrusted).toBe(true);
  });

  it('a private way: the address and the certificate names are not recorded', async () => {
    const port = await tlsServer(relay.cert, relay.key);
    const p = await tlsHandshakeProbe(LO, port, null, 'tor_or', { ...opts(), trust: publicTrustStore(), private: true, label: 'bridge-1a2b3c4d' });
    expect(p.ip).toBe(PRIVATE_ADDRESS);
    expect(p.endpoint).toBe('bridge-1a2b3c4d');
    expect(JSON.stringify(p)).not.toContain(LO);
    expect(JSON.stringify(p)).not.toContain('abcdefghij');
    expect(p.certificate).toBeNull(); // its hash would identify the bridge in internet-wide scans
  });

  it('a port that resets after the ClientHello fails the handshake', async () => {
    const port = await tcpServer((_d, sock) => sock.resetAndDestroy());
    const p = await tlsHandshakeProbe(LO, port, null, 'tor_or', { ...opts(), trust: publicTrustStore() });
    expect(p.failure).toBe(FAILURES.reset);
  });
});

describe('tor_dir', () => {
  it('a 200 with a body from the consensus path is an answer; only the first bytes are read', async () => {
    let asked = '';
    const port = await tcpServer((d, sock) => {
      asked = d.toString('latin1').split('\r\n')[0] ?? '';
      sock.write('HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n');
      sock.write(Buffer.alloc(100_000, 0x78));
    });
    const p = await torDirProbe(LO, port, opts());
    expect(asked).toBe(`GET ${TOR_CONSENSUS_PATH} HTTP/1.0`);
    expect(p.failure).toBeNull();
    expect(p.status).toBe(200);
    expect(p.bytes).toBeLessThan(70_000);
  });

  it('a 404 is an answer from something, not a directory', async () => {
    const port = await tcpServer((_d, sock) => sock.end('HTTP/1.0 404 Not found\r\n\r\n'));
    const p = await torDirProbe(LO, port, opts());
    expect(p.failure).toBe(FAILURES.unexpectedAnswer);
    expect(p.status).toBe(404);
  });
});

describe('tcp', () => {
  it('a listening port accepts; a closed one refuses', async () => {
    const port = await tcpServer(() => {});
    expect((await tcpConnectProbe(LO, port, opts())).failure).toBeNull();
    const s = (await import('node:net')).createServer();
    const closed = await listen(s);
    s.close();
    expect((await tcpConnectProbe(LO, closed, opts())).failure).toBe(FAILURES.refused);
  });
});

function dnsReply(query: Buffer): Buffer {
  const q = dnsPacket.decode(query);
  return dnsPacket.encode({ type: 'response', id: q.id, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE, questions: q.questions, answers: [{ type: 'A', name: q.questions?.[0]?.name ?? '', ttl: 60, data: '192.0.2.80' }] });
}

describe('resolver', () => {
  const target = { query: 'example.org' };
  it('UDP and TCP resolvers answer through tekser\'s own DNS code', async () => {
    const udp = await udpServer((m) => dnsReply(m));
    const u = await dnsResolverProbe(LO, udp.port, { kind: 'udp', ...target }, { ...opts(), trust: publicTrustStore() });
    expect(u.failure).toBeNull();
    expect(u.answers).toEqual(['192.0.2.80']);
    const tcp = await tcpServer((d, sock) => {
      const r = dnsReply(d.subarray(2));
      sock.write(Buffer.concat([Buffer.from([r.length >> 8, r.length & 0xff]), r]));
    });
    const t = await dnsResolverProbe(LO, tcp, { kind: 'tcp', ...target }, { ...opts(), trust: publicTrustStore() });
    expect(t.answers).toEqual(['192.0.2.80']);
  });

  it('DoT: one length-prefixed query over TLS, the chain checked for the resolver name', async () => {
    const port = await tlsServer(leaf.cert, leaf.key, (d, sock) => {
      const r = dnsReply(d.subarray(2));
      sock.write(Buffer.concat([Buffer.from([r.length >> 8, r.length & 0xff]), r]));
    });
    const trust = pinnedTrustStore([root.cert], false);
    const p = await dnsResolverProbe(LO, port, { kind: 'dot', serverName: 'resolver.test', ...target }, { ...opts(), trust });
    expect(p.failure).toBeNull();
    expect(p.chainTrusted).toBe(true);
    expect(p.answers).toEqual(['192.0.2.80']);
    const wrongName = await dnsResolverProbe(LO, port, { kind: 'dot', serverName: 'other.test', ...target }, { ...opts(), trust });
    expect(wrongName.failure).toBe(FAILURES.invalidHostname);
  });

  it('DoH: a GET with ?dns=, a chunked answer decoded', async () => {
    const server = createHttpsServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
      const q = Buffer.from(new URL(req.url ?? '', 'https://x').searchParams.get('dns') ?? '', 'base64url');
      res.setHeader('content-type', 'application/dns-message');
      res.write(dnsReply(q)); // no length: chunked
      res.end();
    });
    const port = await listen(server as unknown as Server);
    const p = await dnsResolverProbe(LO, port, { kind: 'doh', serverName: 'resolver.test', ...target }, { ...opts(), trust: pinnedTrustStore([root.cert], false) });
    expect(p.failure).toBeNull();
    expect(p.answers).toEqual(['192.0.2.80']);
    expect(httpBody(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 3\r\n\r\nab'))).toBeNull();
  });

  it('an untrusted chain is not a working DoH resolver (it may be an interceptor)', async () => {
    const server = createHttpsServer({ cert: leaf.cert, key: leaf.key }, (_req, res) => res.end());
    const port = await listen(server as unknown as Server);
    const p = await dnsResolverProbe(LO, port, { kind: 'doh', serverName: 'resolver.test', ...target }, { ...opts(), trust: publicTrustStore() });
    expect(p.failure).toBe(FAILURES.unknownAuthority);
    expect(p.chainTrusted).toBe(false);
  });
});

describe('rendezvous', () => {
  it('domain fronting: SNI the front, Host the broker; the broker answers 2xx', async () => {
    const server = createHttpsServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
      res.statusCode = req.headers.host === 'broker.test' ? 200 : 421;
      res.end('ok');
    });
    const port = await listen(server as unknown as Server);
    const trust = pinnedTrustStore([root.cert], false);
    const p = await rendezvousProbe(LO, port, { method: 'domain_fronting', serverName: 'front.test', hostHeader: 'broker.test', path: '/' }, { ...opts(), trust });
    expect(p.failure).toBeNull();
    expect(p.status).toBe(200);
    const wrong = await rendezvousProbe(LO, port, { method: 'domain_fronting', serverName: 'front.test', hostHeader: 'elsewhere.test', path: '/' }, { ...opts(), trust });
    expect(wrong.status).toBe(421);
    expect(wrong.failure).toBe(FAILURES.unexpectedAnswer);
  });
});

describe('echo pairs', () => {
  it('the shaped payloads have their protocols\' sizes; the random twin matches and does not start like them', async () => {
    expect(shapedSize('wireguard', 'udp')).toBe(WIREGUARD_INITIATION_SIZE);
    expect(shapedSize('openvpn', 'udp')).toBe(14);
    expect(shapedSize('openvpn', 'tcp')).toBe(16);
  });

  it('UDP: a filter that drops WireGuard initiations loses the shaped one only', async () => {
    const srv = await udpServer((m) => (m.length === 148 && m[0] === 1 && m.readUInt16BE(1) === 0 ? null : m));
    const shaped = await echoProbe(LO, srv.port, 'udp', 'wireguard', 148, opts(400));
    const random = await echoProbe(LO, srv.port, 'udp', 'random', 148, opts(400));
    expect(shaped.failure).toBe(FAILURES.timeout);
    expect(random.failure).toBeNull();
    expect(random.echoed).toBe(148);
    expect(random.sent).toBe(148);
  });

  it('TCP: an echo of the OpenVPN reset frame', async () => {
    const port = await tcpServer((d, sock) => sock.write(d));
    const p = await echoProbe(LO, port, 'tcp', 'openvpn', 16, opts());
    expect(p.failure).toBeNull();
    expect(p.echoed).toBe(16);
  });
});
