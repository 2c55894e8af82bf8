// `tekser helper` is reachable by whoever finds it and fetches what they ask: it must never be a
// way into the machine it runs on or that machine's network, and never be cheap to abuse.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHelperServer, destinationRefusal, type HelperServerOptions } from '../../src/helper/server.ts';
import { queryHelper } from '../../src/helper/client.ts';
import { parseResolver } from '../../src/net/dns.ts';
import { publicTrustStore } from '../../src/net/tls.ts';
import { tempDir } from '../helpers/tmp.ts';
// @ts-expect-error plain JavaScript shared with the network lab
import { startDnsServer } from '../servers/servers.mjs';
import { BIN, expectOneLineUsageError, runBuilt } from './cli.ts';
import { connectionCounter, decompressionBomb, HostilePki, HTTP_CASES, httpServer, LO, rawServer, type Running } from './servers.ts';

const running: Running[] = [];
const up = async <T extends Running>(p: Promise<T>): Promise<T> => {
  const r = await p;
  running.push(r);
  return r;
};
let counter4: Awaited<ReturnType<typeof connectionCounter>>;
let counter6: Awaited<ReturnType<typeof connectionCounter>>;
let resolver = '';
let site: Running;
const allowed = new Set<number>();

beforeAll(async () => {
  counter4 = await up(connectionCounter(LO));
  counter6 = await up(connectionCounter('::1'));
  site = await up(httpServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Fine</title></head><body>${req.url}</body></html>`)));
  const redirect = (location: string) => up(httpServer((_req, res) => res.writeHead(302, { location }).end()));
  const bomb = decompressionBomb();
  const bombSite = await up(httpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb)));
  const redirects = {
    v4: await redirect(`http://${LO}:${counter4.port}/`),
    v6: await redirect(`http://[::1]:${counter6.port}/`),
    name: await redirect(`http://loop.test:${counter4.port}/`),
    mapped: await redirect(`http://[::ffff:127.0.0.1]:${counter4.port}/`),
    fine: await redirect(`http://${LO}:${site.port}/after-redirect`),
  };
  const silent = await up(rawServer(HTTP_CASES.silent));
  // The only loopback endpoints a test helper may dial: the "public" sites of this test.
  for (const s of [site, bombSite, silent, ...Object.values(redirects)]) allowed.add(s.port);
  Object.assign(ports, { bomb: bombSite.port, silent: silent.port, ...Object.fromEntries(Object.entries(redirects).map(([k, v]) => [k, v.port])) });
  const dns = await up(
    startDnsServer({
      host: LO,
      zone: {
        'loop.test': { A: [LO], AAAA: ['::1'] },
        'private.test': { A: ['10.0.0.1', '192.168.1.1', '172.16.0.1'], AAAA: ['fd00::1'] },
        'metadata.test': { A: ['169.254.169.254'], AAAA: ['fe80::1'] },
        'cgnat.test': { A: ['100.64.0.1'], AAAA: [] },
        'mapped.test': { A: [], AAAA: ['::ffff:127.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::1'] },
        'lab.test': { A: ['198.18.0.10', '203.0.113.7'], AAAA: ['2001:db8::1'] },
      },
    }) as Promise<Running>,
  );
  resolver = `udp://${LO}:${dns.port}`;
}, 60_000);

afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

const ports: Record<string, number> = {};

/** An in-process helper whose dials are logged; only this test's "public" sites may be dialled. */
async function startHelper(over: Partial<HelperServerOptions> = {}): Promise<{ url: string; dials: string[]; close: () => void }> {
  const dials: string[] = [];
  const server = createHelperServer({
    resolver: parseResolver(resolver),
    trust: publicTrustStore(),
    dnsTimeoutMs: 3000,
    connectTimeoutMs: 3000,
    httpTimeoutMs: 4000,
    allowEndpoint: (ip, port) => ip === LO && allowed.has(port),
    onDial: (ip, port) => dials.push(`${ip}:${port}`),
    ...over,
  });
  await new Promise<void>((r) => server.listen(0, LO, () => r()));
  return {
    url: `http://${LO}:${(server.address() as { port: number }).port}/`,
    dials,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

interface Th {
  tcp_connect: Record<string, { status: boolean; failure: string | null }>;
  http_request: { failure: string | null; status_code: number; title: string; body_length: number };
  dns: { failure: string | null; addrs: string[] };
}
async function ask(helperUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Th & { error?: string } }> {
  const res = await request(helperUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.statusCode, json: (await res.body.json()) as Th & { error?: string } };
}
const control = (url: string, tcp: string[] = []) => ({ http_request: url, http_request_headers: {}, tcp_connect: tcp });

describe('destinationRefusal: every bogon, in every spelling', () => {
  const refused = [
    '127.0.0.1', '127.255.255.254', '0.0.0.0', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '100.127.255.254',
    '224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1', '192.0.0.8', '198.18.0.1', '198.51.100.1', '203.0.113.1', '192.0.2.1',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1', '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '::127.0.0.1', '64:ff9b::127.0.0.1', '64:ff9b::a00:1', '64:ff9b:1::a9fe:a9fe', '2002:7f00:1::1', '2002:a9fe:a9fe::1',
  ];
  for (const ip of refused) it(`refuses ${ip}`, () => expect(destinationRefusal(ip)).toMatch(/refused/));
  it('allows public addresses, also NAT64/6to4/mapped forms of public ones', () => {
    for (const ip of ['93.184.216.34', '1.1.1.1', '8.8.8.8', '2606:4700::1111', '64:ff9b::808:808', '2002:808:808::1']) expect(destinationRefusal(ip), ip).toBeNull();
  });
  it('not an address: refused (the helper only dials what it checked)', () => expect(destinationRefusal('localhost')).toMatch(/not an IP/));
  it('the lab switch allows only the documentation and benchmarking ranges, never loopback or private', () => {
    for (const ip of ['198.18.0.10', '198.19.255.1', '203.0.113.7', '192.0.2.1', '198.51.100.80', '2001:db8::1']) expect(destinationRefusal(ip, { allowLabRanges: true }), ip).toBeNull();
    for (const ip of ['127.0.0.1', '10.0.0.1', '169.254.169.254', '::1', '::ffff:127.0.0.1', '100.64.0.1']) expect(destinationRefusal(ip, { allowLabRanges: true }), ip).toMatch(/refused/);
  });
});

describe('the helper never dials a bogon: by literal, by name, by redirect, by the caller\'s endpoints', () => {
  it('still measures a public site (here: a loopback port the test allows) and follows a good redirect', async () => {
    const h = await startHelper();
    try {
      const r = await ask(h.url, control(`http://${LO}:${ports.fine}/`));
      expect(r.status).toBe(200);
      expect(r.json.http_request).toMatchObject({ failure: null, status_code: 200, title: 'Fine' });
      expect(h.dials).toContain(`${LO}:${site.port}`);
    } finally {
      h.close();
    }
  });

  it('a loopback literal, IPv4 and IPv6, IPv4-mapped: refused, no connection arrives', async () => {
    const h = await startHelper();
    try {
      for (const u of [`http://${LO}:${counter4.port}/`, `http://[::1]:${counter6.port}/`, `http://[::ffff:127.0.0.1]:${counter4.port}/`, `https://127.0.0.2:${counter4.port}/`, `http://2130706433:${counter4.port}/`, `http://0x7f.1:${counter4.port}/`, `http://[0:0:0:0:0:0:0:1]:${counter6.port}/`]) {
        const r = await ask(h.url, control(u));
        expect(r.status, u).toBe(200);
        expect(r.json.http_request.failure, u).toMatch(/^unknown_failure: refused to dial/);
        expect(r.json.http_request.status_code).toBe(-1);
        expect(r.json.tcp_connect, u).toEqual({});
      }
      expect(h.dials).toEqual([]);
      expect(counter4.connections() + counter6.connections()).toBe(0);
    } finally {
      h.close();
    }
  });

  it('names resolving to loopback, private, link-local (metadata), CGNAT, mapped/NAT64/6to4 loopback: refused after resolution', async () => {
    const h = await startHelper();
    try {
      for (const name of ['loop.test', 'private.test', 'metadata.test', 'cgnat.test', 'mapped.test', 'lab.test']) {
        const r = await ask(h.url, control(`http://${name}:${counter4.port}/`));
        expect(r.json.dns.addrs.length, name).toBeGreaterThan(0); // what DNS said is reported, as OONI's helper does
        expect(r.json.http_request.failure, name).toMatch(/refused to dial/);
        expect(r.json.tcp_connect, name).toEqual({});
      }
      expect(h.dials).toEqual([]);
      expect(counter4.connections()).toBe(0);
    } finally {
      h.close();
    }
  });

  it('redirects to loopback (IPv4, IPv6, mapped, by name) are refused at the hop: no connection arrives', async () => {
    const h = await startHelper();
    try {
      for (const k of ['v4', 'v6', 'mapped', 'name']) {
        const r = await ask(h.url, control(`http://${LO}:${ports[k]}/`));
        expect(r.json.http_request.failure, k).toMatch(/refused to dial/);
      }
      expect(counter4.connections() + counter6.connections()).toBe(0);
      expect(h.dials.every((d) => allowed.has(Number(d.split(':').pop())))).toBe(true);
    } finally {
      h.close();
    }
  });

  it("the caller's tcp_connect endpoints are checked too (loopback, metadata, private): left out, never dialled", async () => {
    const h = await startHelper();
    try {
      const r = await ask(h.url, control(`http://${LO}:${site.port}/`, [`${LO}:${counter4.port}`, `[::1]:${counter6.port}`, '169.254.169.254:80', '10.0.0.1:80', '[::ffff:7f00:1]:22']));
      expect(Object.keys(r.json.tcp_connect)).toEqual([`${LO}:${site.port}`]);
      expect(counter4.connections() + counter6.connections()).toBe(0);
      expect(h.dials.filter((d) => !d.endsWith(`:${site.port}`))).toEqual([]);
    } finally {
      h.close();
    }
  });

  it('a decompression bomb is read raw and capped at the body limit', async () => {
    const h = await startHelper({ limits: { bodyLimit: 64 * 1024 } });
    try {
      const r = await ask(h.url, control(`http://${LO}:${ports.bomb}/`));
      expect(r.json.http_request).toMatchObject({ failure: null, status_code: 200 });
      expect(r.json.http_request.body_length).toBeLessThanOrEqual(64 * 1024);
    } finally {
      h.close();
    }
  });
});

describe('caps: request size, time, concurrency, rate, token', () => {
  it('a request over 64 KiB is refused with 413; junk with 400, one line', async () => {
    const h = await startHelper();
    try {
      const big = await ask(h.url, control(`http://${LO}:${site.port}/${'a'.repeat(70 * 1024)}`));
      expect(big.status).toBe(413);
      const junk = await ask(h.url, '{not json');
      expect(junk).toMatchObject({ status: 400, json: { error: 'request body is not JSON' } });
      const wrong = await ask(h.url, { http_request: 'file:///etc/passwd' });
      expect(wrong.status).toBe(400);
      expect(h.dials).toEqual([]);
    } finally {
      h.close();
    }
  });

  it('the whole request has a deadline (504), and a slot stays taken until the work really ends (503)', async () => {
    const h = await startHelper({ limits: { requestMs: 500, maxConcurrent: 1 } });
    try {
      const first = await ask(h.url, control(`http://${LO}:${ports.silent}/`));
      expect(first.status).toBe(504);
      const second = await ask(h.url, control(`http://${LO}:${site.port}/`));
      expect(second.status).toBe(503);
    } finally {
      h.close();
    }
  });

  it('per-client rate limit: 429 past the limit', async () => {
    const h = await startHelper({ limits: { ratePerMinute: 2 } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await ask(h.url, control(`http://${LO}:${site.port}/`))).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      h.close();
    }
  });

  it('with a token: 401 without it or with a wrong one; the client sends it from $TEKSER_HELPER_TOKEN', async () => {
    const h = await startHelper({ token: 'correct-horse-battery' });
    try {
      expect((await ask(h.url, control(`http://${LO}:${site.port}/`))).status).toBe(401);
      expect((await ask(h.url, control(`http://${LO}:${site.port}/`), { authorization: 'Bearer wrong-token-here' })).status).toBe(401);
      expect((await ask(h.url, control(`http://${LO}:${site.port}/`), { authorization: 'Bearer correct-horse-battery' })).status).toBe(200);
      const without = await queryHelper(h.url, `http://${LO}:${site.port}/`, [], { timeoutMs: 5000, token: '' });
      expect(without.failure).toBe('http_unexpected_status_code');
      process.env.TEKSER_HELPER_TOKEN = 'correct-horse-battery';
      try {
        const withToken = await queryHelper(h.url, `http://${LO}:${site.port}/`, [], { timeoutMs: 5000 });
        expect(withToken.failure).toBeNull();
        expect(withToken.response?.http_request.title).toBe('Fine');
      } finally {
        delete process.env.TEKSER_HELPER_TOKEN;
      }
    } finally {
      h.close();
    }
  });
});

describe('tekser run with a token-protected helper', () => {
  it('sends $TEKSER_HELPER_TOKEN and gets the control; without it the helper failure is recorded', async () => {
    const h = await startHelper({ token: 'run-side-token-123' });
    try {
      const args = ['run', '--no-save', `http://${LO}:${site.port}/`, '--control-helper', h.url, '--control-resolver', `https://${LO}:1/dns-query`, '--retries', '0', '--format', 'json'];
      const [withToken, without] = await Promise.all([runBuilt(args, { env: { TEKSER_HELPER_TOKEN: 'run-side-token-123' } }), runBuilt(args, { env: { TEKSER_HELPER_TOKEN: '' } })]);
      const helperOf = (r: { stdout: string }) => (JSON.parse(r.stdout) as { results: Array<{ measurement: { helper: { failure: string | null; response: unknown } | null } }> }).results[0]?.measurement.helper;
      expect(withToken.code, withToken.stderr).toBe(0);
      expect(helperOf(withToken)).toMatchObject({ failure: null });
      expect(helperOf(without)?.failure).toBe('http_unexpected_status_code');
      expect(withToken.stdout).not.toContain('run-side-token-123');
    } finally {
      h.close();
    }
  });
});

describe('the built `tekser helper`', () => {
  it('refuses loopback for a caller, by literal and by name, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'helper', '--listen', `${LO}:0`, '--resolver', resolver], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let err = '';
      const helperUrl = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`helper did not start: ${err}`)), 15_000);
        child.stderr.on('data', (c: Buffer) => {
          err += c.toString();
          const m = /listening on (http:\/\/\S+\/)/.exec(err);
          if (m?.[1]) {
            clearTimeout(t);
            resolve(m[1]);
          }
        });
      });
      for (const u of [`http://${LO}:${counter4.port}/`, `http://loop.test:${counter4.port}/`, `http://${LO}:${ports.v4}/`]) {
        const r = await ask(helperUrl, control(u, [`${LO}:${counter4.port}`]));
        expect(r.json.http_request.failure, u).toMatch(/refused to dial/);
      }
      expect(counter4.connections()).toBe(0);
      const exit = new Promise<number | null>((r) => child.on('close', r));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('bad --listen, a key that does not match the certificate, a port in use: one line, exit 2', async () => {
    const pki = new HostilePki();
    const root = await pki.root('listen-root');
    const [a, b] = await Promise.all([pki.leaf('a', root, ['a.test']), pki.leaf('b', root, ['b.test'])]);
    const dir = tempDir('helper-tls');
    writeFileSync(join(dir, 'a.crt'), a.cert);
    writeFileSync(join(dir, 'b.key'), b.key);
    const cases = [
      ['helper', '--listen', '127.0.0.1:99999'],
      ['helper', '--listen', 'nonsense'],
      ['helper', '--listen', `${LO}:${site.port}`],
      ['helper', '--listen', `${LO}:0`, '--tls-cert', join(dir, 'a.crt'), '--tls-key', join(dir, 'b.key')],
      ['helper', '--listen', `${LO}:0`, '--tls-cert', join(dir, 'a.crt')],
      ['helper', '--listen', `${LO}:0`, '--tls-cert', join(dir, 'missing.crt'), '--tls-key', join(dir, 'b.key')],
    ];
    const runs = await Promise.all(cases.map((args) => runBuilt(args, { killAfterMs: 15_000 })));
    runs.forEach((r, i) => expect(expectOneLineUsageError(r), cases[i]?.join(' ')).toBeNull());
    expect(runs[3]?.stderr).toMatch(/key does not belong to the certificate/);
  });
});
