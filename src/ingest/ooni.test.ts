import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWeb } from '../analyze/web.ts';
import { analyzeService } from '../analyze/service.ts';
import type { ServiceMeasurement, WebMeasurement } from '../model/measurement.ts';
import { FAILURES } from '../model/failure.ts';
import { TestPki } from '../../test/helpers/pki.ts';
import { compareVerdicts } from './agreement.ts';
import { ingestOoni, ooniHeaders, ooniString, type IngestedMeasurement } from './ooni.ts';
import { serviceLookup } from './sources.ts';

// Measurements written by hand from OONI's spec (ts-017, ts-018..020, ts-029, df-000..008): see test/fixtures/ooni/.
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../test/fixtures/ooni/${name}`, import.meta.url), 'utf8'));
const services = serviceLookup();

function ingest(value: unknown): IngestedMeasurement {
  const r = ingestOoni(value, 'fixture:1', services);
  if ('error' in r) throw new Error(r.error);
  return r;
}
function web(name: string | Record<string, unknown>): { m: WebMeasurement; lacks: string[]; ooni: Extract<IngestedMeasurement, { kind: 'web' }>['ooni'] } {
  const r = ingest(typeof name === 'string' ? fixture(name) : name);
  if (r.kind !== 'web') throw new Error(`expected a web measurement, got ${r.kind}`);
  return { m: r.measurement, lacks: r.lacks, ooni: r.ooni };
}
function service(name: string): ServiceMeasurement {
  const r = ingest(fixture(name));
  if (r.kind !== 'service') throw new Error(`expected a service measurement, got ${r.kind}`);
  return r.measurement;
}

describe('OONI web_connectivity 0.5 (LTE) → model', () => {
  it('maps queries per engine: the classic system lookups are the resolver under test, DoH and plain UDP are not', () => {
    const { m } = web('wc-lte-accessible-https.json');
    expect(m.dns.local.map((q) => q.engine)).toEqual(['getaddrinfo']);
    expect(m.dns.local[0]?.answers).toEqual([{ type: 'A', value: '198.51.100.7', ttl: null, asn: 64501 }]);
    expect(m.localResolver).toBe('OONI getaddrinfo');
  });

  it("maps the test helper's answer to the control: its DNS to the control lookup, the rest to the helper observation", () => {
    const { m } = web('wc-lte-accessible-https.json');
    expect(m.dns.control).toHaveLength(1);
    expect(m.dns.control[0]).toMatchObject({ engine: 'doh', failure: null, answers: [{ type: 'A', value: '198.51.100.7' }] });
    expect(m.helper?.url).toBe('https://th.example.org');
    expect(m.helper?.response?.http_request).toMatchObject({ status_code: 200, title: 'Example Domain', failure: null });
    expect(m.helper?.response?.tcp_connect['198.51.100.7:443']).toEqual({ status: true, failure: null });
    expect(m.addresses.find((a) => a.ip === '198.51.100.7')?.sources).toEqual(['local', 'control', 'helper']);
  });

  it('maps tcp_connect, tls_handshakes and requests (header lists, the handshake of the hop)', () => {
    const { m } = web('wc-lte-accessible-https.json');
    expect(m.tcp).toEqual([{ ip: '198.51.100.7', port: 443, failure: null, t0: 0.06, t: 0.08 }]);
    expect(m.tls[0]).toMatchObject({ ip: '198.51.100.7', port: 443, serverName: 'www.example.org', failure: null, tlsVersion: 'TLSv1.3', chainTrusted: true, hostnameMatches: true });
    expect(m.http).toHaveLength(1);
    expect(m.http[0]).toMatchObject({ url: 'https://www.example.org/', status: 200, title: 'Example Domain', ip: '198.51.100.7', port: 443 });
    expect(m.http[0]?.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(m.http[0]?.tls?.serverName).toBe('www.example.org');
    expect(analyzeWeb(m).status).toBe('accessible');
  });

  it('keeps OONI verdict keys beside the measurement', () => {
    const { ooni } = web('wc-lte-dns-injection.json');
    expect(ooni).toMatchObject({ testName: 'web_connectivity', testVersion: '0.5.28', blocking: 'dns', accessible: false, label: 'dns' });
  });

  it('x_dns_duplicate_responses become late answers of the UDP lookup: injection, named as such', () => {
    const { m } = web('wc-lte-dns-injection.json');
    const udp = m.dns.local.find((q) => q.engine === 'udp');
    expect(udp?.answers[0]?.value).toBe('203.0.113.66');
    expect(udp?.lateAnswers).toEqual([[{ type: 'A', value: '198.51.100.7', ttl: null, asn: 64501 }]]);
    const v = analyzeWeb(m);
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.reason).toContain('injected');
  });

  it('orders hops by depth and adds the redirect hop whose connection failed (LTE records no request for it)', () => {
    const { m } = web('wc-lte-redirect-reset.json');
    expect(m.http.map((h) => [h.url, h.status, h.failure, h.failedOperation])).toEqual([
      ['https://short.example/x1', 302, null, null],
      ['https://www.example.org/', null, 'connection_reset', 'tls_handshake'],
    ]);
    expect(m.tcp.map((t) => t.ip)).toEqual(['192.0.2.80']); // depth 0 only: the redirect host is the hop's business
    expect(m.redirectDns.map((q) => q.hostname)).toEqual(['www.example.org']);
    expect(analyzeWeb(m)).toMatchObject({ status: 'blocked', method: 'http-failure' });
  });

  it('names a Qaznet chain in peer_certificates (base64 DER) through the CA matching the probe uses', () => {
    const pki = new TestPki();
    const root = pki.root('qaznet', '/C=KZ/CN=Qaznet Trust Network');
    const leaf = pki.issue('leaf', '/CN=www.example.org', root, { names: ['www.example.org'] });
    const der = (pem: string): string => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    const base = fixture('wc-lte-accessible-https.json');
    const tk = base.test_keys as Record<string, unknown>;
    const hs = (tk.tls_handshakes as Record<string, unknown>[])[0] as Record<string, unknown>;
    const measurement = {
      ...base,
      test_keys: {
        ...tk,
        requests: [],
        tls_handshakes: [{ ...hs, failure: 'ssl_unknown_authority', peer_certificates: [{ format: 'base64', data: der(leaf.cert) }, { format: 'base64', data: der(root.cert) }] }],
      },
    };
    const { m } = web(measurement);
    expect(m.tls[0]?.peerCertificates.map((c) => c.subject)).toEqual(['CN=www.example.org', 'C=KZ, CN=Qaznet Trust Network']);
    expect(m.tls[0]).toMatchObject({ chainTrusted: false, failure: FAILURES.unknownAuthority });
    const v = analyzeWeb(m);
    expect(v).toMatchObject({ status: 'blocked', method: 'mitm' });
    expect(v.interceptionCa).toMatchObject({ ca: 'Qaznet Trust Network', country: 'KZ', matchedBy: 'name' });
    expect(m.tls[0]?.certFailure).toBe('untrusted_root');

    // ssl_invalid_certificate, told apart by the leaf's dates against the measurement's time.
    const later = { ...measurement, measurement_start_time: '2031-01-01 00:00:00', test_keys: { ...measurement.test_keys, tls_handshakes: [{ ...hs, failure: 'ssl_invalid_certificate', peer_certificates: [{ format: 'base64', data: der(leaf.cert) }] }] } };
    expect(web(later).m.tls[0]?.certFailure).toBe('expired');
    const noCerts = { ...later, test_keys: { ...later.test_keys, tls_handshakes: [{ ...hs, failure: 'ssl_invalid_certificate', peer_certificates: null }] } };
    expect(web(noCerts).m.tls[0]?.certFailure).toBe('other');
  });

  it('IDNA input: the host is compared in its ASCII form, as the queries carry it', () => {
    const base = fixture('wc-lte-accessible-https.json');
    const { m } = web({ ...base, input: 'https://яндекс.рф/' });
    expect(m.hostname).toBe('xn--d1acpjx3f.xn--p1ai');
  });
});

describe('OONI web_connectivity 0.4 and the 2016-2019 MK engine → model', () => {
  it('0.4: engine "system", untagged operations, requests final-first reversed into hops, header maps', () => {
    const { m, lacks } = web('wc-04-http-diff.json');
    expect(lacks).toEqual([]);
    expect(m.dns.local.map((q) => [q.engine, q.queryType])).toEqual([['getaddrinfo', 'A']]);
    expect(m.http.map((h) => [h.url, h.status])).toEqual([
      ['http://example.org/', 301],
      ['http://www.example.org/', 200],
    ]);
    expect(m.http[0]?.headers.location).toBe('http://www.example.org/');
    expect(analyzeWeb(m)).toMatchObject({ status: 'blocked', method: 'http-diff' });
  });

  it('MK engine: no query engine, base64 bodies, header values as lists or base64, a truncated body', () => {
    const { m, lacks } = web('wc-mk-2017.json');
    expect(lacks).toEqual([]);
    expect(m.dns.local[0]).toMatchObject({ engine: 'getaddrinfo', hostname: 'www.example.org' });
    const h = m.http[0];
    expect(h?.title).toBe('Example Domain');
    expect(h?.bodyTruncated).toBe(true);
    expect(h?.bodyLength).toBeGreaterThan(200);
    expect(h?.headers).toMatchObject({ 'content-type': 'text/html', 'set-cookie': 'a=1, b=2', 'x-weird': 'v' });
    expect(m.helper?.url).toBe('https://a.web-connectivity.th.ooni.io:4442');
    expect(m.startedAt).toBe('2017-05-04T12:00:00.000Z');
    expect(analyzeWeb(m).status).toBe('accessible');
  });

  it('null requests: the measurement lacks requests, and the analysis cannot conclude', () => {
    const { m, lacks } = web('wc-null-requests.json');
    expect(lacks).toEqual(['requests']);
    expect(m.http).toEqual([]);
    expect(analyzeWeb(m).status).toBe('inconclusive');
  });

  it('test_keys null: lacks test_keys, no throw', () => {
    const { m, lacks } = web('wc-no-test-keys.json');
    expect(lacks).toEqual(['test_keys']);
    expect(analyzeWeb(m).status).toBe('inconclusive');
  });

  it('garbage in every field degrades to lacks, never a stack trace', () => {
    const base = fixture('wc-lte-accessible-https.json');
    const bad = {
      ...base,
      test_keys: {
        queries: [null, 3, { answers: 'x', engine: 7 }],
        tcp_connect: [{ ip: 5 }, { ip: '198.51.100.7', port: 443, status: null }],
        tls_handshakes: [{ address: 'nonsense', peer_certificates: [{ format: 'base64', data: 'bm90IGEgY2VydA==' }] }, { address: '198.51.100.7:443', peer_certificates: [{ format: 'base64', data: 'bm90IGEgY2VydA==' }] }],
        requests: [{ request: null }, { request: { url: '::' } }, { request: { url: 'https://www.example.org/' }, response: { body: { format: 'hex', data: '00' }, headers: { a: [[1]] } } }],
        control: { tcp_connect: 'x', http_request: { status_code: 'x' } },
        x_dns_duplicate_responses: 'x',
      },
    };
    const { m, lacks } = web(bad);
    expect(lacks).toEqual(expect.arrayContaining(['a parsable peer certificate', 'the request URL', 'a valid request URL', 'a readable response body']));
    // Issue #20: a connect with no recorded result is absent, not failed.
    expect(m.tcp).toEqual([]);
    expect(lacks).toContain('the result of the TCP connect to 198.51.100.7:443');
    expect(() => analyzeWeb(m)).not.toThrow();
  });

  it('legacy failure names map onto tekser\'s vocabulary; others are kept as OONI wrote them', () => {
    const base = fixture('wc-04-http-diff.json');
    const tk = base.test_keys as Record<string, unknown>;
    const { m } = web({ ...base, test_keys: { ...tk, tcp_connect: [{ ip: '198.51.100.7', port: 80, status: { success: false, failure: 'connection_refused_error' } }, { ip: '198.51.100.8', port: 80, status: { success: false, failure: 'android_dns_cache_no_data' } }] } });
    expect(m.tcp.map((t) => t.failure)).toEqual([FAILURES.refused, 'android_dns_cache_no_data']);
  });
});

describe('OONI API answers and other nettests', () => {
  it('measurement_meta: raw_measurement is a JSON string', () => {
    const { m, ooni } = web('measurement-meta.json');
    expect(m.target.url).toBe('https://www.example.org/');
    expect(ooni.label).toBe('accessible');
  });

  it('a nettest tekser does not read is skipped with a reason', () => {
    const r = ingest({ test_name: 'dash', test_keys: {}, input: null });
    expect(r).toMatchObject({ kind: 'skipped', testName: 'dash' });
    expect((r as { reason: string }).reason).toContain('does not analyse');
  });

  it('not a measurement at all is an error (a line of the user\'s input), not a skip', () => {
    expect(ingestOoni([1, 2], 'x:1', services)).toEqual({ error: 'not a JSON object' });
    expect(ingestOoni({ hello: 1 }, 'x:1', services)).toEqual({ error: 'not an OONI measurement (no test_name)' });
    expect(ingestOoni({ raw_measurement: '{' }, 'x:1', services)).toEqual({ error: 'raw_measurement is not valid JSON' });
  });

  it('string values: plain or {format: base64}', () => {
    expect(ooniString('ab')).toEqual({ text: 'ab', bytes: 2 });
    expect(ooniString({ format: 'base64', data: Buffer.from('é').toString('base64') })).toEqual({ text: 'é', bytes: 2 });
    expect(ooniString({ format: 'hex', data: '00' })).toBeNull();
    expect(ooniHeaders([['A', 'x'], ['a', 'y'], ['B']], { C: 'ignored when a list is given' })).toEqual({ a: 'x' });
    expect(ooniHeaders(null, { C: ['1', '2'] })).toEqual({ c: '1, 2' });
  });
});

describe('OONI messenger nettests → the shipped service definitions', () => {
  it('whatsapp: every chat server fails on both ports (tcp_ip); registration and web load', () => {
    const m = service('whatsapp.json');
    const endpoints = m.checks.find((c) => c.checkId === 'endpoints');
    expect(endpoints?.attempts).toHaveLength(32); // 16 servers × ports 443 and 5222
    expect(endpoints?.attempts[0]).toMatchObject({ label: 'e1.whatsapp.net', port: 443, tcp: [{ ip: '157.240.0.1', failure: 'generic_timeout_error' }] });
    const v = analyzeService(m);
    expect(v.checks?.find((c) => c.id === 'endpoints')).toMatchObject({ status: 'blocked', method: 'tcp_ip' });
    expect(v.checks?.find((c) => c.id === 'web')?.status).toBe('accessible');
    const ooni = (ingest(fixture('whatsapp.json')) as { ooni: Parameters<typeof compareVerdicts>[0] }).ooni;
    expect(ooni.keys).toMatchObject({ whatsapp_endpoints_status: 'blocked', whatsapp_web_status: 'ok' });
    expect(compareVerdicts(ooni, v).agree).toBe('same');
  });

  it('telegram: POSTs to the data centres, matched by URL, reset', () => {
    const m = service('telegram.json');
    const dc = m.checks.find((c) => c.checkId === 'datacenters');
    expect(dc?.attempts[1]?.http).toMatchObject({ url: 'http://149.154.175.50:443/', method: 'POST', failure: 'connection_reset' });
    expect(analyzeService(m).checks?.find((c) => c.id === 'datacenters')).toMatchObject({ status: 'blocked', method: 'http-failure' });
  });

  it('signal: all hosts answer: accessible, as OONI says', () => {
    expect(analyzeService(service('signal.json')).status).toBe('accessible');
  });

  it('facebook_messenger: DNS answers outside AS32934 are DNS blocking', () => {
    const v = analyzeService(service('facebook_messenger.json'));
    expect(v.checks?.find((c) => c.id === 'dns')).toMatchObject({ status: 'blocked', method: 'dns' });
  });
});

describe('agreement with OONI', () => {
  const ooni = (label: string, keys?: Record<string, unknown>) => ({ testName: 'web_connectivity', testVersion: '0.5.28', label, ...(keys ? { keys } : {}) });
  const v = (status: 'blocked' | 'accessible' | 'down' | 'inconclusive', method: string | null = null) => ({ status, method: method as never, reason: 'because' });
  it('same method, a finer cause, or a difference with tekser\'s reason', () => {
    expect(compareVerdicts(ooni('dns'), v('blocked', 'dns'))).toMatchObject({ agree: 'same', line: 'OONI: dns, tekser: dns' });
    expect(compareVerdicts(ooni('http-failure'), v('blocked', 'tls'))).toMatchObject({ agree: 'finer' });
    expect(compareVerdicts(ooni('http-failure'), v('inconclusive'))).toMatchObject({ agree: 'differs', line: 'OONI: http-failure, tekser: inconclusive — because' });
    expect(compareVerdicts(ooni('down'), v('down')).agree).toBe('same');
    expect(compareVerdicts(ooni('accessible'), v('down')).agree).toBe('differs');
    expect(compareVerdicts(ooni('unknown'), v('inconclusive')).agree).toBe('same');
    expect(compareVerdicts(ooni('blocked', {}), v('blocked', 'tcp_ip')).agree).toBe('same');
    expect(compareVerdicts(ooni('ok', {}), v('blocked', 'tcp_ip')).agree).toBe('differs');
  });
});
