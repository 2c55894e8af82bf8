import { createSocket, type Socket } from 'node:dgram';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlDispatcher, DEFAULT_TIMEOUTS, type MeasureContext } from '../src/measure/context.ts';
import { parseResolver } from '../src/net/dns.ts';
import { publicTrustStore } from '../src/net/tls.ts';
import { serviceSchema } from '../src/model/service-list.ts';
import type { Target } from '../src/model/target.ts';
import { runTargets } from '../src/pipeline.ts';

// Issue 19, item 10: a run with no network printed `MaxListenersExceededWarning ... 11 abort
// listeners added to [AbortSignal]`. The signal was each target's deadline signal: a service target
// resolves and dials all its endpoints at once, and every query and connect listened on it.

let silent: Socket;
let closedPort = 0;
let ctx: MeasureContext;

beforeAll(async () => {
  // A resolver that never answers: every query waits for its timeout, so all of a target's queries overlap.
  silent = createSocket('udp4');
  await new Promise<void>((r) => silent.bind(0, '127.0.0.1', r));
  const tmp = createServer();
  await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
  closedPort = (tmp.address() as { port: number }).port;
  await new Promise((r) => tmp.close(r));
  const trust = publicTrustStore([]);
  const timeouts = { ...DEFAULT_TIMEOUTS, dnsMs: 150, tcpMs: 150, tlsMs: 150, httpMs: 150, targetMs: 2000, helperMs: 150 };
  ctx = {
    localResolver: parseResolver(`udp://127.0.0.1:${silent.address().port}`),
    controlResolvers: [parseResolver(`https://127.0.0.1:${closedPort}/dns-query`)],
    trust,
    extraCaPems: [],
    timeouts,
    helperUrl: null,
    dispatcher: controlDispatcher(trust, timeouts),
    bodyLimit: 65536,
    dnsLingerMs: 20,
    dialLoopback: true,
    retries: 1,
    harmlessSni: 'harmless.test',
    sniProbeHost: null,
    interceptionCas: [],
    hedgeDelayMs: 50,
  };
});
afterAll(async () => {
  silent.close();
  await ctx.dispatcher.close();
});

/** Twenty endpoints by name, each its own DNS query, and twelve by address on a closed port. */
function service(i: number): Target {
  const names = Array.from({ length: 20 }, (_, j) => `s${i}-${j}.test`);
  const svc = serviceSchema.parse({
    id: `svc-${i}`,
    name: `Service ${i}`,
    kind: 'messenger',
    category_code: 'IM',
    checks: [
      { id: 'names', title: 'names', protocol: 'tcp', endpoints: names, ports: [443] },
      { id: 'addresses', title: 'addresses', protocol: 'tls', endpoints: Array.from({ length: 12 }, () => `127.0.0.1:${closedPort}`) },
    ],
  });
  return { kind: 'service', service: svc, url: `service:svc-${i}`, source: 'test' };
}

function web(i: number): Target {
  return i % 2 ? { kind: 'web', url: `https://w${i}.test/`, category: null, source: 'test' } : { kind: 'web', url: `https://127.0.0.1:${closedPort}/${i}`, category: null, source: 'test' };
}

describe('abort listeners', () => {
  it('measuring 200 targets (no network to speak of) adds no process warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const targets = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? service(i) : web(i)));
      const results = await runTargets(targets, ctx, { concurrency: 16 });
      expect(results).toHaveLength(200);
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  }, 60_000);
});
