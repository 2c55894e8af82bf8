import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SenderRate, startEchoService, type EchoService } from '../../src/helper/echo.ts';
import { echoProbe } from '../../src/net/checks/echo.ts';
import { startClock } from '../../src/net/clock.ts';
import { FAILURES } from '../../src/model/failure.ts';
import { LO } from './servers.ts';

const services: EchoService[] = [];
afterAll(async () => Promise.all(services.map((s) => s.close())));
async function start(limits = {}): Promise<{ tcp: number; udp: number }> {
  const s = await startEchoService([{ transport: 'tcp', port: 0 }, { transport: 'udp', port: 0 }], { host: LO, limits });
  services.push(s);
  return { tcp: s.ports[0]!.port, udp: s.ports[1]!.port };
}
const opts = (timeoutMs = 1000) => ({ clock: startClock(), timeoutMs });

describe('the helper echo service', () => {
  it('echoes TCP and UDP byte for byte, so the probe sees its ports reach', async () => {
    const { tcp, udp } = await start();
    expect((await echoProbe(LO, tcp, 'tcp', 'plain', 32, opts())).failure).toBeNull();
    expect((await echoProbe(LO, udp, 'udp', 'wireguard', 148, opts())).echoed).toBe(148);
  });

  it('never replies with more than it got: an oversize datagram is dropped, a connection closes after maxBytes', async () => {
    const { tcp, udp } = await start({ maxBytes: 100 });
    expect((await echoProbe(LO, udp, 'udp', 'wireguard', 148, opts(300))).failure).toBe(FAILURES.timeout);
    const got = await new Promise<number>((resolve) => {
      let n = 0;
      const c = connect(tcp, LO, () => c.write(Buffer.alloc(500, 1)));
      c.on('data', (d) => (n += d.length));
      c.on('close', () => resolve(n));
    });
    expect(got).toBe(100);
  });

  it('a sender over its rate gets nothing more', async () => {
    const { udp } = await start({ ratePerMinute: 2 });
    const sock = createSocket('udp4');
    let replies = 0;
    sock.on('message', () => replies++);
    await new Promise<void>((r) => sock.bind(0, LO, r));
    for (let i = 0; i < 5; i++) sock.send(Buffer.from('hello'), udp, LO);
    await new Promise((r) => setTimeout(r, 200));
    sock.close();
    expect(replies).toBe(2);
  });

  it('the rate window resets each minute', () => {
    let now = 0;
    const r = new SenderRate(1, () => now);
    expect(r.allow('a')).toBe(true);
    expect(r.allow('a')).toBe(false);
    expect(r.allow('b')).toBe(true);
    now = 60_000;
    expect(r.allow('a')).toBe(true);
  });
});
