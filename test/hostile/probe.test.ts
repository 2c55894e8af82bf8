// `tekser run` (the built CLI) against servers that are broken or hostile on purpose, with no censor
// anywhere and no control helper: nothing here may be called "blocked" unless the path itself is
// shown to be the cause, no certificate failure may be called by the wrong name, no redirect may
// make the probe dial this machine, and deadlines are deadlines.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
// @ts-expect-error plain JavaScript shared with the network lab
import { startDohServer } from '../servers/servers.mjs';
import { runBuilt, type CliRun } from './cli.ts';
import { connectionCounter, decompressionBomb, floodingResolver, HostilePki, HTTP_CASES, httpServer, LO, rawServer, tlsGarbage, tlsServer, type Running } from './servers.ts';

interface Result {
  target: { url: string };
  verdict: { status: string; method: string | null; reason: string; evidence: unknown[] };
  measurement: { startedAt: string; runtime: number; http: Array<{ bodyLength: number; status: number | null }> };
}

const running: Running[] = [];
const up = async <T extends Running>(p: Promise<T>): Promise<T> => {
  const r = await p;
  running.push(r);
  return r;
};

/** name → URL of each hostile case, filled in beforeAll. */
const url: Record<string, string> = {};
let counter4: Awaited<ReturnType<typeof connectionCounter>>;
let counter6: Awaited<ReturnType<typeof connectionCounter>>;
let counterByName: Awaited<ReturnType<typeof connectionCounter>>;
let verdictRun: CliRun;
let deadlineRun: CliRun;
let dataDir = '';
const byUrl = new Map<string, Result>();
const DEADLINE_S = 2;

beforeAll(async () => {
  const pki = new HostilePki();
  const [root, evilRoot] = await Promise.all([pki.root('hostile-root'), pki.root('evil-root')]);
  const [good, expired, wrongName, untrusted, bigSubject, deep] = await Promise.all([
    pki.leaf('good', root, [LO]),
    pki.leaf('expired', root, [LO], { days: -1 }),
    pki.leaf('wrongname', root, ['other.test']),
    pki.leaf('untrusted', evilRoot, [LO]),
    pki.leaf('bigsubject', root, [LO], { subject: `/OU=${Array(1700).fill('x'.repeat(60)).join('/OU=')}` }),
    pki.deepChain(200, [LO]),
  ]);
  const caFile = join(pki.dir, 'trusted.pem');
  writeFileSync(caFile, root.cert + deep.root.cert);

  for (const [name, behave] of Object.entries(HTTP_CASES)) url[name] = `http://${LO}:${(await up(rawServer(behave))).port}/`;
  url.tlsGarbage = `https://${LO}:${(await up(rawServer(tlsGarbage))).port}/`;
  url.tls10 = `https://${LO}:${(await up(tlsServer({ cert: good.cert, key: good.key, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' }))).port}/`;
  url.bigSubject = `https://${LO}:${(await up(tlsServer({ cert: bigSubject.cert, key: bigSubject.key }))).port}/`;
  url.expired = `https://${LO}:${(await up(tlsServer({ cert: expired.cert, key: expired.key }))).port}/`;
  url.deepChain = `https://${LO}:${(await up(tlsServer({ cert: deep.chainPem, key: deep.leaf.key }))).port}/`;
  url.wrongName = `https://${LO}:${(await up(tlsServer({ cert: wrongName.cert, key: wrongName.key }))).port}/`;
  // The whole chain, up to a root nobody added: what an interceptor with its own CA presents.
  url.untrustedRoot = `https://${LO}:${(await up(tlsServer({ cert: untrusted.cert + evilRoot.cert, key: untrusted.key }))).port}/`;
  // The leaf alone, its issuer not sent and not known: an incomplete chain, not an untrusted root.
  url.missingIssuer = `https://${LO}:${(await up(tlsServer({ cert: untrusted.cert, key: untrusted.key }))).port}/`;

  // ":22" on this machine, IPv4 and IPv6, and a name that resolves there: only counted, never served.
  counter4 = await up(connectionCounter(LO));
  counter6 = await up(connectionCounter('::1'));
  counterByName = await up(connectionCounter(LO));
  const redirect = (location: string) => up(httpServer((_req, res) => res.writeHead(302, { location }).end()));
  url.redirectV4 = `http://${LO}:${(await redirect(`http://${LO}:${counter4.port}/`)).port}/`;
  url.redirectV6 = `http://${LO}:${(await redirect(`http://[::1]:${counter6.port}/`)).port}/`;
  url.redirectName = `http://${LO}:${(await redirect(`http://loop.test:${counterByName.port}/`)).port}/`;

  const bomb = decompressionBomb();
  url.bomb = `http://${LO}:${(await up(httpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb)))).port}/`;

  // The resolver under test floods every query with junk; the DoH control is well-behaved.
  const zone = { 'flood.test': [LO], 'loop.test': [LO] };
  const flood = await up(floodingResolver(zone));
  url.dnsFlood = `http://flood.test:${counterByName.port}/`;
  const doh = await up(startDohServer({ host: LO, cert: good.cert, key: good.key, zone: { 'flood.test': { A: [LO], AAAA: [] }, 'loop.test': { A: [LO], AAAA: [] } } }) as Promise<Running>);

  dataDir = tempDir('hostile-data');
  const common = ['--ca-file', caFile, '--control-resolver', `https://${LO}:${doh.port}/dns-query`, '--resolver', `udp://${LO}:${flood.port}`, '--format', 'jsonl', '--retries', '0'];
  const stalling = [url.silent, url.slowHeaders, url.trickleBody, url.tlsGarbage].flatMap((u) => [u, `${u}again`]) as string[];
  [verdictRun, deadlineRun] = await Promise.all([
    // Steps time out well inside the target deadline: the verdicts come from the analysis.
    runBuilt(['run', ...Object.values(url), ...common, '--data-dir', dataDir, '--concurrency', '32', '--dns-timeout', '5', '--tcp-timeout', '5', '--tls-timeout', '5', '--http-timeout', '5', '--target-timeout', '15']),
    // Steps would wait 8 s: only the target deadline can end them (8 stalls at concurrency 4).
    runBuilt(['run', ...stalling, ...common, '--no-save', '--concurrency', '4', '--tcp-timeout', '8', '--tls-timeout', '8', '--http-timeout', '8', '--target-timeout', String(DEADLINE_S)]),
  ]);
  for (const line of verdictRun.lines) {
    const r = JSON.parse(line.text) as Result & { type?: string };
    if (!r.type) byUrl.set(r.target.url, r);
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

const result = (name: string): Result => {
  const r = byUrl.get(url[name] as string);
  if (!r) throw new Error(`no result for ${name} (${url[name]}); exit ${verdictRun.code}; stderr: ${verdictRun.stderr.slice(0, 500)}`);
  return r;
};

describe('hostile servers, no censor, no helper: never "blocked" without evidence from the path', () => {
  it('the run completes (exit 0) with a result for every target', () => {
    expect(verdictRun.code, verdictRun.stderr).toBe(0);
    for (const name of Object.keys(url)) expect(byUrl.has(url[name] as string), name).toBe(true);
  });

  // Broken HTTP servers: a failure after connecting is no evidence of interference by itself.
  for (const name of Object.keys(HTTP_CASES)) {
    it(`HTTP: ${name} is inconclusive or down, with the reason in words`, () => {
      const r = result(name);
      expect(['inconclusive', 'down'], `${name}: ${r.verdict.status} ${r.verdict.method}: ${r.verdict.reason}`).toContain(r.verdict.status);
      expect(r.verdict.reason.length).toBeGreaterThan(10);
    });
  }

  it('no reason claims SNI filtering where no SNI was sent (every URL here is an IP literal)', () => {
    for (const r of byUrl.values()) expect(r.verdict.reason, r.target.url).not.toMatch(/(?<!not )SNI filtering/i);
  });
});

describe('certificate and TLS failures: the exact class, and blocked only for an untrusted root', () => {
  /** The words that name each class; a reason names its own class and no other. */
  const CLASSES = {
    untrustedRoot: /root that no trusted store holds|untrusted root|SELF_SIGNED_CERT_IN_CHAIN/i,
    expired: /expired/i,
    wrongName: /another name|ssl_invalid_hostname/i,
    incompleteChain: /incomplete chain|issuer is missing/i,
    protocol: /protocol version|unsupported protocol|TLS ?1\.0|TLSv1(?!\.)/i,
  };
  const exactly = (name: string, cls: keyof typeof CLASSES): void => {
    const reason = result(name).verdict.reason;
    expect(reason, name).toMatch(CLASSES[cls]);
    for (const [other, re] of Object.entries(CLASSES)) if (other !== cls) expect(reason, `${name} must not be called ${other}`).not.toMatch(re);
  };
  const notBlocked = (name: string): void => {
    const r = result(name);
    expect(r.verdict.status, `${name}: ${r.verdict.method}: ${r.verdict.reason}`).not.toBe('blocked');
    expect(r.verdict.reason, name).not.toMatch(/no public root trusts/i);
  };

  it('untrusted root (the chain ends in a root nobody added): interception suspected, said as such', () => {
    expect(result('untrustedRoot').verdict).toMatchObject({ status: 'blocked', method: 'mitm' });
    exactly('untrustedRoot', 'untrustedRoot');
  });
  it('expired leaf (root added with --ca-file): not blocked, the reason says expired', () => {
    notBlocked('expired');
    exactly('expired', 'expired');
  });
  it('wrong name: not blocked, the reason says the certificate is for another name', () => {
    notBlocked('wrongName');
    exactly('wrongName', 'wrongName');
  });
  it('200-deep chain, and a leaf whose issuer is not sent: not blocked, the reason says incomplete chain', () => {
    for (const name of ['deepChain', 'missingIssuer']) {
      notBlocked(name);
      exactly(name, 'incompleteChain');
    }
  });
  it('TLS 1.0 only: not blocked, the reason names the protocol version', () => {
    notBlocked('tls10');
    exactly('tls10', 'protocol');
  });
  it('TLS garbage and a 100 KB certificate subject: not blocked, the handshake failure in words', () => {
    for (const name of ['tlsGarbage', 'bigSubject']) {
      notBlocked(name);
      expect(result(name).verdict.reason, name).toMatch(/handshake|ssl_failed_handshake/i);
    }
  });
  it('TLS 1.0 only: not blocked at least', () => notBlocked('tls10'));
});

describe('nothing reaches this machine because a site said so', () => {
  it('redirects to 127.0.0.1:<port>, [::1]:<port> and a name resolving to loopback are refused: no connection arrives', () => {
    expect(counter4.connections()).toBe(0);
    expect(counter6.connections()).toBe(0);
    expect(counterByName.connections()).toBe(0);
    for (const name of ['redirectV4', 'redirectV6', 'redirectName']) expect(JSON.stringify(result(name)), name).toMatch(/refus|loopback|bogon|not dialled|this machine/i);
  });

  it('a name whose DNS answer is loopback is not dialled (DNS flood from the resolver under test survives too)', () => {
    const r = result('dnsFlood') as Result & { measurement: { dns: { local: Array<{ queryType: string; answers: Array<{ value: string }>; strayReplies?: number }> } } };
    const a = r.measurement.dns.local.find((o) => o.queryType === 'A');
    expect(a?.answers.map((x) => x.value)).toEqual([LO]); // not the forged 10.0.0.1 with the wrong id
    expect(a?.strayReplies ?? 0).toBeGreaterThan(0);
    expect(r.verdict.status).not.toBe('blocked');
    // The flood target and the by-name redirect share the counter: only the redirect could have reached it.
    expect(JSON.stringify(r.measurement)).toMatch(/"skipped":"loopback"/);
  });

  it('a decompression bomb is read raw and capped: the page is accessible, the body bounded', () => {
    const r = result('bomb');
    expect(r.verdict.status).toBe('accessible');
    for (const h of r.measurement.http) expect(h.bodyLength).toBeLessThanOrEqual(512 * 1024);
    expect(verdictRun.maxRssKb ?? 0).toBeLessThan(200 * 1024);
  });
});

describe('deadlines are deadlines, and finished targets are on disk', () => {
  it('every finished target is in the data directory', () => {
    const runs = join(dataDir, 'runs');
    const [id] = readdirSync(runs);
    const stored = readFileSync(join(runs, id as string, 'measurements.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Result).target.url);
    expect(new Set(stored)).toEqual(new Set(Object.values(url)));
  });

  it('each stalled target ends within its deadline + 1 s', () => {
    const results = deadlineRun.lines.map((l) => ({ at: l.at, r: JSON.parse(l.text) as Result & { type?: string } })).filter((x) => !x.r.type);
    expect(results).toHaveLength(8);
    for (const { at, r } of results) {
      const overshoot = at - Date.parse(r.measurement.startedAt) - DEADLINE_S * 1000;
      expect(overshoot, r.target.url).toBeLessThan(1000);
    }
  });

  it('the process exits within the last deadline + 2 s (8 stalls at concurrency 4: two waves)', () => {
    const starts = deadlineRun.lines.map((l) => JSON.parse(l.text) as Result & { type?: string }).filter((r) => !r.type).map((r) => Date.parse(r.measurement.startedAt));
    const lastDeadline = Math.max(...starts) + DEADLINE_S * 1000;
    expect(deadlineRun.exitedAt - lastDeadline).toBeLessThan(2000);
  });
});

