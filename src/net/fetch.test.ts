import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedIPv4, isForbiddenDestination } from './addresses.ts';
import { startClock } from './clock.ts';
import { fetchFollowingRedirects, type HopResolver } from './fetch.ts';
import { publicTrustStore } from './tls.ts';

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => (s.closeAllConnections(), s.close())));

async function serve(host: string, handler: Parameters<typeof createServer>[1]): Promise<{ port: number; accepted: () => number }> {
  const s = createServer(handler);
  let n = 0;
  s.on('connection', () => n++);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, host, r));
  return { port: (s.address() as { port: number }).port, accepted: () => n };
}

let ipv6 = true;
let trap: { port: number; accepted: () => number };
let trap6: { port: number; accepted: () => number } | null = null;
let origin: { port: number; accepted: () => number };
const locations: Record<string, string> = {};

beforeAll(async () => {
  trap = await serve('127.0.0.1', (_q, res) => res.end('trap'));
  try {
    trap6 = await serve('::1', (_q, res) => res.end('trap6'));
  } catch {
    ipv6 = false;
  }
  origin = await serve('127.0.0.1', (req, res) => {
    const to = locations[req.url ?? ''];
    if (to) res.writeHead(302, { location: to }).end();
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<title>here</title>');
  });
  locations['/ssh'] = 'http://127.0.0.1:22/';
  locations['/ssh6'] = 'http://[::1]:22/';
  locations['/trap'] = `http://127.0.0.1:${trap.port}/`;
  locations['/trap6'] = `http://[::1]:${trap6?.port ?? 1}/`;
  locations['/mapped'] = `http://[::ffff:127.0.0.1]:${trap.port}/`;
  locations['/same'] = '/final';
  locations['/byname'] = `http://sneaky.test:${trap.port}/`;
});

const opts = { clock: startClock(), connectTimeoutMs: 2000, tlsTimeoutMs: 2000, httpTimeoutMs: 2000, trust: publicTrustStore() };
const noDns: HopResolver = async () => ({ addresses: [], observations: [] });
const toLoopback: HopResolver = async () => ({ addresses: ['127.0.0.1'], observations: [] });

describe('redirects never make the probe dial this machine or its networks', () => {
  for (const [path, to] of [
    ['/ssh', 'http://127.0.0.1:22/'],
    ['/ssh6', 'http://[::1]:22/'],
  ] as const) {
    it(`a redirect to ${to} is refused and recorded on the hop, not dialled`, async () => {
      const r = await fetchFollowingRedirects(`http://127.0.0.1:${origin.port}${path}`, '127.0.0.1', noDns, opts);
      expect(r.hops).toHaveLength(1);
      expect(r.hops[0]?.status).toBe(302);
      expect(r.hops[0]?.refusedRedirect).toMatchObject({ url: to });
      expect(r.stoppedReason).toMatch(/refused/);
    });
  }

  it('a different loopback port than the one the user asked for: refused, and the server there sees no connection', async () => {
    const before = trap.accepted();
    const r = await fetchFollowingRedirects(`http://127.0.0.1:${origin.port}/trap`, '127.0.0.1', noDns, opts);
    expect(r.hops.at(-1)?.refusedRedirect?.ip).toBe('127.0.0.1');
    expect(trap.accepted()).toBe(before);
  });

  it.skipIf(!ipv6)('IPv6 loopback: refused, no connection (skipped where ::1 cannot be bound)', async () => {
    const before = trap6?.accepted() ?? 0;
    const r = await fetchFollowingRedirects(`http://127.0.0.1:${origin.port}/trap6`, '127.0.0.1', noDns, opts);
    expect(r.hops.at(-1)?.refusedRedirect?.ip).toBe('::1');
    expect(trap6?.accepted() ?? 0).toBe(before);
  });

  it('an IPv4-mapped IPv6 spelling of loopback is refused too', async () => {
    const before = trap.accepted();
    const r = await fetchFollowingRedirects(`http://127.0.0.1:${origin.port}/mapped`, '127.0.0.1', noDns, opts);
    expect(r.hops.at(-1)?.refusedRedirect).toBeDefined();
    expect(trap.accepted()).toBe(before);
  });

  it('a name that resolves to loopback is refused after resolution (the DNS answer is kept)', async () => {
    const before = trap.accepted();
    const r = await fetchFollowingRedirects(`http://127.0.0.1:${origin.port}/byname`, '127.0.0.1', toLoopback, opts);
    expect(r.hops.at(-1)?.refusedRedirect).toMatchObject({ ip: '127.0.0.1' });
    expect(trap.accepted()).toBe(before);
  });

  it('in loopback test mode, a loopback DNS answer may be dialled (literal addresses still may not)', async () => {
    const before = trap.accepted();
    const r = await fetchFollowingRedirects(`http://127.0.0.1:${origin.port}/byname`, '127.0.0.1', toLoopback, { ...opts, dialLoopbackAnswers: true });
    expect(r.hops.map((h) => h.status)).toEqual([302, 200]);
    expect(trap.accepted()).toBe(before + 1);
    const lit = await fetchFollowingRedirects(`http://127.0.0.1:${origin.port}/trap`, '127.0.0.1', toLoopback, { ...opts, dialLoopbackAnswers: true });
    expect(lit.hops.at(-1)?.refusedRedirect).toBeDefined();
  });

  it('the target`s own origin stays allowed when the user gave a loopback URL', async () => {
    const r = await fetchFollowingRedirects(`http://127.0.0.1:${origin.port}/same`, '127.0.0.1', noDns, opts);
    expect(r.hops.map((h) => h.status)).toEqual([302, 200]);
    expect(r.hops.every((h) => !h.refusedRedirect)).toBe(true);
  });
});

describe('forbidden destinations', () => {
  it('loopback, private, link-local, CGNAT, multicast, unspecified, reserved, and IPv6 forms embedding them', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '224.0.0.1', '0.0.0.0', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '2002:c0a8:101::1', '::127.0.0.1'])
      expect(isForbiddenDestination(ip), ip).toBe(true);
  });
  it('public addresses and the lab`s test ranges are not', () => {
    for (const ip of ['8.8.8.8', '95.56.243.92', '198.18.0.10', '203.0.113.30', '2a03:2880::1', '::ffff:8.8.8.8', '64:ff9b::808:808'])
      expect(isForbiddenDestination(ip), ip).toBe(false);
  });
  it('finds the IPv4 address inside IPv6 spellings', () => {
    expect(embeddedIPv4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(embeddedIPv4('64:ff9b::7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('2002:0a00:0001::')).toBe('10.0.0.1');
    expect(embeddedIPv4('2a03:2880::1')).toBeNull();
  });
});
