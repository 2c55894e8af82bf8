import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { createHelperServer } from '../src/helper/server.ts';
import { controlDispatcher, DEFAULT_TIMEOUTS, type MeasureContext } from '../src/measure/context.ts';
import { measureTarget } from '../src/pipeline.ts';
import { startClock } from '../src/net/clock.ts';
import { queryDoh, queryUdp, parseResolver } from '../src/net/dns.ts';
import { publicTrustStore } from '../src/net/tls.ts';
import { runDocumentSchema } from '../src/model/run.ts';
import { TestPki, type KeyPair } from './helpers/pki.ts';
// @ts-expect-error plain JavaScript shared with the network lab
import { startDnsServer, startDohServer, startWebServer } from './servers/servers.mjs';

type Closable = { port: number; close: () => Promise<unknown> };
const LO = '127.0.0.1';
const servers: Closable[] = [];
let root: KeyPair;
let selfSigned: KeyPair;
let ports: Record<string, number> = {};
let dohUrl = '';
let udpResolver = '';
let helperUrl = '';
let helperClose: () => void = () => {};
const zone: Record<string, unknown> = {};

const KZ_BLOCKPAGE = '<html><head><title>Доступ ограничен</title></head><body><h1>Страница заблокирована</h1></body></html>';

function context(over: Partial<MeasureContext> = {}, extraCa: string[] = []): MeasureContext {
  const trust = publicTrustStore([root.cert, ...extraCa]);
  const timeouts = { ...DEFAULT_TIMEOUTS, dnsMs: 1500, tcpMs: 1500, tlsMs: 1500, httpMs: 2000, targetMs: 15_000, helperMs: 10_000 };
  return {
    localResolver: parseResolver(udpResolver),
    controlResolvers: [parseResolver(dohUrl)],
    trust,
    extraCaPems: [root.cert, ...extraCa],
    timeouts,
    helperUrl: null,
    dispatcher: controlDispatcher(trust, timeouts),
    bodyLimit: 512 * 1024,
    dnsLingerMs: 100,
    dialLoopback: true,
    retries: 1,
    harmlessSni: 'harmless.test',
    sniProbeHost: null,
    interceptionCas: [],
    ...over,
  };
}
const web = (url: string) => ({ kind: 'web' as const, url, category: null, source: 'test' });

beforeAll(async () => {
  const pki = new TestPki();
  root = pki.root('root', '/CN=tekser test root');
  const names = ['ok.test', 'reset.test', 'silent.test', 'redir.test', 'down.test', 'nx.test', 'inject.test', LO];
  const leaf = pki.issue('leaf', '/CN=tekser test leaf', root, { names });
  selfSigned = pki.selfSigned('selfsigned', ['selfsigned.test']);

  const add = async <T extends Closable>(name: string, p: Promise<T>): Promise<T> => {
    const s = await p;
    servers.push(s);
    ports[name] = s.port;
    return s;
  };
  await add('ok', startWebServer({ host: LO, tls: leaf, sites: { 'ok.test': { title: 'OK Site' } } }));
  await add('plain', startWebServer({ host: LO, sites: { 'plain.test': { title: 'Plain Site' } } }));
  await add('reset', startWebServer({ host: LO, mode: 'reset' }));
  await add('silent', startWebServer({ host: LO, mode: 'silent' }));
  await add('selfsigned', startWebServer({ host: LO, tls: selfSigned, sites: { 'selfsigned.test': { title: 'Self' } } }));
  await add('blockpage', startWebServer({ host: LO, mode: 'blockpage', blockpage: KZ_BLOCKPAGE }));
  await add('redir', startWebServer({ host: LO, tls: leaf, sites: { 'redir.test': { status: 302, headers: { location: 'placeholder' } } } }));
  // A port with nothing listening: find one by opening and closing a server.
  const tmp = await startWebServer({ host: LO });
  ports.closed = tmp.port;
  await tmp.close();

  for (const n of ['ok.test', 'plain.test', 'reset.test', 'silent.test', 'selfsigned.test', 'blocked.test', 'redir.test', 'down.test', 'inject.test']) {
    zone[n] = { A: [LO], AAAA: [] };
  }
  const controlZone = { ...zone, 'nx.test': { A: [LO], AAAA: [] } };
  const localZone = { ...zone, 'nx.test': 'NXDOMAIN' };
  const doh = await add('doh', startDohServer({ host: LO, cert: leaf.cert, key: leaf.key, zone: controlZone }));
  dohUrl = `https://${LO}:${doh.port}/dns-query`;
  const big = Array.from({ length: 80 }, (_, i) => `127.0.1.${i + 1}`);
  const udp = await add('udp', startDnsServer({ host: LO, zone: { ...localZone, 'big.test': { A: big, AAAA: [] } }, inject: { 'inject.test': ['127.0.0.9'] }, truncate: ['big.test'] }));
  udpResolver = `udp://${LO}:${udp.port}`;

  const helper = createHelperServer({ resolver: parseResolver(dohUrl), trust: publicTrustStore([root.cert]), connectTimeoutMs: 1500, httpTimeoutMs: 2000, dialLoopback: true });
  await new Promise<void>((r) => helper.listen(0, LO, () => r()));
  helperUrl = `http://${LO}:${(helper.address() as { port: number }).port}/`;
  helperClose = () => {
    helper.closeAllConnections();
    helper.close();
  };
}, 60_000);

afterAll(async () => {
  helperClose();
  await Promise.all(servers.map((s) => s.close()));
});

describe('engine on loopback: real primitives, real servers', () => {
  it('DNS primitives: UDP and DoH answer from the zones the test controls', async () => {
    const clock = startClock();
    const udp = await queryUdp(LO, Number(udpResolver.split(':').pop()), 'ok.test', 'A', { clock, timeoutMs: 1500, lingerMs: 50 });
    expect(udp).toMatchObject({ engine: 'udp', failure: null, answers: [{ type: 'A', value: LO }] });
    const nx = await queryUdp(LO, Number(udpResolver.split(':').pop()), 'nx.test', 'A', { clock, timeoutMs: 1500, lingerMs: 50 });
    expect(nx).toMatchObject({ failure: 'dns_nxdomain_error', rcode: 'NXDOMAIN' });
    const ctx = context();
    const doh = await queryDoh(dohUrl, 'nx.test', 'A', { clock, timeoutMs: 1500, dispatcher: ctx.dispatcher });
    expect(doh).toMatchObject({ engine: 'doh', failure: null, answers: [{ value: LO }] });
    await ctx.dispatcher.close();
  });

  it('DNS over UDP: a truncated reply is retried over TCP, and that is recorded', async () => {
    const clock = startClock();
    const r = await queryUdp(LO, Number(udpResolver.split(':').pop()), 'big.test', 'A', { clock, timeoutMs: 1500, lingerMs: 50 });
    expect(r).toMatchObject({ engine: 'udp', retriedOverTcp: true, failure: null });
    expect(r.answers).toHaveLength(80);
  });

  it('accessible: an HTTPS site with a certificate from a root given as --ca-file', async () => {
    const r = await measureTarget(web(`https://ok.test:${ports.ok}/`), context());
    expect(r.verdict).toMatchObject({ status: 'accessible', dnsConsistency: 'consistent' });
    expect(r.measurement.http[0]).toMatchObject({ status: 200, title: 'OK Site' });
    expect(r.measurement.tls[0]?.peerCertificates[0]?.issuer).toContain('tekser test root');
  });

  it('tls: a server that resets right after the ClientHello is inconclusive, not blocked: a harmless SNI fails there too (#12)', async () => {
    const r = await measureTarget(web(`https://reset.test:${ports.reset}/`), context());
    expect(r.verdict).toMatchObject({ status: 'inconclusive', method: null });
    expect(r.verdict.reason).toMatch(/handshake for reset\.test fails \(connection_reset\)/);
    expect(r.measurement.tls[0]?.failure).toBe('connection_reset');
    expect(r.measurement.tcp[0]?.failure).toBeNull();
  });

  it('tls: a server that never answers the ClientHello (the 2023 Kazakh pattern, but also a dead server): inconclusive without the SNI proof or a helper (#12)', async () => {
    const r = await measureTarget(web(`https://silent.test:${ports.silent}/`), context());
    expect(r.verdict).toMatchObject({ status: 'inconclusive', method: null });
    expect(r.measurement.tls[0]?.failure).toBe('generic_timeout_error');
  });

  it('a self-signed leaf alone is inconclusive, the class named: a misconfigured site as often as a crude interceptor (#12)', async () => {
    const r = await measureTarget(web(`https://selfsigned.test:${ports.selfsigned}/`), context());
    expect(r.verdict).toMatchObject({ status: 'inconclusive', method: null });
    expect(r.verdict.reason).toMatch(/a self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT/);
    expect(r.measurement.tls[0]?.chainError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('the same self-signed server is accessible once the user trusts it with --ca-file', async () => {
    const r = await measureTarget(web(`https://selfsigned.test:${ports.selfsigned}/`), context({}, [selfSigned.cert]));
    expect(r.verdict.status).toBe('accessible');
  });

  it('http-diff: a server answering with a Kazakh block page', async () => {
    const r = await measureTarget(web(`http://blocked.test:${ports.blockpage}/`), context());
    expect(r.verdict).toMatchObject({ status: 'blocked', method: 'http-diff' });
    expect(r.verdict.blockpage?.fingerprint).toBe('d_corp_kz_ps');
  });

  it('dns: NXDOMAIN from the resolver under test while the DoH control resolves the name', async () => {
    const r = await measureTarget(web(`https://nx.test:${ports.ok}/`), context());
    expect(r.verdict).toMatchObject({ status: 'blocked', method: 'dns', dnsConsistency: 'inconsistent' });
  });

  it('dns: a forged UDP reply followed by the real one is caught as injection', async () => {
    const r = await measureTarget(web(`https://inject.test:${ports.ok}/`), context());
    expect(r.verdict).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(r.measurement.dns.local.find((o) => o.queryType === 'A')?.lateAnswers?.[0]?.[0]?.value).toBe(LO);
  });

  it('accessible, same page as the control helper (plain HTTP)', async () => {
    const r = await measureTarget(web(`http://plain.test:${ports.plain}/`), context({ helperUrl }));
    expect(r.verdict).toMatchObject({ status: 'accessible' });
    expect(r.verdict.httpComparison?.samePage).toBe(true);
  });

  it('down: nothing listens, from here and from the control helper', async () => {
    const r = await measureTarget(web(`https://down.test:${ports.closed}/`), context({ helperUrl }));
    expect(r.verdict).toMatchObject({ status: 'down' });
    expect(r.measurement.tcp[0]?.failure).toBe('connection_refused');
  });

  it('follows redirects by hand and keeps every hop', async () => {
    // Point the redirect at the OK site now that its port is known.
    const target = `https://redir.test:${ports.redir}/`;
    const ctx = context();
    const s = await startWebServer({ host: LO, tls: { cert: root.cert, key: root.key } });
    await s.close();
    const redirServer = servers.find((x) => x.port === ports.redir);
    await redirServer?.close();
    const leafPki = new TestPki();
    const r2 = leafPki.issue('l', '/CN=l', root, { names: ['redir.test', 'ok.test'] });
    const again = await startWebServer({ host: LO, port: ports.redir, tls: r2, sites: { 'redir.test': { status: 302, headers: { location: `https://ok.test:${ports.ok}/` } } } });
    servers.push(again);
    const r = await measureTarget(web(target), ctx);
    expect(r.measurement.http.map((h) => h.status)).toEqual([302, 200]);
    expect(r.verdict.status).toBe('accessible');
  });

  it('inconclusive, not blocked, when the control resolver is unreachable', async () => {
    const r = await measureTarget(web(`https://silent.test:${ports.silent}/`), context({ controlResolvers: [parseResolver(`https://${LO}:${ports.closed}/dns-query`)] }));
    expect(r.verdict.status).toBe('inconclusive');
    expect(r.verdict.reason).toMatch(/Control unreachable \(connection_refused\)/);
  });

  it('tekser run (in-process) writes a JSON document that validates against the exported schema', async () => {
    const dir = new TestPki().dir;
    const caFile = join(dir, 'root.pem');
    writeFileSync(caFile, root.cert);
    const io = memoryIO();
    const code = await runCli(['node', 'tekser', 'run', '--no-save', `https://${LO}:${ports.ok}/`, `https://${LO}:${ports.reset}/`, `http://${LO}:${ports.blockpage}/`, '--ca-file', caFile, '--format', 'json', '--control-resolver', dohUrl, '--tls-timeout', '1.5'], io);
    expect(code).toBe(0);
    const doc = runDocumentSchema.parse(JSON.parse(io.out.join('')));
    expect(doc.summary).toMatchObject({ total: 3, accessible: 1, blocked: 1, inconclusive: 1 });
    // The document is streamed: results in the order they finished.
    expect(Object.fromEntries(doc.results.map((r) => [r.target.url, [r.verdict.status, r.verdict.method]]))).toEqual({
      [`https://${LO}:${ports.ok}/`]: ['accessible', null],
      [`https://${LO}:${ports.reset}/`]: ['inconclusive', null],
      [`http://${LO}:${ports.blockpage}/`]: ['blocked', 'http-diff'],
    });
    const failOn = await runCli(['node', 'tekser', 'run', '--no-save', `http://${LO}:${ports.blockpage}/`, '--format', 'jsonl', '--control-resolver', dohUrl, '--fail-on', 'blocked'], memoryIO());
    expect(failOn).toBe(1);
    const broken = await runCli(['node', 'tekser', 'run', '--no-save', `https://${LO}:${ports.reset}/`, '--format', 'jsonl', '--control-resolver', dohUrl, '--tls-timeout', '1', '--fail-on', 'blocked'], memoryIO());
    expect(broken).toBe(0);
  });
});
