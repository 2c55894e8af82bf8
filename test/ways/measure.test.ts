import { afterAll, describe, expect, it } from 'vitest';
import { measureWays } from '../../src/measure/ways.ts';
import { analyzeWays } from '../../src/analyze/ways/index.ts';
import { waysOutFinding } from '../../src/findings/ways-out.ts';
import { publicTrustStore } from '../../src/net/tls.ts';
import { FAILURES } from '../../src/model/failure.ts';
import { wayMeasurementSchema, type WayPlan } from '../../src/model/check.ts';
import { bridgeWay, endpointWay } from '../../src/lists/bridges.ts';
import { echoWays } from '../../src/lists/ways.ts';
import { closeAll, LO, stunAnswer, tcpServer, udpServer } from './servers.ts';

afterAll(closeAll);
const trust = publicTrustStore();
const resolveTo = (ip: string) => async () => ({ ips: [ip], failure: null });

describe('measureWays', () => {
  it('runs every probe, keeps the order, and the result is the model', async () => {
    const stun = await udpServer(stunAnswer);
    const tcp = await tcpServer(() => {});
    const plans: WayPlan[] = [
      { id: 'stun', kind: 'snowflake', title: "Snowflake: STUN", private: false, pluggableTransport: null, probes: [{ check: 'stun', host: LO, port: stun.port, transport: 'udp' }] },
      { id: 'p', kind: 'port', title: `TCP ${tcp}`, private: false, pluggableTransport: null, probes: [{ check: 'tcp', host: LO, port: tcp, transport: 'tcp' }] },
    ];
    const ways = await measureWays(plans, { trust, dialLoopback: true, timeoutMs: 1000 });
    expect(ways.map((w) => w.id)).toEqual(['stun', 'p']);
    for (const w of ways) expect(wayMeasurementSchema.parse(w)).toEqual(w);
    expect(analyzeWays(ways).map((v) => v.status)).toEqual(['works', 'works']);
  });

  it('never dials this machine or a private network when a list or an answer points there', async () => {
    const stun = await udpServer(stunAnswer);
    const plans: WayPlan[] = [
      { id: 'lo', kind: 'port', title: 'loopback', private: false, pluggableTransport: null, probes: [{ check: 'stun', host: LO, port: stun.port, transport: 'udp' }] },
      { id: 'lan', kind: 'port', title: 'lan', private: false, pluggableTransport: null, probes: [{ check: 'tcp', host: '10.1.2.3', port: 443, transport: 'tcp' }] },
      { id: 'name', kind: 'port', title: 'a name answering 192.168.1.1', private: false, pluggableTransport: null, probes: [{ check: 'tcp', host: 'router.example', port: 80, transport: 'tcp' }] },
    ];
    const ways = await measureWays(plans, { trust, timeoutMs: 500, resolve: resolveTo('192.168.1.1') });
    expect(ways.flatMap((w) => w.probes.map((p) => p.failure))).toEqual([FAILURES.notDialled, FAILURES.notDialled, FAILURES.notDialled]);
    expect(stun.seen).toHaveLength(0);
    expect(analyzeWays(ways).every((v) => v.status === 'inconclusive')).toBe(true);
  });

  it('a private bridge or endpoint: no address or name of it anywhere in what is recorded', async () => {
    const port = await tcpServer(() => {});
    const bridge = bridgeWay(`obfs4 bridge.secret.example:${port} 0123456789ABCDEF0123456789ABCDEF01234567 cert=abc iat-mode=0`);
    const endpoint = endpointWay(`tls://vpn.secret.example:${port}`);
    expect(bridge && endpoint).toBeTruthy();
    const ways = await measureWays([bridge!, endpoint!], { trust, dialLoopback: true, timeoutMs: 1000, resolve: resolveTo(LO) });
    const verdicts = analyzeWays(ways);
    const text = JSON.stringify({ ways, verdicts, finding: waysOutFinding(verdicts) });
    expect(text).not.toContain('secret.example');
    expect(text).not.toContain(LO);
    expect(verdicts[0]?.reason).toBe(`Tor through the obfs4 bridge on port ${port}: reachable; a reachable port is necessary, not sufficient: obfs4's own handshake was not tried`);
    expect(ways[0]?.probes[0]?.endpoint).toMatch(/^bridge-[0-9a-f]{8}:\d+$/);
  });

  it('everything blackholed: the whole list costs about one timeout, and the answer is one line', async () => {
    const silentUdp = await udpServer(() => null);
    const silentTcp = await tcpServer(() => {});
    const plans: WayPlan[] = [];
    for (let i = 0; i < 60; i++) {
      plans.push({ id: `u${i}`, kind: 'dns', title: `resolver ${i}`, private: false, pluggableTransport: null, probes: [{ check: 'resolver', host: LO, port: silentUdp.port, transport: 'udp', resolver: 'udp', query: 'example.org' }] });
      plans.push({ id: `t${i}`, kind: 'tor', title: `relay ${i}`, private: false, pluggableTransport: null, probes: [{ check: 'tor_or', host: LO, port: silentTcp, transport: 'tcp' }] });
    }
    const started = Date.now();
    const ways = await measureWays(plans, { trust, dialLoopback: true, timeoutMs: 400 });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(waysOutFinding(analyzeWays(ways))?.title).toBe('Nothing tried reaches outside: none of 120 way(s) out answered.');
  });

  it('the helper echo ways: a port alone, and signature pairs per port', () => {
    const ways = echoWays('192.0.2.10', [{ transport: 'tcp', port: 179 }, { transport: 'udp', port: 3478 }]);
    expect(ways.map((w) => w.title)).toEqual(['TCP 179', 'UDP 3478', 'WireGuard on UDP 3478', 'OpenVPN on TCP 179', 'OpenVPN on UDP 3478']);
    const wg = ways.find((w) => w.id === 'wireguard-udp-3478');
    expect(wg?.probes.map((p) => [p.variant, p.size])).toEqual([['wireguard', 148], ['random', 148]]);
  });
});
