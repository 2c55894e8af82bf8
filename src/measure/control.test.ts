import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPki, type KeyPair } from '../../test/helpers/pki.ts';
// @ts-expect-error plain JavaScript shared with the network lab
import { startDohServer } from '../../test/servers/servers.mjs';
import { isDefiniteAnswer } from '../model/values.ts';
import { startClock } from '../net/clock.ts';
import { createControlDispatcher } from '../net/dispatcher.ts';
import { parseResolver, queryDoh, resolverLabel } from '../net/dns.ts';
import { FAILURES } from '../model/failure.ts';
import { publicTrustStore } from '../net/tls.ts';
import { DEFAULT_TIMEOUTS, type MeasureContext } from './context.ts';
import { checkControl } from './control.ts';

type Closable = { port: number; close: () => Promise<unknown> };
const servers: Closable[] = [];
let root: KeyPair;
let good: Closable;
let intercepted: Closable;
const zone = { 'site.test': { A: ['192.0.2.10'], AAAA: [] }, 'example.com': { A: ['192.0.2.1'], AAAA: [] } };

beforeAll(async () => {
  const pki = new TestPki();
  root = pki.root('root', '/CN=tekser control test root');
  const leaf = pki.issue('doh', '/CN=doh.test', root, { names: ['doh.test', '127.0.0.1'] });
  const evil = pki.root('evil', '/C=KZ/CN=Qaznet Trust Network');
  const mitm = pki.issue('mitm', '/CN=doh.test', evil, { names: ['doh.test', '127.0.0.1'] });
  good = await startDohServer({ host: '127.0.0.1', cert: leaf.cert, key: leaf.key, zone });
  intercepted = await startDohServer({ host: '127.0.0.1', cert: mitm.cert + evil.cert, key: mitm.key, zone });
  servers.push(good, intercepted);
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const noLookup = async () => {
  throw new Error('no bootstrap lookup expected');
};

describe('control resolver given by name', () => {
  it('`#IP` syntax: parsed, labelled, and reached at that address with the name as SNI (no bootstrap lookup)', async () => {
    const spec = parseResolver(`https://doh.test:${good.port}/dns-query#127.0.0.1`);
    expect(spec).toEqual({ kind: 'doh', url: `https://doh.test:${good.port}/dns-query`, ip: '127.0.0.1' });
    expect(resolverLabel(spec)).toBe(`https://doh.test:${good.port}/dns-query#127.0.0.1`);
    expect(() => parseResolver('https://doh.test/dns-query#not-an-ip')).toThrow(/IP address/);
    const c = createControlDispatcher({ trust: publicTrustStore([root.cert]), connectTimeoutMs: 2000, tlsTimeoutMs: 2000, requestTimeoutMs: 2000, pinned: new Map([['doh.test', '127.0.0.1']]), bootstrap: noLookup });
    const obs = await queryDoh(spec.kind === 'doh' ? spec.url : '', 'site.test', 'A', { clock: startClock(), timeoutMs: 2000, dispatcher: c.dispatcher, handshakeFor: c.handshakeFor });
    expect(obs).toMatchObject({ failure: null, answers: [{ value: '192.0.2.10' }] });
    expect(obs.tls).toMatchObject({ serverName: 'doh.test', failure: null, chainTrusted: true });
    expect(c.bootstraps()).toEqual([]);
    await c.dispatcher.close();
  });

  it('a control name that does not resolve is a control failure, never the target`s NXDOMAIN', async () => {
    let lookups = 0;
    const c = createControlDispatcher({
      trust: publicTrustStore([root.cert]),
      connectTimeoutMs: 2000,
      tlsTimeoutMs: 2000,
      requestTimeoutMs: 2000,
      bootstrap: async (hostname, clock) => {
        lookups++;
        return { engine: 'getaddrinfo', resolver: '', hostname, queryType: 'ANY', answers: [], rcode: null, failure: FAILURES.nxdomain, t0: clock.now(), t: clock.now() };
      },
    });
    const url = `https://doh.test:${good.port}/dns-query`;
    const clock = startClock();
    const [a, b] = await Promise.all(['site.test', 'other.test'].map((h) => queryDoh(url, h, 'A', { clock, timeoutMs: 2000, dispatcher: c.dispatcher })));
    expect(a?.failure).toBe(FAILURES.controlBootstrap);
    expect(b?.failure).toBe(FAILURES.controlBootstrap);
    expect(isDefiniteAnswer(a as never)).toBe(false);
    // Resolved once for the run, and the lookup itself is evidence.
    expect(lookups).toBe(1);
    expect(c.bootstraps()).toMatchObject([{ hostname: 'doh.test', failure: FAILURES.nxdomain }]);
    await c.dispatcher.close();
  });
});

describe('the control`s own TLS chain is recorded', () => {
  it('an intercepted DoH control: ssl_unknown_authority with the interceptor`s chain on the observation', async () => {
    const c = createControlDispatcher({ trust: publicTrustStore([root.cert]), connectTimeoutMs: 2000, tlsTimeoutMs: 2000, requestTimeoutMs: 2000 });
    const obs = await queryDoh(`https://127.0.0.1:${intercepted.port}/dns-query`, 'site.test', 'A', { clock: startClock(), timeoutMs: 2000, dispatcher: c.dispatcher, handshakeFor: c.handshakeFor });
    expect(obs.failure).toBe('ssl_unknown_authority');
    expect(obs.tls?.certFailure).toBe('untrusted_root');
    expect(obs.tls?.peerCertificates.at(-1)?.subject).toContain('Qaznet Trust Network');
    await c.dispatcher.close();
  });

  it('the run-level health check asks every control and keeps each handshake', async () => {
    const trust = publicTrustStore([root.cert]);
    const c = createControlDispatcher({ trust, connectTimeoutMs: 2000, tlsTimeoutMs: 2000, requestTimeoutMs: 2000 });
    const ctx = {
      controlResolvers: [parseResolver(`https://127.0.0.1:${good.port}/dns-query`), parseResolver(`https://127.0.0.1:${intercepted.port}/dns-query`)],
      timeouts: { ...DEFAULT_TIMEOUTS, dnsMs: 2000 },
      dispatcher: c.dispatcher,
      handshakeFor: c.handshakeFor,
    } as unknown as MeasureContext;
    const check = await checkControl(ctx, c.bootstraps);
    expect(check.map((o) => [o.hostname, o.failure, o.tls?.chainTrusted])).toEqual([
      ['example.com', null, true],
      ['example.com', 'ssl_unknown_authority', false],
    ]);
    await c.dispatcher.close();
  });
});
