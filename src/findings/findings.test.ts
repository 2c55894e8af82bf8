import { describe, expect, it } from 'vitest';
import { cert, dns, http, measurement, tcp, tls } from '../../test/fixtures/observations.ts';
import type { WebResult } from '../model/run.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import { findFindings, findingRecord, findingRecordOf } from './index.ts';
import { findingRecordSchema } from '../model/finding.ts';
import { analyzeWeb, analyzeWebTarget } from '../analyze/web.ts';

const result = (m: WebMeasurement): WebResult => ({ target: m.target, verdict: analyzeWeb(m), measurement: m });
const helperSees = (ip: string, port = 443) => ({ url: 'h', failure: null, response: { tcp_connect: { [`${ip}:${port}`]: { status: true, failure: null } }, tls_handshake: {}, http_request: { body_length: 1, failure: null, title: '', headers: {}, status_code: 200 }, dns: { failure: null, addrs: [] } } });

function ipBlocked(host: string, ip: string): WebResult {
  const url = `https://${host}/`;
  return result(measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443, 'connection_refused')], helper: helperSees(ip) }));
}
function works(host: string, ip: string, body = 1000, seconds = 0.05): WebResult {
  const url = `https://${host}/`;
  const page = http(url, ip, 200, { tls: tls(ip, host), bodyLength: body, t0: 0.1, t: 0.1 + seconds });
  return result(measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443)], tls: [tls(ip, host)], http: [page] }));
}
function offline(host: string): WebResult {
  const url = `https://${host}/`;
  return result(measurement(url, { dns: { local: [dns('getaddrinfo', host, [], 'dns_temporary_failure')], control: [dns('doh', host, [], 'network_unreachable')] } }));
}
const kinds = (rs: WebResult[]) => findFindings(rs).map((f) => f.kind);
/** Connections time out and there is no helper: un-targeted failure, inconclusive. */
function unreachable(host: string, ip: string, role?: 'canary'): WebResult {
  const url = `https://${host}/`;
  const m = measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443, 'generic_timeout_error')] });
  return result(role ? { ...m, target: { ...m.target, role } } : m);
}
const canary = (host: string, ip: string): WebResult => unreachable(host, ip, 'canary');
function canaryWorks(host: string, ip: string): WebResult {
  const r = works(host, ip);
  return { ...r, target: { ...r.target, role: 'canary' }, measurement: { ...r.measurement, target: { ...r.target, role: 'canary' } } };
}
function dnsTampered(host: string): WebResult {
  const url = `https://${host}/`;
  return result(measurement(url, { dns: { local: [dns('udp', host, ['10.10.34.35'])], control: [dns('doh', host, ['203.0.113.99'])] }, tcp: [tcp('10.10.34.35', 443, 'connection_refused')] }));
}

describe('findFindings: statements about a whole run', () => {
  it('collateral: sites that fail on the address they share are grouped under that address', () => {
    const shared = '203.0.113.7';
    const rs = [ipBlocked('a.example', shared), ipBlocked('b.example', shared), ipBlocked('c.example', shared), works('d.example', '203.0.113.10'), ipBlocked('e.example', '198.51.100.9')];
    const f = findFindings(rs).filter((x) => x.kind === 'collateral');
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toBe('IP 203.0.113.7 unreachable (connection_refused): 3 tested sites share it: a.example, b.example, c.example');
    expect(f[0]?.details[0]).toMatch(/other addresses in 203\.0\.113\.0\/24 work \(203\.0\.113\.10\): the block is on this host/);
  });

  it('not a finding: two sites that share a CDN address and both work', () => {
    expect(kinds([works('a.example', '198.51.100.5'), works('b.example', '198.51.100.5'), works('c.example', '198.51.100.6')])).toEqual([]);
  });

  it('no connectivity: every target fails and even the control cannot be reached', () => {
    const f = findFindings([offline('a.example'), offline('b.example'), offline('c.example')]);
    expect(f.map((x) => x.kind)).toEqual(['no-connectivity']);
    expect(f[0]?.title).toMatch(/^No connectivity: 3 of 3 targets/);
  });

  it('not a shutdown: one unrelated site down among working ones', () => {
    const down = result(measurement('https://gone.example/', { dns: { local: [dns('udp', 'gone.example', [], 'dns_nxdomain_error')], control: [dns('doh', 'gone.example', [], 'dns_nxdomain_error')] } }));
    expect(kinds([works('a.example', '198.51.100.1'), works('b.example', '198.51.100.2'), down as WebResult])).toEqual([]);
  });

  it('allow-list regime (8 January 2022): the neutral canaries fail un-targeted too, while a few domestic sites work', () => {
    const rs = [works('tengrinews.kz', '198.51.100.1'), works('kaspi.kz', '198.51.100.2'), ...Array.from({ length: 10 }, (_, i) => unreachable(`site${i}.example`, `203.0.113.${40 + i}`))];
    const f = findFindings([...rs, canary('canary-a.example', '192.0.2.70'), canary('canary-b.example', '192.0.2.71')]);
    expect(f.map((x) => x.kind)).toEqual(['allow-list']);
    expect(f[0]?.title).toBe('Allow-list regime: all 2 neutral canary sites fail (generic_timeout_error), the way 10 of 12 targets do, while only 2 work: https://tengrinews.kz/, https://kaspi.kz/');
  });

  it('not an allow-list without canary evidence: the same failures with no canaries in the run', () => {
    const rs = [works('tengrinews.kz', '198.51.100.1'), works('kaspi.kz', '198.51.100.2'), ...Array.from({ length: 10 }, (_, i) => unreachable(`site${i}.example`, `203.0.113.${40 + i}`))];
    expect(kinds(rs)).not.toContain('allow-list');
  });

  it('not an allow-list: a heavily censored list blocked by targeted methods, the canaries loading (#11)', () => {
    const censored = Array.from({ length: 10 }, (_, i) => dnsTampered(`site${i}.example`));
    const rs = [works('tengrinews.kz', '198.51.100.1'), ...censored, canaryWorks('canary-a.example', '192.0.2.70'), canaryWorks('canary-b.example', '192.0.2.71')];
    expect(kinds(rs)).not.toContain('allow-list');
  });

  it('not an allow-list: canaries fail, but the targets fail by targeted methods (DNS injection)', () => {
    const rs = [works('tengrinews.kz', '198.51.100.1'), ...Array.from({ length: 10 }, (_, i) => dnsTampered(`site${i}.example`)), canary('canary-a.example', '192.0.2.70'), canary('canary-b.example', '192.0.2.71')];
    expect(kinds(rs)).not.toContain('allow-list');
  });

  it('SNI filtering proven by the harmless-SNI retry on the same address', () => {
    const ip = '203.0.113.22';
    const m = measurement('https://rfe.example/', {
      dns: { local: [dns('udp', 'rfe.example', [ip])], control: [dns('doh', 'rfe.example', [ip])] },
      tcp: [tcp(ip, 443)],
      tls: [tls(ip, 'rfe.example', 'generic_timeout_error')],
      sniProbes: [
        { kind: 'same-ip-harmless-sni', handshake: tls(ip, 'example.org', 'ssl_invalid_hostname', [cert('CN=rfe.example', 'CN=CA')]) },
        { kind: 'same-ip-no-sni', handshake: tls(ip, null, null) },
      ],
    });
    const r = result(m);
    expect(r.verdict).toMatchObject({ status: 'blocked', method: 'tls', sniProof: 'proven' });
    expect(r.verdict.reason).toMatch(/same address completes one for example\.org/);
    expect(findFindings([r]).map((f) => f.kind)).toEqual(['sni-filtering']);
  });

  it('not proven: the harmless SNI fails on that address too', () => {
    const ip = '203.0.113.22';
    const r = result(
      measurement('https://rfe.example/', {
        dns: { local: [dns('udp', 'rfe.example', [ip])], control: [dns('doh', 'rfe.example', [ip])] },
        tcp: [tcp(ip, 443)],
        tls: [tls(ip, 'rfe.example', 'connection_reset')],
        sniProbes: [{ kind: 'same-ip-harmless-sni', handshake: tls(ip, 'example.org', 'connection_reset') }],
      }),
    );
    expect(r.verdict.sniProof).toBe('not-proven');
    expect(findFindings([r]).some((f) => f.kind === 'sni-filtering')).toBe(false);
  });

  it('state interception: a chain holding the Qaznet root is named by its fingerprint', () => {
    const ip = '203.0.113.30';
    const qaznet = { ...cert('C=KZ, CN=Qaznet Trust Network', 'C=KZ, CN=Qaznet Trust Network'), sha256: '00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2' };
    const chain = [cert('CN=www.facebook.com', 'C=KZ, CN=Security Certificate'), cert('C=KZ, CN=Security Certificate', 'C=KZ, CN=Qaznet Trust Network'), qaznet];
    const r = result(measurement('https://www.facebook.com/', { dns: { local: [dns('udp', 'www.facebook.com', [ip])], control: [dns('doh', 'www.facebook.com', [ip])] }, tcp: [tcp(ip, 443)], tls: [tls(ip, 'www.facebook.com', 'ssl_unknown_authority', chain)] }));
    expect(r.verdict.interceptionCa).toMatchObject({ ca: 'Qaznet Trust Network', country: 'KZ', matchedBy: 'sha256' });
    const f = findFindings([r]);
    expect(f.map((x) => x.kind)).toEqual(['state-mitm']);
    expect(f[0]?.title).toMatch(/known state certificate: "Qaznet Trust Network" \(KZ\)/);
  });

  it('an unknown untrusted issuer is suspected interception, with the issuer shown', () => {
    const ip = '203.0.113.31';
    const r = result(measurement('https://x.example/', { dns: { local: [dns('udp', 'x.example', [ip])], control: [dns('doh', 'x.example', [ip])] }, tcp: [tcp(ip, 443)], tls: [{ ...tls(ip, 'x.example', 'ssl_unknown_authority', [cert('CN=x.example', 'CN=Corporate Proxy CA'), cert('CN=Corporate Proxy CA', 'CN=Corporate Proxy CA')]), chainError: 'SELF_SIGNED_CERT_IN_CHAIN' }] }));
    const f = findFindings([r]);
    expect(f.map((x) => x.kind)).toEqual(['suspected-mitm']);
    expect(f[0]?.title).toContain('issuer: CN=Corporate Proxy CA');
  });

  it('throttling: one transfer far slower than the rest is flagged with figures, and stays accessible', () => {
    const fast = Array.from({ length: 4 }, (_, i) => works(`fast${i}.example`, `198.51.100.${i + 1}`, 300_000, 0.01));
    const slow = works('azattyq.example', '198.51.100.9', 300_000, 3);
    const f = findFindings([...fast, slow]);
    expect(f.map((x) => x.kind)).toEqual(['throttling']);
    expect(f[0]?.title).toBe("Possibly throttled: azattyq.example: 0.10 MiB/s, 300× below this run's median (median 29 MiB/s over 5 transfers)");
    expect(slow.verdict.status).toBe('accessible');
  });

  it('no throttling finding without enough comparable transfers', () => {
    expect(kinds([works('a.example', '198.51.100.1', 300_000, 0.01), works('b.example', '198.51.100.2', 300_000, 3)])).toEqual([]);
  });

  it('no connectivity with ONE target: decided from the control itself (#11: `tekser run https://orda.kz/` offline)', () => {
    const f = findFindings([offline('orda.kz')]);
    expect(f.map((x) => x.kind)).toEqual(['no-connectivity']);
    expect(f[0]?.title).toMatch(/^No connectivity: 1 of 1 targets could not even reach the control resolver/);
  });

  it('a control helper that did not answer is said once, with counts by reason, not hidden in per-target reasons', () => {
    const helperDown = (host: string, ip: string, failure: string): WebResult => {
      const url = `https://${host}/`;
      return result(measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443, 'generic_timeout_error')], helper: { url: 'https://helper.example/', response: null, failure } }));
    };
    const rs = [helperDown('a.example', '203.0.113.5', 'connection_refused'), helperDown('b.example', '203.0.113.6', 'connection_refused'), helperDown('c.example', '203.0.113.7', 'http_request_failed'), ipBlocked('d.example', '203.0.113.8'), works('e.example', '198.51.100.1')];
    const f = findFindings(rs).find((x) => x.kind === 'helper-unavailable');
    expect(f?.title).toBe('The control helper did not answer for 3 of 4 of the targets it was asked about (connection_refused): their verdicts had no outside view');
    expect(f?.details).toContain('failures: connection_refused × 2, http_request_failed × 1');
    expect(f?.targets).toEqual(['https://a.example/', 'https://b.example/', 'https://c.example/']);
    // A helper that answered every time, or none asked: nothing to say.
    expect(kinds([ipBlocked('d.example', '203.0.113.8'), works('e.example', '198.51.100.1')])).not.toContain('helper-unavailable');
    // Offline: the helper fails with everything else, and no-connectivity says it all.
    const offlineWithHelper = (host: string): WebResult => {
      const r = offline(host);
      return result({ ...r.measurement, helper: { url: 'https://helper.example/', response: null, failure: 'network_unreachable' } });
    };
    expect(kinds([offlineWithHelper('a.example'), offlineWithHelper('b.example')])).toEqual(['no-connectivity']);
  });

  it('no connectivity from the run-level control check, whatever the targets say', () => {
    const check = [dns('doh', 'example.org', [], 'network_unreachable')];
    const f = findFindings([unreachable('orda.kz', '203.0.113.5')], { controlCheck: check });
    expect(f.map((x) => x.kind)).toEqual(['no-connectivity']);
    expect(f[0]?.title).toMatch(/control resolver cannot be reached \(network_unreachable\) and none of 1 target/);
  });

  it('not a shutdown when the control check answers: one site unreachable is not the network', () => {
    const check = [dns('doh', 'example.org', ['198.51.100.53'])];
    expect(findFindings([unreachable('orda.kz', '203.0.113.5')], { controlCheck: check }).map((x) => x.kind)).toEqual([]);
  });

  it('the control itself intercepted is not a shutdown: "All TLS is intercepted, even to the control resolver", named by the state CA', () => {
    const qaznet = { ...cert('C=KZ, CN=Qaznet Trust Network', 'C=KZ, CN=Qaznet Trust Network'), sha256: '00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2' };
    const controlTls = { ...tls('198.51.100.53', 'dns.example', 'ssl_unknown_authority', [cert('CN=dns.example', 'C=KZ, CN=Qaznet Trust Network'), qaznet]), chainError: 'SELF_SIGNED_CERT_IN_CHAIN' };
    const interceptedControl = dns('doh', 'x', [], 'ssl_unknown_authority', { tls: controlTls });
    const site = (host: string): WebResult =>
      result(measurement(`https://${host}/`, { dns: { local: [dns('udp', host, ['203.0.113.60'])], control: [{ ...interceptedControl, hostname: host }] }, tcp: [tcp('203.0.113.60', 443)], tls: [tls('203.0.113.60', host, 'ssl_unknown_authority', [cert(`CN=${host}`, 'C=KZ, CN=Qaznet Trust Network'), qaznet])] }));
    const rs = [site('a.example'), site('b.example'), site('c.example')];
    for (const r of rs) expect(r.verdict).toMatchObject({ status: 'blocked', method: 'mitm', interceptionCa: { ca: 'Qaznet Trust Network' } });
    const f = findFindings(rs, { controlCheck: [interceptedControl] });
    expect(f.map((x) => x.kind)).toEqual(['control-interception', 'state-mitm']);
    expect(f[0]?.title).toBe('All TLS is intercepted, even to the control resolver, by "Qaznet Trust Network" (KZ), a known interception CA');
  });

  it('an intercepted control, per target: the verdict says the control evidence is untrustworthy, not "control unreachable"', () => {
    const controlTls = { ...tls('198.51.100.53', 'dns.example', 'ssl_unknown_authority', [cert('CN=dns.example', 'CN=Corp Proxy')]) };
    const r = result(measurement('https://a.example/', { dns: { local: [dns('udp', 'a.example', ['203.0.113.61'])], control: [dns('doh', 'a.example', [], 'ssl_unknown_authority', { tls: controlTls })] }, tcp: [tcp('203.0.113.61', 443, 'generic_timeout_error')] }));
    expect(r.verdict.status).toBe('inconclusive');
    expect(r.verdict.reason).not.toMatch(/Control unreachable/);
    expect(r.verdict.reason).toMatch(/control resolver's own TLS connection is intercepted by a certificate issued by "CN=Corp Proxy", so control evidence is untrustworthy/);
  });

  it('collateral without a helper: grouped by the shared address, unconfirmed, with the working neighbours', () => {
    const shared = '203.0.113.30';
    const rs = [...Array.from({ length: 12 }, (_, i) => unreachable(`tilda${i}.example`, shared)), works('ok.example', '203.0.113.31'), works('far.example', '198.51.100.8')];
    const f = findFindings(rs).filter((x) => x.kind === 'collateral');
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toMatch(/^203\.0\.113\.30 unreachable from here \(generic_timeout_error\): 12 tested sites share it \(unconfirmed: run with a control helper to tell a block from an outage\)/);
    expect(f[0]?.details[0]).toMatch(/other addresses in 203\.0\.113\.0\/24 work \(203\.0\.113\.31\)/);
    expect(f[0]?.details[1]).toBe('1 other address(es) elsewhere work from here');
  });

  it('collateral: not for sites whose DNS was tampered (the failing address is the censor\'s)', () => {
    expect(kinds([dnsTampered('a.example'), dnsTampered('b.example'), dnsTampered('c.example')])).not.toContain('collateral');
  });

  it('throttling: a 2 Mbit/s site among LAN-speed sites is flagged (no absolute floor), with figures', () => {
    const lan = Array.from({ length: 5 }, (_, i) => works(`lan${i}.example`, `198.51.100.${i + 1}`, 2_000_000, 0.02));
    const slow = works('big.test', '198.51.100.9', 2_000_000, 8); // 250 kB/s = 2 Mbit/s
    const f = findFindings([...lan, slow]);
    expect(f.map((x) => x.kind)).toEqual(['throttling']);
    expect(f[0]?.title).toMatch(/^Possibly throttled: big\.test: 0\.24 MiB\/s, 400× below this run's median/);
  });

  it('throttling noise guard: a short transfer slower than the rest (under 0.25 s) is not flagged', () => {
    const lan = Array.from({ length: 5 }, (_, i) => works(`lan${i}.example`, `198.51.100.${i + 1}`, 200_000, 0.002));
    expect(kinds([...lan, works('jitter.example', '198.51.100.9', 200_000, 0.1)])).toEqual([]);
  });

  it('throttling uses the throughput samples when there are enough (steady rate, not the first-byte wait)', () => {
    const lan = Array.from({ length: 4 }, (_, i) => works(`lan${i}.example`, `198.51.100.${i + 1}`, 1_000_000, 0.01));
    const url = 'https://sampled.example/';
    const samples = [{ t: 0.35, bytes: 100_000 }, { t: 0.6, bytes: 160_000 }, { t: 0.85, bytes: 220_000 }, { t: 4.1, bytes: 1_000_000 }];
    const page = http(url, '198.51.100.9', 200, { tls: tls('198.51.100.9', 'sampled.example'), bodyLength: 1_000_000, t0: 0.1, responseAt: 0.1, t: 4.1, samples });
    const r = result(measurement(url, { dns: { local: [dns('udp', 'sampled.example', ['198.51.100.9'])], control: [dns('doh', 'sampled.example', ['198.51.100.9'])] }, tcp: [tcp('198.51.100.9', 443)], tls: [tls('198.51.100.9', 'sampled.example')], http: [page] }));
    const f = findFindings([...lan, r]);
    expect(f[0]?.details[0]).toMatch(/rate from throughput samples/);
  });

  it('finding records give the same findings as full results (what a streaming pipeline keeps)', () => {
    const shared = '203.0.113.7';
    const rs = [ipBlocked('a.example', shared), ipBlocked('b.example', shared), works('d.example', '203.0.113.10'), offline('e.example'), canary('c1.example', '192.0.2.70')];
    const slim = rs.map((r) => findingRecordOf(r));
    expect(findFindings(slim)).toEqual(findFindings(rs));
    expect(JSON.stringify(slim[0]).length).toBeLessThan(1200);
    for (const x of slim) expect(findingRecordSchema.parse(x)).toEqual(x);
  });

  it('the analysis decides the facts once: the verdict and facts of one walk make the record findings read', () => {
    const controlTls = { ...tls('198.51.100.53', 'dns.example', 'ssl_unknown_authority', [cert('CN=dns.example', 'CN=Corp Proxy')]) };
    const intercepted = measurement('https://a.example/', { dns: { local: [dns('udp', 'a.example', ['203.0.113.61'])], control: [dns('doh', 'a.example', [], 'ssl_unknown_authority', { tls: controlTls })] }, tcp: [tcp('203.0.113.61', 443, 'generic_timeout_error')] });
    for (const m of [intercepted, offline('o.example').measurement, ipBlocked('b.example', '203.0.113.7').measurement]) {
      const { verdict, facts } = analyzeWebTarget(m);
      expect(verdict).toEqual(analyzeWeb(m));
      expect(findingRecord(m.target, verdict, facts)).toEqual(findingRecordOf(result(m)));
    }
    const { facts } = analyzeWebTarget(intercepted);
    expect(facts.control).toMatchObject({ failed: false, failure: null, interception: { issuer: 'CN=Corp Proxy', match: null } });
    expect(analyzeWebTarget(offline('o.example').measurement).facts.control).toEqual({ failed: true, failure: 'network_unreachable', interception: null });
  });
});
