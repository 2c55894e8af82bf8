import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeService } from '../analyze/service.ts';
import { analyzeWeb } from '../analyze/web.ts';
import { ingestOoni } from './ooni.ts';
import { serviceLookup } from './sources.ts';

/**
 * Absent is not empty: removing any field from a hand-written OONI fixture never turns a verdict into
 * `blocked`. The removals are generated from the fixture set: every key of every object, at any depth.
 */
const dir = new URL('../../test/fixtures/ooni/', import.meta.url);
const services = serviceLookup();
type Json = Record<string, unknown>;

function statusOf(value: unknown): string | null {
  const r = ingestOoni(value, 'fixture:1', services);
  if ('error' in r || r.kind === 'skipped') return null;
  return r.kind === 'web' ? analyzeWeb(r.measurement).status : analyzeService(r.measurement).status;
}

/** Every path to a key in the value (objects' keys, inside arrays too). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => paths(x, [...at, i]));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v as Json).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
}

function without(v: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(v) as Json;
  let o: unknown = copy;
  for (const k of path.slice(0, -1)) o = (o as Record<string | number, unknown>)[k];
  delete (o as Record<string | number, unknown>)[path.at(-1) as string | number];
  return copy;
}

const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, value: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Json }));

describe('absent is not empty: a removed field never makes a verdict blocked', () => {
  for (const { name, value } of fixtures) {
    it(name, () => {
      const before = statusOf(value);
      if (before === null || before === 'blocked') return;
      const turned = paths(value)
        .filter((p) => !['test_name', 'input', 'raw_measurement'].includes(String(p.at(-1))) || p.length > 2)
        .map((p) => ({ path: p.join('.'), after: statusOf(without(value, p)) }))
        .filter((x) => x.after === 'blocked');
      expect(turned).toEqual([]);
    });
  }
});

describe('absent is not empty: each variant is mapped or named in lacks', () => {
  const base = (): Json => JSON.parse(readFileSync(new URL('wc-04-http-diff.json', dir), 'utf8')) as Json;
  const keys = (m: Json): Json => m.test_keys as Json;
  const control = (m: Json): Json => keys(m).control as Json;
  const web = (m: Json) => {
    const r = ingestOoni(m, 'fixture:1', services);
    if ('error' in r || r.kind !== 'web') throw new Error('expected a web measurement');
    return { m: r.measurement, lacks: r.lacks, verdict: analyzeWeb(r.measurement) };
  };

  it("reads the 0.1.x helper's `ips` as the control's addresses", () => {
    const m = base();
    control(m).dns = { failure: null, ips: ['198.51.100.7'] };
    expect(web(m).m.dns.control[0]?.answers).toEqual([{ type: 'A', value: '198.51.100.7', ttl: null }]);
  });

  it("a control lookup without addrs and without a failure is absent, not NXDOMAIN", () => {
    const m = base();
    control(m).dns = { failure: null };
    const r = web(m);
    expect(r.m.dns.control).toEqual([]);
    expect(r.lacks).toContain("the control's DNS answer (addrs)");
    expect(r.verdict.method).not.toBe('dns');
  });

  it('a queries list that omits the host, with a TCP success to the control address: the host resolved (consistent)', () => {
    const m = base();
    keys(m).queries = [];
    const r = web(m);
    expect(r.m.dns.local).toEqual([]);
    expect(r.verdict.dnsConsistency).toBe('consistent');
  });

  it('no queries at all: the summary key dns_experiment_failure is the lookup, and queries is named as lacking', () => {
    const m = base();
    delete keys(m).queries;
    keys(m).dns_experiment_failure = 'dns_nxdomain_error';
    keys(m).tcp_connect = [];
    keys(m).requests = [];
    const r = web(m);
    expect(r.lacks).toContain('queries');
    expect(r.m.dns.local[0]?.failure).toBe('dns_nxdomain_error');
  });

  it('a lookup with no answers list and no failure is dropped and named, not read as "no answer"', () => {
    const m = base();
    keys(m).queries = [{ hostname: 'www.example.org', query_type: 'A', engine: 'system', failure: null }];
    keys(m).tcp_connect = [];
    const r = web(m);
    expect(r.lacks).toContain('the answers of the lookup of www.example.org');
    expect(r.verdict.dnsConsistency).toBe('unknown');
    expect(r.verdict.method).not.toBe('dns');
  });

  it('a TCP connect with no recorded result is absent, not failed', () => {
    const m = base();
    keys(m).tcp_connect = [{ ip: '198.51.100.7', port: 80, status: { blocked: false } }];
    const r = web(m);
    expect(r.m.tcp).toEqual([]);
    expect(r.lacks).toContain('the result of the TCP connect to 198.51.100.7:80');
  });

  it('a response without its body: length and title unknown, so the comparison with the control is undecided', () => {
    const m = base();
    for (const q of keys(m).requests as Json[]) delete (q.response as Json).body;
    const r = web(m);
    expect(r.lacks).toContain('the response body');
    expect(r.m.http.at(-1)?.bodyMissing).toBe(true);
    expect(r.verdict.status).not.toBe('blocked');
  });

  it('a request without an address keeps an empty address, never one of the control', () => {
    const m = base();
    for (const q of keys(m).requests as Json[]) delete q.address;
    expect(web(m).m.http.every((h) => h.ip === '')).toBe(true);
  });

  it('MK-era messenger keys with hyphens are read under their underscored names', () => {
    const m = JSON.parse(readFileSync(new URL('telegram.json', dir), 'utf8')) as Json;
    const tk = keys(m);
    const value = tk.telegram_tcp_blocking;
    delete tk.telegram_tcp_blocking;
    tk['telegram-tcp-blocking'] = value;
    const r = ingestOoni(m, 'fixture:1', services);
    if ('error' in r || r.kind !== 'service') throw new Error('expected a service measurement');
    expect(r.ooni.keys).toHaveProperty('telegram_tcp_blocking', value);
  });
});
