import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServices } from '../../src/lists/services.ts';
import { waysFromEntries } from '../../src/lists/ways.ts';
import { isIpLiteral } from '../../src/net/endpoint.ts';
import { sleep } from '../../src/net/clock.ts';
import { runWays } from '../../src/pipeline.ts';
import { publicTrustStore } from '../../src/net/tls.ts';
import { FAILURES } from '../../src/model/failure.ts';
import type { WayPlan } from '../../src/model/check.ts';
import { closeAll, LO, tcpServer, udpServer } from './servers.ts';

afterAll(closeAll);

/**
 * Speed: the shipped ways with everything dropped finish within 30 s, at the default timeouts. Every
 * name's lookup hangs until its deadline (DNS in a shutdown); every address becomes a loopback server
 * that never answers (UDP: silent; TCP: accepts, then silence, the worst case: a connect and then a
 * full protocol timeout). Nothing outside this machine is dialled. A TCP port accepting is all a
 * port-only check needs, so only those may "work" here.
 */
describe('the shipped ways, everything dropped', () => {
  it('finish in ≤ 30 s and nothing but port-only checks works', async () => {
    const list = parseServices(readFileSync('test-lists/circumvention.yaml', 'utf8'), 'circumvention.yaml').list;
    const silentTcp = await tcpServer(() => {});
    const silentUdp = (await udpServer(() => null)).port;
    const plans: WayPlan[] = waysFromEntries(list?.ways ?? []).map((w) => ({
      ...w,
      probes: w.probes.map((p) => (isIpLiteral(p.host) ? { ...p, host: LO, port: p.transport === 'udp' ? silentUdp : silentTcp } : p)),
    }));
    const hang = async (_host: string, _clock: unknown, timeoutMs: number, signal?: AbortSignal) => {
      await sleep(timeoutMs, signal);
      return { ips: [], failure: FAILURES.timeout };
    };
    const started = Date.now();
    const { record } = await runWays(plans, { trust: publicTrustStore(), resolve: hang, dialLoopback: true });
    const seconds = (Date.now() - started) / 1000;
    console.log(`shipped ways, everything dropped: ${plans.length} ways, ${plans.reduce((k, w) => k + w.probes.length, 0)} probes, ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThanOrEqual(30);
    expect(record.verdicts.filter((v) => v.status === 'works').every((v) => v.portOnly)).toBe(true);
  }, 40_000);
});
