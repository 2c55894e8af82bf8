import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPki } from '../../test/helpers/pki.ts';
// @ts-expect-error plain JavaScript shared with the network lab
import { startDnsServer } from '../../test/servers/servers.mjs';
import { parseResolver } from '../net/dns.ts';
import { publicTrustStore } from '../net/tls.ts';
import { RttTracker } from '../net/rtt.ts';
import { controlDispatcher, DEFAULT_TIMEOUTS, type MeasureContext } from './context.ts';
import { measureWeb } from './web.ts';

let server: Server;
let port = 0;
let tlsConnections = 0;
let dns: { port: number; close: () => Promise<unknown> };
let closedPort = 0;
let ctx: MeasureContext;

beforeAll(async () => {
  const pki = new TestPki();
  const root = pki.root('root', '/CN=tekser web test root');
  const leaf = pki.issue('leaf', '/CN=site.test', root, { names: ['site.test', '127.0.0.1'] });
  server = createServer({ cert: leaf.cert, key: leaf.key }, (_q, res) => res.end('<title>Site</title>'));
  server.on('secureConnection', () => tlsConnections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  dns = await startDnsServer({ host: '127.0.0.1', zone: { 'site.test': { A: ['127.0.0.1'], AAAA: [] } } });
  const tmp = createServer();
  await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
  closedPort = (tmp.address() as { port: number }).port;
  await new Promise((r) => tmp.close(r));
  const trust = publicTrustStore([root.cert]);
  const timeouts = { ...DEFAULT_TIMEOUTS, dnsMs: 1500, tcpMs: 1500, tlsMs: 1500, httpMs: 2000 };
  ctx = {
    localResolver: parseResolver(`udp://127.0.0.1:${dns.port}`),
    // The control is unreachable: nothing listens there.
    controlResolvers: [parseResolver(`https://127.0.0.1:${closedPort}/dns-query`)],
    trust,
    extraCaPems: [root.cert],
    timeouts,
    helperUrl: null,
    dispatcher: controlDispatcher(trust, timeouts),
    bodyLimit: 65536,
    dnsLingerMs: 50,
    dialLoopback: true,
    retries: 2,
    harmlessSni: 'harmless.test',
    sniProbeHost: null,
    interceptionCas: [],
    rtt: new RttTracker(),
  };
}, 60_000);
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await dns.close();
  await ctx.dispatcher.close();
});

describe('web measurement', () => {
  it('one TLS handshake per target: the page is fetched over the connection whose handshake was measured', async () => {
    const before = tlsConnections;
    const m = await measureWeb({ kind: 'web', url: `https://127.0.0.1:${port}/`, category: null, source: 'test' }, ctx);
    expect(m.http[0]).toMatchObject({ status: 200, title: 'Site' });
    expect(m.http[0]?.tls).toBe(m.tls[0]);
    expect(tlsConnections - before).toBe(1);
  });

  it('every step is measured even when the control is unreachable (no short-circuit), and the connect timeout is recorded', async () => {
    const m = await measureWeb({ kind: 'web', url: `https://site.test:${port}/`, category: null, source: 'test' }, ctx);
    expect(m.dns.control.every((o) => o.failure === 'connection_refused')).toBe(true);
    expect(m.tcp[0]).toMatchObject({ failure: null, timeoutMs: 1500 });
    expect(m.tls[0]?.failure).toBeNull();
    expect(m.http[0]?.status).toBe(200);
  });
});
