import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect as netConnect, createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import type { Server } from 'node:http';
import type { Server as TlsServer } from 'node:tls';
import { createHelperServer } from '../helper/server.ts';
import { createReferenceServer } from '../helper/reference.ts';
import { helperReference } from '../helper/client.ts';
import { startClock } from '../net/clock.ts';
import { publicTrustStore } from '../net/tls.ts';
import { proofOutcome } from '../findings/throttling-proof.ts';
import { lookedSlow, proveThroughput, referenceTransfer } from './throughput.ts';
import { http } from '../../test/fixtures/observations.ts';

const BYTES = 64 * 1024;
const portOf = (s: NetServer | Server | TlsServer): number => (s.address() as AddressInfo).port;
const listen = <S extends NetServer | Server | TlsServer>(s: S): Promise<S> => new Promise((r) => s.listen(0, '127.0.0.1', () => r(s)));

/**
 * A censor on loopback, in front of the reference: it reads the SNI in the first bytes and shapes
 * the answer by name: `slow.test` at 64 KB/s, `stall.test` stopped after the first 16 KB, any other
 * name untouched (the lab does the same with iptables and tc).
 */
function censor(upstreamPort: number): NetServer {
  return createNetServer((client: Socket) => {
    client.on('error', () => {});
    client.once('data', (first: Buffer) => {
      const upstream = netConnect(upstreamPort, '127.0.0.1', () => upstream.write(first));
      upstream.on('error', () => client.destroy());
      client.on('data', (d) => upstream.write(d));
      client.on('close', () => upstream.destroy());
      const name = first.includes('slow.test') ? 'slow' : first.includes('stall.test') ? 'stall' : null;
      let sent = 0;
      upstream.on('data', (d: Buffer) => {
        if (name === 'stall') {
          const part = d.subarray(0, Math.max(0, 16 * 1024 - sent));
          sent += part.length;
          if (part.length) client.write(part);
          return;
        }
        if (name !== 'slow') return void client.write(d);
        // 64 KB/s in 4 KB slices, as a token bucket paces a flow.
        upstream.pause();
        const slices = Array.from({ length: Math.ceil(d.length / 4096) }, (_, i) => d.subarray(i * 4096, (i + 1) * 4096));
        const next = (): void => {
          const slice = slices.shift();
          if (!slice) return void upstream.resume();
          client.write(slice);
          setTimeout(next, (slice.length / (64 * 1024)) * 1000);
        };
        next();
      });
      upstream.on('end', () => name !== 'stall' && client.end());
    });
  });
}

describe('the throughput reference and the proof on loopback', () => {
  let reference: TlsServer;
  let shaper: NetServer;
  let helper: Server;
  let bare: Server;
  let helperUrl = '';
  const opts = { resolver: { kind: 'system' } as const, trust: publicTrustStore([]) };
  beforeAll(async () => {
    reference = await listen(createReferenceServer({ limits: { bytes: BYTES } }));
    shaper = await listen(censor(portOf(reference)));
    // The helper says its reference is where the censor listens: the probe's path crosses it.
    helper = await listen(createHelperServer({ ...opts, reference: { port: portOf(shaper), bytes: BYTES } }));
    bare = await listen(createHelperServer(opts));
    helperUrl = `http://127.0.0.1:${portOf(helper)}/`;
  });
  afterAll(() => {
    for (const s of [reference, shaper, helper, bare]) s?.close();
  });
  const prove = (sni: string, limits = {}) =>
    proveThroughput({ helperUrl, sni, harmlessSni: 'example.org', clock: startClock(), addressOf: async () => null, limits: { stallMs: 500, transferMs: 4000, budgetMs: 20_000, ...limits } });

  it('GET /reference says where the reference is; a helper without one says it has none', async () => {
    expect(await helperReference(helperUrl, { timeoutMs: 2000 })).toEqual({ port: portOf(shaper), bytes: BYTES });
    const none = await helperReference(`http://127.0.0.1:${portOf(bare)}/`, { timeoutMs: 2000 });
    expect(none).toEqual({ problem: 'the helper serves no throughput reference (HTTP 404)' });
    const p = await proveThroughput({ helperUrl: `http://127.0.0.1:${portOf(bare)}/`, sni: 'x.test', harmlessSni: 'example.org', clock: startClock(), addressOf: async () => null });
    expect(p).toMatchObject({ transfers: [], failure: 'the helper serves no throughput reference (HTTP 404)' });
  });

  it('the reference answers the whole body for any SNI, over a throwaway certificate', async () => {
    for (const sni of ['twitter.com', 'example.org', 'anything.invalid']) {
      const x = await referenceTransfer({ ip: '127.0.0.1', port: portOf(reference), sni, kind: 'harmless-sni', expected: BYTES, clock: startClock(), signal: new AbortController().signal, stallMs: 1000, capMs: 3000 });
      expect(x).toMatchObject({ sni, bytes: BYTES, stalledAt: null, failure: null });
    }
  });

  it('throttled by name: the same reference 64 KB/s with the name, full speed without; the analysis proves it', async () => {
    const p = await prove('slow.test');
    expect(p.transfers.map((x) => x.kind)).toEqual(['target-sni', 'harmless-sni', 'target-sni', 'harmless-sni']);
    for (const x of p.transfers) expect(x).toMatchObject({ bytes: BYTES, failure: null, stalledAt: null });
    const slow = p.transfers.filter((x) => x.kind === 'target-sni');
    for (const x of slow) expect(x.seconds).toBeGreaterThan(0.5);
    const o = proofOutcome(p);
    expect(o.kind).toBe('throttled');
  }, 30_000);

  it('a stall after 16 KB for one name: the bytes before it are recorded; the harmless name comes whole', async () => {
    const p = await prove('stall.test');
    const stalled = p.transfers.filter((x) => x.kind === 'target-sni');
    expect(stalled).toHaveLength(2);
    for (const x of stalled) {
      expect(x.stalledAt).not.toBeNull();
      // 16 KB on the wire, the handshake included.
      expect(x.stalledAt).toBe(16 * 1024);
      expect(x.bytes).toBeLessThan(16 * 1024);
    }
    expect(proofOutcome(p).kind).toBe('stalled');
  }, 30_000);

  it('the budget really stops the work: a cut transfer says interrupted, and nothing starts after it', async () => {
    const started = Date.now();
    const p = await prove('slow.test', { budgetMs: 600 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(p.transfers.length).toBeLessThanOrEqual(1);
    expect(p.transfers.at(-1)?.failure ?? 'interrupted').toBe('interrupted');
  });

  it('a reference behind a token answers only with it', async () => {
    const locked = await listen(createReferenceServer({ limits: { bytes: 1024 }, token: 'sekret-token' }));
    const base = { ip: '127.0.0.1', port: portOf(locked), sni: 'a.test', kind: 'target-sni' as const, expected: 1024, clock: startClock(), signal: new AbortController().signal, stallMs: 1000, capMs: 3000 };
    expect((await referenceTransfer(base)).failure).toBe('http_unexpected_status_code');
    expect(await referenceTransfer({ ...base, token: 'sekret-token' })).toMatchObject({ bytes: 1024, failure: null });
    locked.close();
  });
});

describe('which fetches call for the proof', () => {
  const url = 'https://x.example/';
  it('a big body that came slowly, or one that broke off after the handshake; not a fast one, a small one, or plain HTTP', () => {
    expect(lookedSlow([http(url, '192.0.2.1', 200, { bodyLength: 300_000, t0: 0, responseAt: 0.1, t: 3 })])).toBe(true);
    expect(lookedSlow([http(url, '192.0.2.1', 200, { bodyLength: 300_000, t0: 0, responseAt: 0.1, t: 0.2 })])).toBe(false);
    expect(lookedSlow([http(url, '192.0.2.1', 200, { bodyLength: 2000, t0: 0, responseAt: 0.1, t: 3 })])).toBe(false);
    expect(lookedSlow([http(url, '192.0.2.1', 200, { failure: 'generic_timeout_error', failedOperation: 'http_round_trip', bodyLength: 0 })])).toBe(true);
    expect(lookedSlow([http(url, '192.0.2.1', null, { failure: 'connection_reset', failedOperation: 'tls_handshake' })])).toBe(false);
    expect(lookedSlow([http('http://x.example/', '192.0.2.1', 200, { bodyLength: 300_000, t0: 0, responseAt: 0.1, t: 3 })])).toBe(false);
  });
});
