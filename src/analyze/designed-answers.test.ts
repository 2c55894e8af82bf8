import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestOoni } from '../ingest/ooni.ts';
import { serviceLookup } from '../ingest/sources.ts';
import { analyzeService } from './service.ts';

/** Issue #20 class 2: hosts that resolve to special addresses by design (the service list says so per host). */
type Json = Record<string, unknown>;
const signal = (): Json => JSON.parse(readFileSync(new URL('../../test/fixtures/ooni/signal.json', import.meta.url), 'utf8')) as Json;
const withUptime = (m: Json, ip: string): Json => {
  const tk = m.test_keys as { queries: Json[] };
  tk.queries = tk.queries.map((q) => (q.hostname === 'uptime.signal.org' ? { ...q, failure: null, answers: [{ answer_type: 'A', ipv4: ip, ttl: null }] } : q));
  return m;
};
function dnsCheck(m: Json) {
  const r = ingestOoni(m, 'fixture:1', serviceLookup());
  if ('error' in r || r.kind !== 'service') throw new Error('expected a service measurement');
  const v = analyzeService(r.measurement);
  return { v, uptime: v.checks?.find((c) => c.id === 'dns')?.endpoints.find((e) => e.endpoint === 'uptime.signal.org') };
}

describe('designed answers', () => {
  it("the shipped list says Signal's status record resolves to 127.0.0.1 by design", () => {
    const signalService = serviceLookup()('signal');
    expect(signalService?.checks.find((c) => c.id === 'dns')?.designed_answers).toEqual({ 'uptime.signal.org': ['127.0.0.1'] });
  });

  it("an OONI Signal measurement whose status record answers 127.0.0.1 is not DNS tampering", () => {
    const { v, uptime } = dnsCheck(withUptime(signal(), '127.0.0.1'));
    expect(uptime?.status).toBe('ok');
    expect(v.method).not.toBe('dns');
  });

  it('any other bogon answer for the same host still is', () => {
    expect(dnsCheck(withUptime(signal(), '10.10.34.35')).uptime?.status).toBe('blocked');
  });
});

describe('a service list is a control for its own hosts', () => {
  const nx = (m: Json, host: string, failure: string): Json => {
    const tk = m.test_keys as { queries: Json[] };
    tk.queries = tk.queries.map((q) => (q.hostname === host ? { ...q, failure, answers: [] } : q));
    return m;
  };
  it('NXDOMAIN for a host the list says exists, while the same resolver resolves the service\'s other hosts, is DNS blocking, said with what resolved', () => {
    const { uptime, v } = dnsCheck(nx(withUptime(signal(), '127.0.0.1'), 'storage.signal.org', 'dns_nxdomain_error'));
    expect(uptime?.status).toBe('ok');
    const storage = v.checks?.find((c) => c.id === 'dns')?.endpoints.find((e) => e.endpoint === 'storage.signal.org');
    expect(storage?.status).toBe('blocked');
    expect(storage?.failure).toMatch(/^dns_nxdomain_error for storage\.signal\.org, while the same resolver resolves the service's other hosts \(chat\.signal\.org → /);
  });
  it('a lookup that failed otherwise (a timeout) stays undecided', () => {
    const { v } = dnsCheck(nx(withUptime(signal(), '127.0.0.1'), 'storage.signal.org', 'generic_timeout_error'));
    expect(v.checks?.find((c) => c.id === 'dns')?.endpoints.find((e) => e.endpoint === 'storage.signal.org')?.status).toBe('inconclusive');
  });
});
