import { createSocket, type Socket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startClock } from './clock.ts';
import { lookupSystem, queryUdp, systemLookupSlots, systemResolverImpl } from './dns.ts';
import { Semaphore } from './semaphore.ts';

/** A UDP resolver that answers with a forged address at once and the real one `lateMs` later (an on-path injector). */
let server: Socket;
let port = 0;
const LATE_MS = 150;
beforeAll(async () => {
  server = createSocket('udp4');
  server.on('message', (msg, rinfo) => {
    const q = dnsPacket.decode(msg);
    const answer = (ip: string) =>
      dnsPacket.encode({ type: 'response', id: q.id, flags: dnsPacket.RECURSION_DESIRED, questions: q.questions, answers: [{ type: 'A', name: q.questions?.[0]?.name ?? '', ttl: 60, class: 'IN', data: ip }] });
    server.send(answer('10.10.34.35'), rinfo.port, rinfo.address);
    setTimeout(() => server.send(answer('198.51.100.7'), rinfo.port, rinfo.address), LATE_MS);
  });
  await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
  port = server.address().port;
});
afterAll(() => server.close());

describe('late DNS replies are listened for off the critical path', () => {
  it('with a background collector, the query settles on the first answer and the late one still lands in the observation', async () => {
    const pending: Promise<void>[] = [];
    const obs = await queryUdp('127.0.0.1', port, 'inject.test', 'A', { clock: startClock(), timeoutMs: 3000, lingerMs: 1000, background: (p) => pending.push(p) });
    // Settled on the forged answer, before the real one came.
    expect(obs.answers[0]?.value).toBe('10.10.34.35');
    expect(obs.lateAnswers).toBeUndefined();
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
    expect(obs.lateAnswers?.[0]?.[0]?.value).toBe('198.51.100.7');
  });

  it('without one, the query waits out the window itself (as before)', async () => {
    const obs = await queryUdp('127.0.0.1', port, 'inject.test', 'A', { clock: startClock(), timeoutMs: 3000, lingerMs: 400 });
    expect(obs.lateAnswers?.[0]?.[0]?.value).toBe('198.51.100.7');
  });

  it('aborting during the background window ends it at once and keeps what arrived', async () => {
    const pending: Promise<void>[] = [];
    const ac = new AbortController();
    const obs = await queryUdp('127.0.0.1', port, 'inject.test', 'A', { clock: startClock(), timeoutMs: 30_000, lingerMs: 30_000, signal: ac.signal, background: (p) => pending.push(p) });
    ac.abort();
    await Promise.all(pending);
    expect(obs.answers[0]?.value).toBe('10.10.34.35');
  });
});

describe('getaddrinfo never queues more lookups than the thread pool holds', () => {
  const real = systemResolverImpl.lookup;
  afterEach(() => {
    systemResolverImpl.lookup = real;
  });

  it('lookups beyond the pool wait (cancellably) instead of piling onto libuv threads; a stuck one holds its thread until it returns', async () => {
    const started: string[] = [];
    const finishers: Array<() => void> = [];
    systemResolverImpl.lookup = (host: string) => {
      started.push(host);
      return new Promise((resolve) => finishers.push(() => resolve([{ address: '192.0.2.1', family: 4 }])));
    };
    const size = systemLookupSlots.size;
    const ac = new AbortController();
    const clock = startClock();
    const lookups = Array.from({ length: size + 2 }, (_, i) => lookupSystem(`h${i}.test`, { clock, timeoutMs: 60_000, signal: ac.signal }));
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toHaveLength(size);
    expect(systemLookupSlots.waiting).toBe(2);
    // The deadline: waiting lookups give up at once, without ever reaching getaddrinfo.
    ac.abort();
    const results = await Promise.all(lookups);
    expect(results.every((r) => r.failure === 'interrupted')).toBe(true);
    expect(started).toHaveLength(size);
    // The running ones still hold their threads until getaddrinfo returns.
    expect(systemLookupSlots.active).toBe(size);
    finishers.forEach((f) => f());
    await new Promise((r) => setTimeout(r, 0));
    expect(systemLookupSlots.active).toBe(0);
  });

  it('a semaphore waiter that times out never takes a slot', async () => {
    const s = new Semaphore(1);
    const first = await s.acquire();
    expect(await s.acquire(undefined, 10)).toBeNull();
    first?.();
    expect(s.active).toBe(0);
    const again = await s.acquire();
    expect(again).not.toBeNull();
    again?.();
  });
});
