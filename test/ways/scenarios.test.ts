import { createSocket } from 'node:dgram';
import { afterAll, describe, expect, it } from 'vitest';
import { startEchoService, type EchoService } from '../../src/helper/echo.ts';
import { measureWays } from '../../src/measure/ways.ts';
import { analyzeWays } from '../../src/analyze/ways/index.ts';
import { waysOutFinding } from '../../src/findings/ways-out.ts';
import { echoWays } from '../../src/lists/ways.ts';
import { publicTrustStore } from '../../src/net/tls.ts';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:net';
import { createRequire } from 'node:module';
import type * as DnsPacket from 'dns-packet';
import { pinnedTrustStore } from '../../src/net/tls.ts';
import { hasEchExtension } from '../../src/net/checks/ech.ts';
import type { WayPlan } from '../../src/model/check.ts';
import { TestPki } from '../helpers/pki.ts';
import { closeAll, listen, LO, middlebox, tcpServer, tlsServer, udpServer } from './servers.ts';

const dnsPacket = createRequire(import.meta.url)('dns-packet') as typeof DnsPacket;

/**
 * Scenarios on loopback, measure → analyze → finding, as a person would read them. The "network" is
 * which loopback ports answer: the helper's echo service on the holes, servers that never answer
 * elsewhere, and a UDP box in front of the echo that drops WireGuard-shaped datagrams.
 */
const services: EchoService[] = [];
afterAll(async () => {
  closeAll();
  await Promise.all(services.map((s) => s.close()));
});

/** A UDP relay to `port` that drops WireGuard handshake initiations (type 1, 148 bytes), as Russia's filters did. */
async function wireguardFilter(port: number): Promise<number> {
  const upstream = createSocket('udp4');
  await new Promise<void>((r) => upstream.bind(0, LO, r));
  let client: { address: string; port: number } | null = null;
  upstream.on('message', (m) => client && front.sock.send(m, client.port, client.address));
  const front = { sock: createSocket('udp4') };
  front.sock.on('message', (m, rinfo) => {
    if (m.length === 148 && m[0] === 1) return;
    client = rinfo;
    upstream.send(m, port, LO);
  });
  await new Promise<void>((r) => front.sock.bind(0, LO, r));
  services.push({ ports: [], close: async () => { upstream.close(); front.sock.close(); } });
  return front.sock.address().port;
}

describe('scenarios: what still works', () => {
  it('January 2022 in Kazakhstan: everything dropped but a few TCP ports and UDP 3478-like; WireGuard dropped by signature', async () => {
    const echo = await startEchoService([{ transport: 'tcp', port: 0 }, { transport: 'tcp', port: 0 }, { transport: 'udp', port: 0 }], { host: LO });
    services.push(echo);
    const [t1, t2, u1] = echo.ports.map((p) => p.port) as [number, number, number];
    const silentTcp = await tcpServer(() => {}); // "TCP 443": connects on loopback, never echoes: a drop after the handshake
    const silentUdp = (await udpServer(() => null)).port;
    const filtered = await wireguardFilter(u1);
    const plans = [
      ...echoWays(LO, [{ transport: 'tcp', port: t1 }, { transport: 'tcp', port: t2 }, { transport: 'udp', port: u1 }, { transport: 'tcp', port: silentTcp }, { transport: 'udp', port: silentUdp }]).filter((w) => w.kind === 'port'),
      ...echoWays(LO, [{ transport: 'udp', port: filtered }]).filter((w) => w.id.startsWith('wireguard')),
    ];
    const verdicts = analyzeWays(await measureWays(plans, { trust: publicTrustStore(), dialLoopback: true, timeoutMs: 600 }));
    const f = waysOutFinding(verdicts);
    const [lo, hi] = [Math.min(t1, t2), Math.max(t1, t2)];
    expect(f?.title).toBe(`What still works: TCP ${lo} and ${hi} and UDP ${u1} reach outside; TCP ${silentTcp} and UDP ${silentUdp} do not.`);
    expect(f?.details).toContain(`Blocked: WireGuard on UDP ${filtered}: blocked by its packet signature (a WireGuard-shaped packet to UDP ${filtered} is dropped, random bytes of the same size get through)`);
  });

  it('a network that drops everything: one line, "nothing tried reaches outside"', async () => {
    const silentUdp = (await udpServer(() => null)).port;
    const silentTcp = await tcpServer(() => {});
    const plans = echoWays(LO, [{ transport: 'tcp', port: silentTcp }, { transport: 'udp', port: silentUdp }]);
    const verdicts = analyzeWays(await measureWays(plans, { trust: publicTrustStore(), dialLoopback: true, timeoutMs: 300 }));
    expect(waysOutFinding(verdicts)?.title).toBe(`Nothing tried reaches outside: none of ${plans.length} way(s) out answered.`);
  });
});

describe('scenarios: fronts, resolvers and ECH', () => {
  it('the Snowflake front blocked by SNI while the AMP cache works; DoT dropped while DoH works; ClientHellos with ECH dropped', async () => {
    const pki = new TestPki();
    const root = pki.root('root', '/CN=Scenario Root');
    const leaf = pki.issue('leaf', '/CN=cdn.test', root, { names: ['front.test', 'other.test', 'amp.test', 'resolver.test', 'ech.test'] });
    const trust = pinnedTrustStore([root.cert], false);
    // One HTTPS server answers every name; an SNI box in front resets ClientHellos naming front.test.
    const https = createHttpsServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
      const q = new URL(req.url ?? '/', 'https://x').searchParams.get('dns');
      if (q) {
        const d = dnsPacket.decode(Buffer.from(q, 'base64url'));
        res.setHeader('content-type', 'application/dns-message');
        return void res.end(dnsPacket.encode({ type: 'response', id: d.id, questions: d.questions, answers: [{ type: 'A', name: d.questions?.[0]?.name ?? '', ttl: 60, data: '192.0.2.80' }] }));
      }
      res.end('ok');
    });
    const httpsPort = await listen(https as unknown as Server);
    const sniBox = await middlebox(httpsPort, (hello) => hello.includes(Buffer.from('front.test')));
    const echBox = await middlebox(await tlsServer(leaf.cert, leaf.key), hasEchExtension);
    const dotDropped = await tcpServer(() => {}); // connects, never answers: 853 dropped after the handshake
    const way = (id: string, kind: WayPlan['kind'], title: string, probes: WayPlan['probes']): WayPlan => ({ id, kind, title, private: false, pluggableTransport: null, probes });
    const plans: WayPlan[] = [
      way('sf-front', 'snowflake', 'Snowflake: the CDN-front rendezvous', [
        { check: 'rendezvous', host: LO, port: sniBox, transport: 'tcp', method: 'domain_fronting', serverName: 'front.test', hostHeader: 'broker.test', path: '/' },
        { check: 'tls', host: LO, port: sniBox, transport: 'tcp', serverName: 'other.test', variant: 'control' },
      ]),
      way('sf-amp', 'snowflake', 'Snowflake: the AMP-cache rendezvous', [{ check: 'rendezvous', host: LO, port: sniBox, transport: 'tcp', method: 'amp_cache', serverName: 'amp.test', hostHeader: 'amp.test', path: '/c/s/broker.test/' }]),
      way('doh', 'dns', 'DNS over HTTPS to resolver.test', [{ check: 'resolver', host: LO, port: httpsPort, transport: 'tcp', resolver: 'doh', serverName: 'resolver.test', path: '/dns-query', query: 'example.org' }]),
      way('dot', 'dns', 'DNS over TLS to resolver.test', [{ check: 'resolver', host: LO, port: dotDropped, transport: 'tcp', resolver: 'dot', serverName: 'resolver.test', query: 'example.org' }]),
      way('ech', 'ech', 'TLS with Encrypted Client Hello', [
        { check: 'ech', host: LO, port: echBox, transport: 'tcp', serverName: 'ech.test', variant: 'control' },
        { check: 'ech', host: LO, port: echBox, transport: 'tcp', serverName: 'ech.test', variant: 'grease_ech' },
      ]),
    ];
    const verdicts = analyzeWays(await measureWays(plans, { trust, dialLoopback: true, timeoutMs: 700 }));
    const f = waysOutFinding(verdicts);
    expect(f?.title).toBe('What still works: Snowflake: the AMP-cache rendezvous answers; the CDN-front rendezvous is blocked by SNI (the WebRTC path to the proxies themselves was not tried); DNS over HTTPS to resolver.test works: use it to get around DNS blocking.');
    expect(f?.details).toContain('Blocked: TLS with Encrypted Client Hello: ClientHellos with ECH are dropped (outer name ech.test: connection_reset), the same without ECH get through');
    expect(f?.details).toContain('No answer from here (blocked, or down: not proven): DNS over TLS to resolver.test');
  });
});
